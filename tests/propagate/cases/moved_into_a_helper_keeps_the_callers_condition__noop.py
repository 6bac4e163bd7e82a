# case: the old inline code already logs: nothing changes
# === new
import flor
import time


class Agent:
    def dump_logs(self, iteration):
        fps = int(self.steps / (time.time() - self.start))
        flor.log("fps", fps)
        self.logger.record("fps", fps)

    def learn(self, total):
        iteration = 0
        while self.steps < total:
            iteration += 1
            if iteration % self.log_interval == 0:
                self.dump_logs(iteration)
            self.train()
# === old
import flor
import time


class Agent:
    def learn(self, total):
        iteration = 0
        while self.steps < total:
            iteration += 1
            if iteration % self.log_interval == 0:
                fps = int(self.steps / (time.time() - self.start))
                flor.log("fps", fps)
                self.logger.record("fps", fps)
            self.train()
# === expected
<unchanged>
# === diagnostics
present fps
