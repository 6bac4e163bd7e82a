# case: the statement already follows the old guard's counterpart: nothing changes
# === new
import flor
for i, batch in enumerate(loader):
    out = trainer.step(batch)
    if out is not None:
        updates = trainer.num_updates()
        flor.log("updates", updates)
        if updates % interval == 0:
            log_stats(out)
    done = not it.has_next()
# === old
import flor
for i, batch in enumerate(loader):
    out = trainer.step(batch)
    if out is None:
        continue
    stats = get_stats(trainer)
    progress.log(stats)
    updates = trainer.num_updates()
    flor.log("updates", updates)
    if save_every > 0 and updates % save_every == 0:
        save(trainer)
# === expected
<unchanged>
# === diagnostics
present updates
