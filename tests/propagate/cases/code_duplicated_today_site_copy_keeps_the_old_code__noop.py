# case: the old function already logs the value: nothing changes
# === new
import flor


def training_step(model, optimizer):
    def update(engine, batch):
        model.train()
        x, y = prepare(batch)
        loss = loss_fn(model(x), y)
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()
        return loss.item()

    return update


def training_step_amp(model, optimizer):
    def update(engine, batch):
        model.train()
        x, y = prepare(batch)
        with autocast():
            loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    return update


def training_step_tpu(model, optimizer):
    def update(engine, batch):
        model.train()
        x, y = prepare(batch)
        loss = loss_fn(model(x), y)
        loss.backward()
        xm.optimizer_step(optimizer)
        return loss.item()

    return update


def create_trainer(model, optimizer, on_tpu=False, amp=False):
    step = training_step_tpu if on_tpu else training_step_amp if amp else training_step
    return Engine(step(model, optimizer))
# === old
import flor


def create_trainer(model, optimizer):
    def _update(engine, batch):
        model.train()
        x, y = prepare(batch)
        loss = loss_fn(model(x), y)
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()
        return loss.item()

    return Engine(_update)
# === expected
<unchanged>
# === diagnostics
present loss
