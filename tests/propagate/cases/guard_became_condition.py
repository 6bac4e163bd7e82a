# case: an old guard `if out is None: continue` became `if out is not None:` around the rest: the statement goes after the guard's counterpart statements
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
for i, batch in enumerate(loader):
    out = trainer.step(batch)
    if out is None:
        continue
    stats = get_stats(trainer)
    progress.log(stats)
    updates = trainer.num_updates()
    if save_every > 0 and updates % save_every == 0:
        save(trainer)
# === expected
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
# === diagnostics
placed updates at for:(i,batch)/stmt:5
