# case: ms = self.quantizer.model_size() today, model_size = quantizer.model_size() before: the attribute's rename is known, so the rest of the statement stayed and ms is model_size.
# === new
import flor


class Solver:
    def run_epoch(self, loader):
        for batch in loader:
            loss = self.model(batch)
            ms = 0
            if self.quantizer is not None:
                ms = self.quantizer.model_size()
            flor.log("model_size", ms)
            loss = loss + self.penalty * ms
            loss.backward()
# === old
def train_model(model, loader, quantizer, penalty):
    for batch in loader:
        loss = model(batch)
        model_size = 0
        if quantizer is not None:
            model_size = quantizer.model_size()
        train_loss = loss + penalty * model_size
        train_loss.backward()
# === expected
import flor
def train_model(model, loader, quantizer, penalty):
    for batch in loader:
        loss = model(batch)
        model_size = 0
        if quantizer is not None:
            model_size = quantizer.model_size()
        flor.log("model_size", model_size)
        train_loss = loss + penalty * model_size
        train_loss.backward()
# === diagnostics
placed model_size at train_model/for:batch/stmt:3 renames ms->model_size
