# case: today's previous sibling (a timed block) also holds the scheduler step that the old version has right after its block: the statement follows both
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
            optimizer.zero_grad()
# === expected
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
# === diagnostics
placed lr at train_one_epoch/for:(it,batch)/if/stmt:2
