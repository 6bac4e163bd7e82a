# case: today the step report and the statement are under `if step % valid_steps == 0 and self.gpu_rank <= 0:`, new; the old version makes the report in its validation `if valid_iter is not None and step % valid_steps == 0:`, which tests mostly the same: the statement stays after the report, inside it
# === new
import flor


class Trainer:
    def train(self, train_iter, train_steps, valid_iter=None, valid_steps=10000):
        total_stats = Statistics()
        for i, (batches, normalization) in enumerate(self._accum_batches(train_iter)):
            step = self.optim.training_step
            self._gradient_accumulation(batches, normalization, total_stats)
            if valid_iter is not None and step % valid_steps == 0:
                valid_stats = self.validate(valid_iter, moving_average=self.moving_average)
            if step % valid_steps == 0 and self.gpu_rank <= 0:
                self._report_step(self.optim.learning_rate(), step, valid_stats=valid_stats, train_stats=total_stats)
                flor.log("train_ppl", total_stats.ppl())
                if self.earlystopper is not None:
                    self.earlystopper(valid_stats, step)
            if train_steps > 0 and step >= train_steps:
                break
        return total_stats
# === old
class Trainer:
    def train(self, train_iter, train_steps, valid_iter=None, valid_steps=10000):
        total_stats = Statistics()
        for i, (batches, normalization) in enumerate(self._accum_batches(train_iter)):
            step = self.optim.training_step
            self._gradient_accumulation(batches, normalization, total_stats)
            if valid_iter is not None and step % valid_steps == 0:
                valid_stats = self.validate(valid_iter, moving_average=self.moving_average)
                valid_stats = self._maybe_gather_stats(valid_stats)
                self._report_step(self.optim.learning_rate(), step, valid_stats=valid_stats)
                if self.earlystopper is not None:
                    self.earlystopper(valid_stats, step)
            if train_steps > 0 and step >= train_steps:
                break
        return total_stats
# === expected
import flor
class Trainer:
    def train(self, train_iter, train_steps, valid_iter=None, valid_steps=10000):
        total_stats = Statistics()
        for i, (batches, normalization) in enumerate(self._accum_batches(train_iter)):
            step = self.optim.training_step
            self._gradient_accumulation(batches, normalization, total_stats)
            if valid_iter is not None and step % valid_steps == 0:
                valid_stats = self.validate(valid_iter, moving_average=self.moving_average)
                valid_stats = self._maybe_gather_stats(valid_stats)
                self._report_step(self.optim.learning_rate(), step, valid_stats=valid_stats)
                flor.log("train_ppl", total_stats.ppl())
                if self.earlystopper is not None:
                    self.earlystopper(valid_stats, step)
            if train_steps > 0 and step >= train_steps:
                break
        return total_stats
# === diagnostics
placed train_ppl at Trainer/train/for:(i,(batches,normalization))/if/stmt:3
