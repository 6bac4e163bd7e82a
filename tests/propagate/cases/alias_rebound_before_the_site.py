# case: today's lr is args['second_lr'], then args['lr'] when that is None; the old version has neither a second_lr nor an lr name: declined, not replaced by args['second_lr']
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
def train(args, trainer, batches):
    last_best_step = 0
    for global_step, batch in enumerate(batches):
        loss = trainer.update(batch)
        if global_step - last_best_step >= args['max_steps_before_stop']:
            trainer.optimizer = optim.Adam(trainer.model.parameters(), amsgrad=True, lr=args['lr'])
            last_best_step = global_step
# === expected
<declined>
# === diagnostics
declined second_lr: reads `lr`, computed today by the statement at line 9, which has no counterpart in this version
