# case: Today averages a validation loss over chunks, each computed by a helper new today and appended to a list; the old version computes valid_loss in place with the helper's statement: what fills the list is an ingredient of the value, so the old valid_loss is an earlier form of it.
# === new
import flor


class Model:
    def _valid_loss(self, output, y):
        valid_loss = self.valid_loss(y=y, y_hat=output)
        return valid_loss

    def validation_step(self, batch, batch_idx):
        valid_losses = []
        sizes = []
        for chunk in split(batch, self.chunk_size):
            output = self(chunk["x"])
            chunk_loss = self._valid_loss(output, chunk["y"])
            valid_losses.append(chunk_loss)
            sizes.append(len(output))
        valid_loss = torch.stack(valid_losses)
        sizes = torch.tensor(sizes)
        valid_loss = torch.sum(valid_loss * sizes) / torch.sum(sizes)
        flor.log("valid_loss", valid_loss.item())
        self.log("valid_loss", valid_loss)
        return valid_loss
# === old
class Model:
    def validation_step(self, batch, batch_idx):
        output = self(batch["x"])
        valid_loss = self.valid_loss(y=batch["y"], y_hat=output)
        self.log("valid_loss", valid_loss)
        return valid_loss
# === expected
import flor
class Model:
    def validation_step(self, batch, batch_idx):
        output = self(batch["x"])
        valid_loss = self.valid_loss(y=batch["y"], y_hat=output)
        flor.log("valid_loss", valid_loss.item())
        self.log("valid_loss", valid_loss)
        return valid_loss
# === diagnostics
placed valid_loss at Model/validation_step/stmt:2
