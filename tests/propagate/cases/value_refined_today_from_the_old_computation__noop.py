# case: the old version already logs the estimate: nothing changes
# === new
import flor
import time


def train_net(model, loader, num_epochs, time_limit, start_time):
    for epoch in range(num_epochs):
        time_start_epoch = time.time()
        for update_cur, batch in enumerate(loader, start=1):
            model.train_step(batch)
            if epoch == 0 and update_cur == 10:
                time_elapsed_epoch = time.time() - time_start_epoch
                estimated_time_v1 = time_elapsed_epoch / update_cur * len(loader)
                estimated_time_v2 = time_elapsed_epoch + (time_elapsed_epoch / update_cur) * (len(loader) - update_cur)
                estimated_time = min(estimated_time_v1, estimated_time_v2)
                flor.log("est_epoch_time", estimated_time)
                if estimated_time > time_limit:
                    raise TimeLimitExceeded
# === old
import flor


import time


def train_net(model, loader, num_epochs, time_limit, start_time):
    for epoch in range(num_epochs):
        time_start_epoch = time.time()
        for update_cur, batch in enumerate(loader, start=1):
            model.train_step(batch)
            if epoch == 0 and update_cur == 10:
                time_elapsed_epoch = time.time() - time_start_epoch
                estimated_time = time_elapsed_epoch / update_cur * len(loader)
                flor.log("est_epoch_time", estimated_time)
                if estimated_time > time_limit:
                    raise TimeLimitExceeded
# === expected
<unchanged>
# === diagnostics
present est_epoch_time
