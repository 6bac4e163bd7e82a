# case: the epoch loop's variable was `_` before: the epoch read today is `_` there
# === new
import flor


def update(self, n_epochs, batches):
    for epoch in range(n_epochs):
        for batch in batches:
            loss = self.loss(batch)
            flor.log("epoch", epoch)
            self.step(loss)
# === old
def update(self, n_epochs, batches):
    for _ in range(n_epochs):
        for batch in batches:
            loss = self.loss(batch)
            self.step(loss)
# === expected
import flor
def update(self, n_epochs, batches):
    for _ in range(n_epochs):
        for batch in batches:
            loss = self.loss(batch)
            flor.log("epoch", _)
            self.step(loss)
# === diagnostics
placed epoch at update/for:_/for:batch/stmt:1 renames epoch->_
