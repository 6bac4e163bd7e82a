# case: the old version already logs after the scheduler step that follows its timed block: nothing changes
# === new
import flor
def train_one_epoch(model, loader, optimizers, schedulers, accum):
    for it, batch in enumerate(loader, 1):
        loss = model(batch)
        loss.backward()
        if it % accum == 0:
            with timer("optim_step"):
                for optimizer, scheduler in zip(optimizers, schedulers):
                    optimizer.step()
                    if isinstance(scheduler, BatchScheduler):
                        scheduler.step()
            flor.log("lr", optimizers[0].param_groups[0]["lr"])
            for optimizer in optimizers:
                optimizer.zero_grad()
# === old
import flor
def train_one_epoch(model, loader, optimizers, schedulers, accum):
    optimizer = optimizers[0]
    scheduler = schedulers[0]
    for it, batch in enumerate(loader, 1):
        loss = model(batch)
        loss.backward()
        if it % accum == 0:
            with timer("optim_step"):
                optimizer.step()
            if isinstance(scheduler, BatchScheduler):
                scheduler.step()
            flor.log("lr", optimizers[0].param_groups[0]["lr"])
            optimizer.zero_grad()
# === expected
<unchanged>
# === diagnostics
present lr
