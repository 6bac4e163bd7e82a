# case: scaled_loss = self.scaler.scale(loss / k) today; before, loss.backward() on the loss itself: the backward steps are one step, but the scaled loss is no old value: declined
# === new
import flor


class Brain:
    def fit_batch(self, batch):
        outputs = self.compute_forward(batch)
        loss = self.compute_objectives(outputs, batch)
        scaled_loss = self.scaler.scale(loss / self.grad_accumulation_factor)
        scaled_loss.backward()
        flor.log("scaled_loss", scaled_loss.item())
        self.optimizer.step()
        return loss.detach()
# === old
class Brain:
    def fit_batch(self, batch):
        outputs = self.compute_forward(batch)
        loss = self.compute_objectives(outputs, batch)
        loss.backward()
        self.optimizer.step()
        return loss.detach()
# === expected
<declined>
# === diagnostics
declined scaled_loss: reads `scaled_loss.item`, computed today by the statement at line 8, which has no counterpart in this version
