# case: The statement already read through the attribute: nothing changes
# === new
import flor


class Learner:
    def setup(self):
        self.opt = self.build_optimizer()
        self.step_scheduler = self.build_step_scheduler()

    def train(self, epochs):
        for epoch in range(epochs):
            metrics = self.train_epoch(optimizer=self.opt, step_scheduler=self.step_scheduler)
            self.log_metrics(epoch, metrics)

    def train_epoch(self, optimizer, step_scheduler=None):
        self.model.train()
        outputs = []
        for batch_ind, (x, y) in enumerate(self.train_dl):
            x = self.to_device(x, self.device)
            y = self.to_device(y, self.device)
            optimizer.zero_grad()
            output = self.train_step((x, y), batch_ind)
            output["train_loss"].backward()
            optimizer.step()
            outputs.append(output)
            if step_scheduler is not None:
                step_scheduler.step()
            flor.log("lr", optimizer.param_groups[0]["lr"])
        return self.train_end(outputs)
# === old
import flor


class Learner:
    def setup(self):
        self.opt = self.build_optimizer()
        self.step_scheduler = self.build_step_scheduler()

    def train(self, epochs):
        for epoch in range(epochs):
            metrics = self.train_epoch()
            self.log_metrics(epoch, metrics)

    def train_epoch(self):
        self.model.train()
        num_samples = 0
        outputs = []
        for batch_ind, (x, y) in enumerate(self.train_dl):
            x = self.to_device(x, self.device)
            y = self.to_device(y, self.device)
            self.opt.zero_grad()
            output = self.train_step((x, y), batch_ind)
            output["train_loss"].backward()
            self.opt.step()
            outputs.append(output)
            if self.step_scheduler:
                self.step_scheduler.step()
            flor.log("lr", self.opt.param_groups[0]["lr"])
            num_samples += x.shape[0]
        return self.train_end(outputs, num_samples)
# === expected
<unchanged>
# === diagnostics
present lr
