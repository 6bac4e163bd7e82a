# case: today the evaluation and the statement are under `if do_validation:`, the old evaluation under `if len(val_x) and len(val_y):` inside `if verbose > 0:`; neither condition has a counterpart, but each holds the neighbour or its image directly: the old one stands for today's, and the statement stays inside it
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
                    for name, result in eval_result.items():
                        eval_str += " - val_" + name + ": {0: .4f}".format(result)
                print(eval_str)
# === expected
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
# === diagnostics
placed val_result at BaseModel/fit/for:epoch/if/if/stmt:1
