# case: Today's `self.loop` holds what the old class kept on `self` (`epoch_num`, `local_step`) and on `self.config` (`max_epoch`): each attribute is renamed to the old path the old version mentions, not to `self.config.epoch_num`
# === new
import flor


class Trainer:
    def __init__(self, config):
        self.config = config
        self.loop = TrainLoop()

    def main_loop(self):
        self.loop.update_global_step()
        for self.loop._epoch_num in range(self.loop.starting_epoch, self.loop.max_epoch + 1):
            logger.info("Start Epoch {} ...".format(self.loop.epoch_num))
            flor.log("epoch", self.loop.epoch_num)
            for self.loop._local_step in range(self.loop.steps_per_epoch):
                self.run_step()
                flor.log("local_step", self.loop.local_step)
            logger.info("Epoch {} finished".format(self.loop.epoch_num))
# === old
class Trainer:
    def __init__(self, config):
        self.config = config
        self.epoch_num = config.starting_epoch
        self.local_step = -1

    def main_loop(self):
        for self.epoch_num in range(self.config.starting_epoch, self.config.max_epoch + 1):
            logger.info("Start Epoch {} ...".format(self.epoch_num))
            for self.local_step in range(self.config.steps_per_epoch):
                self.run_step()
            logger.info("Epoch {} finished".format(self.epoch_num))
# === expected
import flor
class Trainer:
    def __init__(self, config):
        self.config = config
        self.epoch_num = config.starting_epoch
        self.local_step = -1

    def main_loop(self):
        for self.epoch_num in range(self.config.starting_epoch, self.config.max_epoch + 1):
            logger.info("Start Epoch {} ...".format(self.epoch_num))
            flor.log("epoch", self.epoch_num)
            for self.local_step in range(self.config.steps_per_epoch):
                self.run_step()
                flor.log("local_step", self.local_step)
            logger.info("Epoch {} finished".format(self.epoch_num))
# === diagnostics
placed epoch at Trainer/main_loop/for:self.epoch_num/stmt:1 renames self.loop.epoch_num->self.epoch_num
placed local_step at Trainer/main_loop/for:self.epoch_num/for:self.local_step/stmt:1 renames self.loop.local_step->self.local_step
