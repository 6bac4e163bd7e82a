# case: values['lr'] is filled in both branches of an if today and by one statement before; other entries are other slots: the statement goes after the old entry's assignment.
# === new
import flor


class Trainer:
    def publish(self, values, data_time):
        if values is None:
            raise ValueError("no values")
        self.unit.process(values)
        if len(self.last_lrs) == 1:
            values["lr"] = self.last_lrs[0]
        else:
            values["lr"] = self.last_lrs
        flor.log("lr", values["lr"])
        values["data_epoch"] = self.data_epoch_nr
        values["data_time"] = data_time
        values["lapse_time"] = self.lapse_watch.elapsed()
        values["total_time"] = self.wall_watch.elapsed()
        self.writer.write(values)

    def validate(self, values):
        values["data_epoch"] = self.data_epoch_nr
        self.writer.write(values)
# === old
class Trainer:
    def publish(self, values):
        if values is None:
            raise ValueError("no values")
        extend_batch_metrics(values, self.num_batches)
        values["lr"] = get_effective_lr(self.lr_scheduler)
        values["data_epoch"] = self.data_epoch_nr
        values["elapsed_time"] = self.total_step_time
        values["wall_time"] = self.wall_watch.elapsed()
        self.writer.write(values)

    def validate(self, values):
        values["data_epoch"] = self.data_epoch_nr
        self.writer.write(values)
# === expected
import flor
class Trainer:
    def publish(self, values):
        if values is None:
            raise ValueError("no values")
        extend_batch_metrics(values, self.num_batches)
        values["lr"] = get_effective_lr(self.lr_scheduler)
        flor.log("lr", values["lr"])
        values["data_epoch"] = self.data_epoch_nr
        values["elapsed_time"] = self.total_step_time
        values["wall_time"] = self.wall_watch.elapsed()
        self.writer.write(values)

    def validate(self, values):
        values["data_epoch"] = self.data_epoch_nr
        self.writer.write(values)
# === diagnostics
placed lr at Trainer/publish/stmt:3
