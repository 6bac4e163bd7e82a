# case: code moved into a helper called under a condition: the statement stays under the old inline condition
# === new
import flor
import time


class Agent:
    def dump_logs(self, iteration):
        elapsed = max(time.time() - self.start, 1e-9)
        fps = int(self.steps / elapsed)
        flor.log("fps", fps)
        self.logger.record("fps", fps)
        self.logger.dump(step=self.steps)

    def learn(self, total):
        iteration = 0
        while self.steps < total:
            self.collect()
            iteration += 1
            if iteration % self.log_interval == 0:
                self.dump_logs(iteration)
            self.train()
# === old
import time


class Agent:
    def learn(self, total):
        iteration = 0
        while self.steps < total:
            self.collect()
            iteration += 1
            if iteration % self.log_interval == 0:
                fps = int(self.steps / (time.time() - self.start))
                self.logger.record("iterations", iteration)
                self.logger.record("fps", fps)
                self.logger.dump(step=self.steps)
            self.train()
# === expected
import flor
import time


class Agent:
    def learn(self, total):
        iteration = 0
        while self.steps < total:
            self.collect()
            iteration += 1
            if iteration % self.log_interval == 0:
                fps = int(self.steps / (time.time() - self.start))
                flor.log("fps", fps)
                self.logger.record("iterations", iteration)
                self.logger.record("fps", fps)
                self.logger.dump(step=self.steps)
            self.train()
# === diagnostics
placed fps at Agent/learn/while/if/stmt:1
