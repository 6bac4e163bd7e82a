# case: a progress report reworded (progress bar today, print before) still holds the words of its message: its condition corresponds and the statement goes last in it
# === new
import flor


def train_epoch(model, optimizer, loader, tuning, progress_bar):
    acc_loss = 0
    for batch in loader:
        optimizer.zero_grad()
        loss = model.loss(batch)
        loss.backward()
        optimizer.step()
        acc_loss += loss.item()

        if not tuning:
            progress_bar.set_description("acc_loss: %f, cur_loss: %f" % (acc_loss, loss))
            flor.log("loss", float(loss))
    return acc_loss
# === old
def train_epoch(self, num_batch, start_time):
    acc_loss = 0
    for batch_idx in range(num_batch):
        feed_dict = self.feed(next(self.gen_train))
        _, step, loss = self.sess.run([self.op_train, self.global_step, self.model.loss], feed_dict)
        acc_loss += loss

        if not self.tuning:
            print("[%.2f sec](%d/%d): -- loss: %.5f" % (time() - start_time, batch_idx, num_batch, loss), end="\r")
    if not self.tuning:
        print("iter ---Train Loss: %.5f ---time: %.2f" % (acc_loss, time() - start_time))
    return acc_loss
# === expected
import flor
def train_epoch(self, num_batch, start_time):
    acc_loss = 0
    for batch_idx in range(num_batch):
        feed_dict = self.feed(next(self.gen_train))
        _, step, loss = self.sess.run([self.op_train, self.global_step, self.model.loss], feed_dict)
        acc_loss += loss

        if not self.tuning:
            print("[%.2f sec](%d/%d): -- loss: %.5f" % (time() - start_time, batch_idx, num_batch, loss), end="\r")
            flor.log("loss", float(loss))
    if not self.tuning:
        print("iter ---Train Loss: %.5f ---time: %.2f" % (acc_loss, time() - start_time))
    return acc_loss
# === diagnostics
placed loss at train_epoch/for:batch_idx/if/stmt:1
