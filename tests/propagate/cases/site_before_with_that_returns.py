# case: the site precedes a new with that holds the whole old body and ends by returning: the site goes before that body's first statement
# === new
import flor


class Model:
    def fit(self, x, y, batch_size=None, epochs=1):
        """Train the model."""
        if batch_size is not None:
            batch_size = self.strategy.lift_batch_size(batch_size)
        flor.log("batch_size", batch_size)

        with self.callbacks_context():
            if x is None:
                x = {}
            history = self.run_epochs(x, y, batch_size, epochs)
            return history
# === old
class Model:
    def fit(self, x, y, batch_size=None, epochs=1):
        """Trains the model for a fixed number of epochs."""
        if x is None:
            x = {}
        history = self.run_epochs(x, y, batch_size, epochs)
        return history
# === expected
import flor
class Model:
    def fit(self, x, y, batch_size=None, epochs=1):
        """Trains the model for a fixed number of epochs."""
        flor.log("batch_size", batch_size)
        if x is None:
            x = {}
        history = self.run_epochs(x, y, batch_size, epochs)
        return history
# === diagnostics
placed batch_size at Model/fit/stmt:1
