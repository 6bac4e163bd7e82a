# case: the equivalent statement sits under `if False:`: it never runs, declined
# === new
import flor
for step in range(steps):
    loss = train_step(model)
    ema.update(model)
    flor.log("ema_norm", ema.norm())
# === old
for step in range(steps):
    loss = train_step(model)
    if False:
        ema.update(model)
# === expected
<declined>
# === diagnostics
declined ema_norm: its equivalent place never runs (dead code under a false condition)
