# case: the old version names the same learning rate lr and logs it already: nothing changes
# === new
import flor


def train(args, trainer, batches):
    last_best_step = 0
    for global_step, batch in enumerate(batches):
        loss = trainer.update(batch)
        if global_step - last_best_step >= args['max_steps_before_stop']:
            lr = args['second_lr']
            if lr is None:
                lr = args['lr']
            trainer.optimizer = get_optimizer(args['second_optim'], trainer.model, lr=lr)
            flor.log("second_lr", lr)
            last_best_step = global_step
# === old
import flor


def train(args, trainer, batches):
    last_best_step = 0
    for global_step, batch in enumerate(batches):
        loss = trainer.update(batch)
        if global_step - last_best_step >= args['max_steps_before_stop']:
            lr = args['second_lr'] or args['lr']
            trainer.optimizer = get_optimizer(args['second_optim'], trainer.model, lr=lr)
            flor.log("second_lr", lr)
            last_best_step = global_step
# === expected
<unchanged>
# === diagnostics
present second_lr
