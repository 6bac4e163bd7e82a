# case: the old version already logs the perplexity after validation: nothing changes
# === new
import flor


class Trainer:
    def train(self, train_iter, train_steps, valid_iter=None, valid_steps=10000):
        total_stats = Statistics()
        for i, (batches, normalization) in enumerate(self._accum_batches(train_iter)):
            step = self.optim.training_step
            self._gradient_accumulation(batches, normalization, total_stats)
            if valid_iter is not None and step % valid_steps == 0:
                if self.parallel_mode == "tensor_parallel" or self.gpu_rank <= 0:
                    valid_stats = self.validate(valid_iter, moving_average=self.moving_average)
                    flor.log("valid_ppl", valid_stats.ppl())
            if step % valid_steps == 0 and self.gpu_rank <= 0:
                self._report_step(self.optim.learning_rate(), step, valid_stats=valid_stats, train_stats=total_stats)
                if self.earlystopper is not None:
                    self.earlystopper(valid_stats, step)
                    if self.earlystopper.has_stopped():
                        logger.info("earlystopper has_stopped!")
                        break
            if train_steps > 0 and step >= train_steps:
                break
        return total_stats
# === old
import flor


class Trainer:
    def train(self, train_iter, train_steps, valid_iter=None, valid_steps=10000):
        total_stats = Statistics()
        for i, (batches, normalization) in enumerate(self._accum_batches(train_iter)):
            step = self.optim.training_step
            self._gradient_accumulation(batches, normalization, total_stats)
            if valid_iter is not None and step % valid_steps == 0 and self.gpu_rank == 0:
                valid_stats = self.validate(valid_iter, moving_average=self.moving_average)
                flor.log("valid_ppl", valid_stats.ppl())
                if self.gpu_verbose_level > 0:
                    logger.info("GpuRank %d: report stat step %d" % (self.gpu_rank, step))
                self._report_step(self.optim.learning_rate(), step, valid_stats=valid_stats)
                if self.earlystopper is not None:
                    self.earlystopper(valid_stats, step)
                    if self.earlystopper.has_stopped():
                        logger.info("earlystopper has_stopped!")
                        break
            if train_steps > 0 and step >= train_steps:
                break
        return total_stats
# === expected
<unchanged>
# === diagnostics
present valid_ppl
