# case: the old version already logs after its inline step: nothing changes
# === new
import flor


class Agent(BaseAgent):
    def calc_gradients(self, batch):
        loss = self.compute_loss(batch)
        self.optimizer.zero_grad()
        self.scaler.scale(loss).backward()
        self.truncate_gradients_and_step()
        flor.log("param_norm", sum(p.norm().item() ** 2 for p in self.model.parameters()) ** 0.5)
        with torch.no_grad():
            kl = self.kl(batch)
        self.diagnostics(loss, kl)
# === old
import flor


class Agent(BaseAgent):
    def calc_gradients(self, batch):
        loss = self.compute_loss(batch)
        self.optimizer.zero_grad()
        self.scaler.scale(loss).backward()
        if self.truncate_grads:
            self.scaler.unscale_(self.optimizer)
            nn.utils.clip_grad_norm_(self.model.parameters(), self.grad_norm)
            self.scaler.step(self.optimizer)
            self.scaler.update()
        else:
            self.scaler.step(self.optimizer)
            self.scaler.update()
        flor.log("param_norm", sum(p.norm().item() ** 2 for p in self.model.parameters()) ** 0.5)
        with torch.no_grad():
            kl = self.kl(batch)
        self.diagnostics(loss, kl)
# === expected
<unchanged>
# === diagnostics
present param_norm
