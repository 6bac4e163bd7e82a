# case: today an `if`/`else` calls one of two functions new today, and the old version had their loop inline: the statement after the `if` goes after the old loop, not before it
# === new
import flor


class Model:
    def fit(self, loader, epochs, accum):
        iterator = EpochIterator(loader, epochs)
        if accum > 1:
            self._fit_accumulated(iterator, accum)
        else:
            self._fit_plain(iterator)
        flor.log("epochs_run", len(iterator.logs))
        return iterator.logs

    def _fit_accumulated(self, iterator, accum):
        for steps in iterator:
            self.model.train()
            for step, (x, y) in steps:
                step.loss = self._fit_batch(x, y, step=(step.number % accum == 0))

    def _fit_plain(self, iterator):
        for steps in iterator:
            self.model.train()
            for step, (x, y) in steps:
                step.loss = self._fit_batch(x, y)

    def _fit_batch(self, x, y, step=True):
        loss = self.loss(self.model(x), y)
        loss.backward()
        if step:
            self.optimizer.step()
        return loss.item()
# === old
class Model:
    def fit(self, loader, epochs):
        iterator = EpochIterator(loader, epochs)
        for steps in iterator:
            self.model.train()
            for step, (x, y) in steps:
                step.loss = self._fit_batch(x, y)
        return iterator.logs

    def _fit_batch(self, x, y):
        loss = self.loss(self.model(x), y)
        loss.backward()
        self.optimizer.step()
        return loss.item()
# === expected
import flor
class Model:
    def fit(self, loader, epochs):
        iterator = EpochIterator(loader, epochs)
        for steps in iterator:
            self.model.train()
            for step, (x, y) in steps:
                step.loss = self._fit_batch(x, y)
        flor.log("epochs_run", len(iterator.logs))
        return iterator.logs

    def _fit_batch(self, x, y):
        loss = self.loss(self.model(x), y)
        loss.backward()
        self.optimizer.step()
        return loss.item()
# === diagnostics
placed epochs_run at Model/fit/stmt:2
