# case: the statement already stands right after the old guard: nothing changes
# === new
import flor
for i, batch in enumerate(loader):
    out = trainer.step(batch)
    if out is not None:
        flor.log("out_loss", out["loss"])
        updates = trainer.num_updates()
    done = not it.has_next()
# === old
import flor
for i, batch in enumerate(loader):
    out = trainer.step(batch)
    if out is None:
        continue
    flor.log("out_loss", out["loss"])
    stats = get_stats(trainer)
    updates = trainer.num_updates()
# === expected
<unchanged>
# === diagnostics
present out_loss
