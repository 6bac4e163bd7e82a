# case: the old function already logs the value: nothing changes
# === new
import flor


def train(config, resume_from_checkpoint=None, trial=None, **kwargs):
    setup_logging(config.log_level)
    inner = find_executable_batch_size(_inner_loop, starting_batch_size=config.batch_size)
    return inner(args=config)


def _inner_loop(batch_size=None, args=None):
    loader = rebatch(loader, batch_size)
    scaler = make_scaler()
    history = []
    tracker = MemoryTracker()
    tracker.start()
    callbacks = CallbackHandler(default_callbacks())
    state = TrainerState(max_steps=len(loader) * epochs)
    callbacks.on_train_begin(state)
    for epoch in range(epochs):
        model.train()
        for batch in loader:
            loss = step(model, batch, scaler)
            history.append(loss)
        val_loss = evaluate(model)
        flor.log("val_loss", val_loss)
        report(epoch, history, val_loss)
        callbacks.on_epoch_end(state)
        save(model, epoch)
    callbacks.on_train_end(state)
    tracker.stop(state)
    return history
# === old
import flor


def train(model_path=None):
    writer = SummaryWriter(log_dir)
    for epoch in range(epochs):
        for batch in loader:
            step(model, batch)
            writer.add_scalar("lr", get_lr(optimizer))
        val_loss = evaluate(model)
        flor.log("val_loss", val_loss)
        print(epoch, val_loss)
        writer.add_scalar("val_loss", val_loss)
        if val_loss < best:
            best = val_loss
            torch.save(model.state_dict(), "best.pt")
    writer.close()
# === expected
<unchanged>
# === diagnostics
present val_loss
