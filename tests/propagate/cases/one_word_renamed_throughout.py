# case: episode for path in every name of the statement (save_episode, step_episode, store_episodes), a word the old version never uses: the same statement, and the statement reads save_path
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
class Trainer:
    def step_epochs(self):
        for epoch in range(self._train_args.start_epoch, self._train_args.n_epochs):
            self._itr_start_time = time.time()
            with logger.prefix('epoch #%d | ' % epoch):
                yield epoch
                save_path = (self.step_path
                             if self._train_args.store_paths else None)
                self._stats.last_path = save_path
                self._stats.total_epoch = epoch
                self.save(epoch)
# === expected
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
# === diagnostics
placed store_episodes at Trainer/step_epochs/for:epoch/with/stmt:2 renames save_episode->save_path
