# case: the statement already reads save_path: nothing changes
# === new
import flor


class Trainer:
    def step_epochs(self):
        for epoch in range(self._train_args.start_epoch, self._train_args.n_epochs):
            self._itr_start_time = time.time()
            with logger.prefix('epoch #%d | ' % epoch):
                yield epoch
                save_episode = (self.step_episode
                                if self._train_args.store_episodes else None)
                flor.log("store_episodes", save_episode is not None)
                self._stats.last_episode = save_episode
                self._stats.total_epoch = epoch
                self.save(epoch)
# === old
import flor


class Trainer:
    def step_epochs(self):
        for epoch in range(self._train_args.start_epoch, self._train_args.n_epochs):
            self._itr_start_time = time.time()
            with logger.prefix('epoch #%d | ' % epoch):
                yield epoch
                save_path = (self.step_path
                             if self._train_args.store_paths else None)
                flor.log("store_episodes", save_path is not None)
                self._stats.last_path = save_path
                self._stats.total_epoch = epoch
                self.save(epoch)
# === expected
<unchanged>
# === diagnostics
present store_episodes
