# case: the old version already logs the evaluation result: nothing changes
# === new
import flor


class BaseModel:
    def fit(self, x, y, batch_size=256, epochs=1, verbose=1, validation_data=None):
        do_validation = False
        if validation_data:
            do_validation = True
            val_x, val_y = validation_data
        for epoch in range(epochs):
            epoch_logs = {}
            total_loss_epoch = self.train_epoch(x, y, batch_size)
            epoch_logs["loss"] = total_loss_epoch
            if do_validation:
                eval_result = self.evaluate(val_x, val_y, batch_size)
                flor.log("val_result", eval_result)
                for name, result in eval_result.items():
                    epoch_logs["val_" + name] = result
            if verbose > 0:
                print("Epoch {0}/{1}".format(epoch + 1, epochs))
                print(epoch_logs)
# === old
import flor


class BaseModel:
    def fit(self, x, y, batch_size=256, epochs=1, verbose=1, validation_data=None):
        if validation_data:
            val_x, val_y = validation_data
        else:
            val_x, val_y = [], []
        for epoch in range(epochs):
            total_loss_epoch = self.train_epoch(x, y, batch_size)
            if verbose > 0:
                print("Epoch {0}/{1}".format(epoch + 1, epochs))
                eval_str = "loss: {0: .4f}".format(total_loss_epoch)
                if len(val_x) and len(val_y):
                    eval_result = self.evaluate(val_x, val_y, batch_size)
                    flor.log("val_result", eval_result)
                    for name, result in eval_result.items():
                        eval_str += " - val_" + name + ": {0: .4f}".format(result)
                print(eval_str)
# === expected
<unchanged>
# === diagnostics
present val_result
