# case: Code moved today from the training loop into the validate() it calls takes the statement along: after the old scheduler step, in the caller
# === new
import flor


class Trainer:
    def validate(self):
        loss, predictions = self.evaluate(self.valid_data)
        scores = self.metrics.update(predictions, self.targets)
        for name, score in scores.items():
            logger.info(f"validation {name}: {score}")
        scores["loss"] = loss
        self.valid_log.info(str(loss))
        if self.use_scheduler:
            self.scheduler.step(loss)
        flor.log("lr", self.optimizer.param_groups[0]["lr"])
        if loss < self.min_loss:
            self.min_loss = loss
            self.save_checkpoint(True)
        return scores

    def train_and_validate(self):
        for step in range(self.start_step, self.max_steps):
            self.train()
            if step % self.report_every == 0:
                self.validate()
# === old
class Trainer:
    def validate(self):
        loss, predictions = self.evaluate(self.valid_data)
        scores = self.metrics.update(predictions, self.targets)
        for name, score in scores.items():
            logger.info(f"validation {name}: {score}")
        scores["loss"] = loss
        return scores

    def train_and_validate(self):
        min_loss = float("inf")
        scheduler = ReduceLROnPlateau(self.optimizer)
        for step in range(self.start_step, self.max_steps):
            self.train()
            if step % self.report_every == 0:
                scores = self.validate()
                loss = scores["loss"]
                self.valid_log.info(str(loss))
                scheduler.step(loss)
                if loss < min_loss:
                    min_loss = loss
                    self.save_checkpoint(True)
# === expected
import flor
class Trainer:
    def validate(self):
        loss, predictions = self.evaluate(self.valid_data)
        scores = self.metrics.update(predictions, self.targets)
        for name, score in scores.items():
            logger.info(f"validation {name}: {score}")
        scores["loss"] = loss
        return scores

    def train_and_validate(self):
        min_loss = float("inf")
        scheduler = ReduceLROnPlateau(self.optimizer)
        for step in range(self.start_step, self.max_steps):
            self.train()
            if step % self.report_every == 0:
                scores = self.validate()
                loss = scores["loss"]
                self.valid_log.info(str(loss))
                scheduler.step(loss)
                flor.log("lr", self.optimizer.param_groups[0]["lr"])
                if loss < min_loss:
                    min_loss = loss
                    self.save_checkpoint(True)
# === diagnostics
placed lr at Trainer/train_and_validate/for:step/if/stmt:4
