# case: Today names the network's output output = self(windows_batch) where the old version wrote y_hat = self(windows_batch), and today's loss is an if/else new today: the same call word for word at one place is one value named otherwise, and the site reads y_hat.
# === new
import flor


def training_step(self, batch, batch_idx):
    windows = self._create_windows(batch, step="train")
    y_idx = batch["y_idx"]
    original_outsample_y = torch.clone(windows["temporal"][:, -self.h :, y_idx])
    windows = self._normalization(windows=windows, y_idx=y_idx)
    insample_y, outsample_y, outsample_mask = self._parse_windows(batch, windows)
    windows_batch = dict(insample_y=insample_y)
    output = self(windows_batch)
    flor.log("output_std", output.std().item())
    if self.loss.is_distribution_output:
        _, y_loc, y_scale = self._inv_normalization(y_hat=outsample_y, y_idx=y_idx)
        outsample_y = original_outsample_y
        distr_args = self.loss.scale_decouple(output=output, loc=y_loc, scale=y_scale)
        loss = self.loss(y=outsample_y, distr_args=distr_args, mask=outsample_mask)
    else:
        loss = self.loss(y=outsample_y, y_hat=output, mask=outsample_mask)
    if torch.isnan(loss):
        print("output", torch.isnan(output).sum())
        raise Exception("Loss is NaN, training stopped.")
    self.log("train_loss", loss.detach().item(), batch_size=outsample_y.size(0))
    self.train_trajectories.append((self.global_step, loss.detach().item()))
    return loss
# === old
def training_step(self, batch, batch_idx):
    windows = self._create_windows(batch, step="train")
    if self.scaler is not None:
        windows = self._normalization(windows=windows)
    insample_y, outsample_y, outsample_mask = self._parse_windows(batch, windows)
    windows_batch = dict(insample_y=insample_y)
    y_hat = self(windows_batch)
    loss = self.loss(y=outsample_y, y_hat=y_hat, mask=outsample_mask)
    self.log("train_loss", loss, prog_bar=True, on_epoch=True)
    return loss
# === expected
import flor
def training_step(self, batch, batch_idx):
    windows = self._create_windows(batch, step="train")
    if self.scaler is not None:
        windows = self._normalization(windows=windows)
    insample_y, outsample_y, outsample_mask = self._parse_windows(batch, windows)
    windows_batch = dict(insample_y=insample_y)
    y_hat = self(windows_batch)
    flor.log("output_std", y_hat.std().item())
    loss = self.loss(y=outsample_y, y_hat=y_hat, mask=outsample_mask)
    self.log("train_loss", loss, prog_bar=True, on_epoch=True)
    return loss
# === diagnostics
placed output_std at training_step/stmt:5 renames output.std->y_hat.std
