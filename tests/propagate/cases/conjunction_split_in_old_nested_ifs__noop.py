# case: no-op twin of conjunction_split_in_old_nested_ifs
# === new
import flor


class Imagine:
    def train_step(self, epoch, iteration):
        loss = self.model(self.clip_encoding)
        self.scaler.scale(loss).backward()
        self.scaler.step(self.optimizer)
        self.scaler.update()
        self.optimizer.zero_grad()

        if (iteration % self.save_every == 0) and self.save_progress:
            flor.log("save_iter", iteration)
            self.save_image(epoch, iteration)

        return loss
# === old
import flor


class Imagine:
    def train_step(self, epoch, iteration):
        loss = self.model(self.clip_encoding)
        self.scaler.scale(loss).backward()
        self.scaler.step(self.optimizer)
        self.scaler.update()
        self.optimizer.zero_grad()

        if iteration % self.save_every == 0:
            with torch.no_grad():
                img = normalize_image(self.model(self.encoded_text, return_loss=False).cpu())
                save_image(img, str(self.filename))

                if self.save_progress:
                    flor.log("save_iter", iteration)
                    num = iteration // self.save_every
                    save_image(img, Path(f"./{self.textpath}.{num}.png"))

        return loss
# === expected
<unchanged>
# === diagnostics
present save_iter
