# case: the statement reading `_` is found again
# === new
import flor


def update(self, n_epochs, batches):
    for epoch in range(n_epochs):
        for batch in batches:
            loss = self.loss(batch)
            flor.log("epoch", epoch)
            self.step(loss)
# === old
import flor


def update(self, n_epochs, batches):
    for _ in range(n_epochs):
        for batch in batches:
            loss = self.loss(batch)
            flor.log("epoch", _)
            self.step(loss)
# === expected
<unchanged>
# === diagnostics
present epoch
