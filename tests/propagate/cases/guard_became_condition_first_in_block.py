# case: first under a condition that was an old guard: right after the guard, not first in the loop
# === new
import flor
for i, batch in enumerate(loader):
    out = trainer.step(batch)
    if out is not None:
        flor.log("out_loss", out["loss"])
        updates = trainer.num_updates()
    done = not it.has_next()
# === old
for i, batch in enumerate(loader):
    out = trainer.step(batch)
    if out is None:
        continue
    stats = get_stats(trainer)
    updates = trainer.num_updates()
# === expected
import flor
for i, batch in enumerate(loader):
    out = trainer.step(batch)
    if out is None:
        continue
    flor.log("out_loss", out["loss"])
    stats = get_stats(trainer)
    updates = trainer.num_updates()
# === diagnostics
placed out_loss at for:(i,batch)/stmt:2
