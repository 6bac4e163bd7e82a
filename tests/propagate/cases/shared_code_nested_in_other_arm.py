# case: the plain step today has a fused-allreduce arm whose forward and backward sit inside with model.no_sync(), the other arm holds them directly: the shared code is aligned from the arm that holds it directly
# === new
import flor


class Trainer:
    def train(self, model, loader, use_fused_allreduce_gradients):
        for epoch_id in range(self.start_epoch, self.epochs):
            for step_id, data in enumerate(loader):
                if isinstance(model, paddle.DataParallel) and use_fused_allreduce_gradients:
                    with model.no_sync():
                        outputs = model(data)
                        loss = outputs["loss"]
                        loss.backward()
                    fused_allreduce_gradients(list(model.parameters()), None)
                else:
                    outputs = model(data)
                    loss = outputs["loss"]
                    loss.backward()
                    flor.log("loss_fp32", float(loss))
                self.optimizer.step()
                curr_lr = self.optimizer.get_lr()
                self.lr.step()
# === old
class Trainer:
    def train(self, model, loader):
        for epoch_id in range(self.start_epoch, self.epochs):
            for step_id, data in enumerate(loader):
                outputs = model(data)
                loss = outputs["loss"]
                loss.backward()
                self.optimizer.step()
                curr_lr = self.optimizer.get_lr()
                self.lr.step()
# === expected
import flor
class Trainer:
    def train(self, model, loader):
        for epoch_id in range(self.start_epoch, self.epochs):
            for step_id, data in enumerate(loader):
                outputs = model(data)
                loss = outputs["loss"]
                loss.backward()
                flor.log("loss_fp32", float(loss))
                self.optimizer.step()
                curr_lr = self.optimizer.get_lr()
                self.lr.step()
# === diagnostics
placed loss_fp32 at Trainer/train/for:epoch_id/for:(step_id,data)/stmt:3
