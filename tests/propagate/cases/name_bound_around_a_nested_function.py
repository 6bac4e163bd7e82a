# case: today `batch_size = loss.shape[0]` is computed per batch inside the nested `loop()`; the old version binds `batch_size` once, in the enclosing `__call__`, and `loop()` sees it: the statement reads `batch_size`, not a substitute expression
# === new
import flor


class Trainer:
    def __call__(self, net, train_iter):
        trainer = mx.gluon.Trainer(net.collect_params(), optimizer=self.optimizer)

        def loop(epoch_no, batch_iter):
            epoch_loss = mx.metric.Loss()
            for batch_no, data_entry in enumerate(batch_iter, start=1):
                inputs = [data_entry[k] for k in input_names]
                with mx.autograd.record():
                    output = net(*inputs)
                    loss = output[0] if isinstance(output, (list, tuple)) else output
                    batch_size = loss.shape[0]
                    flor.log("batch_size", batch_size)
                loss.backward()
                trainer.step(batch_size)
                epoch_loss.update(None, preds=loss)
            return epoch_loss

        for epoch_no in range(self.epochs):
            loop(epoch_no, train_iter)
# === old
class Trainer:
    def __call__(self, net, train_iter):
        trainer = mx.gluon.Trainer(net.collect_params(), optimizer=self.optimizer)
        batch_size = train_iter.batch_size

        def loop(epoch_no, batch_iter):
            epoch_loss = mx.metric.Loss()
            for batch_no, data_entry in enumerate(batch_iter, start=1):
                inputs = [data_entry[k] for k in input_names]
                with mx.autograd.record():
                    output = net(*inputs)
                    loss = output[0] if isinstance(output, (list, tuple)) else output
                loss.backward()
                trainer.step(batch_size)
                epoch_loss.update(None, preds=loss)
            return epoch_loss

        for epoch_no in range(self.epochs):
            loop(epoch_no, train_iter)
# === expected
import flor
class Trainer:
    def __call__(self, net, train_iter):
        trainer = mx.gluon.Trainer(net.collect_params(), optimizer=self.optimizer)
        batch_size = train_iter.batch_size

        def loop(epoch_no, batch_iter):
            epoch_loss = mx.metric.Loss()
            for batch_no, data_entry in enumerate(batch_iter, start=1):
                inputs = [data_entry[k] for k in input_names]
                with mx.autograd.record():
                    output = net(*inputs)
                    loss = output[0] if isinstance(output, (list, tuple)) else output
                    flor.log("batch_size", batch_size)
                loss.backward()
                trainer.step(batch_size)
                epoch_loss.update(None, preds=loss)
            return epoch_loss

        for epoch_no in range(self.epochs):
            loop(epoch_no, train_iter)
# === diagnostics
placed batch_size at Trainer/__call__/loop/for:(batch_no,data_entry)/with/stmt:2
