# case: no-op twin of renamed_switch_if_else_arms_agree
# === new
import flor


class Trainer:
    def train(self, model, loader, scaler, use_fused_allreduce_gradients):
        for epoch_id in range(self.start_epoch, self.epochs):
            for step_id, data in enumerate(loader):
                data["epoch_id"] = epoch_id
                if self.use_amp:
                    if isinstance(model, paddle.DataParallel) and use_fused_allreduce_gradients:
                        with model.no_sync():
                            with paddle.amp.auto_cast(enable=self.cfg.use_gpu, level=self.amp_level):
                                outputs = model(data)
                                loss = outputs["loss"]
                            scaled_loss = scaler.scale(loss)
                            scaled_loss.backward()
                        fused_allreduce_gradients(list(model.parameters()), None)
                    else:
                        with paddle.amp.auto_cast(enable=self.cfg.use_gpu, level=self.amp_level):
                            outputs = model(data)
                            loss = outputs["loss"]
                        scaled_loss = scaler.scale(loss)
                        scaled_loss.backward()
                    scaler.minimize(self.optimizer, scaled_loss)
                else:
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
                self.optimizer.clear_grad()
# === old
import flor


class Trainer:
    def train(self, model, loader, scaler):
        for epoch_id in range(self.start_epoch, self.epochs):
            for step_id, data in enumerate(loader):
                if self.cfg.get("fp16", False):
                    with amp.auto_cast(enable=self.cfg.use_gpu):
                        outputs = model(data)
                        loss = outputs["loss"]
                    scaled_loss = scaler.scale(loss)
                    scaled_loss.backward()
                    scaler.minimize(self.optimizer, scaled_loss)
                else:
                    outputs = model(data)
                    loss = outputs["loss"]
                    loss.backward()
                    flor.log("loss_fp32", float(loss))
                    self.optimizer.step()
                curr_lr = self.optimizer.get_lr()
                self.lr.step()
                self.optimizer.clear_grad()
# === expected
<unchanged>
# === diagnostics
present loss_fp32
