# case: if (iteration % self.save_every == 0) and self.save_progress: today, if self.save_progress: nested in if i % self.save_every == 0: before: the site goes under both
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
                    num = iteration // self.save_every
                    save_image(img, Path(f"./{self.textpath}.{num}.png"))

        return loss
# === expected
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
# === diagnostics
placed save_iter at Imagine/train_step/if/with/if/stmt:0
