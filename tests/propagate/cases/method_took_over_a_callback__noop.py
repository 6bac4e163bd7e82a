# case: The statement already after the callback's call: nothing changes
# === new
import flor


class Trainer:
    def backprop(self, state, loss):
        state.optimizer.zero_grad()
        loss.backward()
        state.optimizer.step()

    def run_epoch(self, state, data, report):
        for inputs, targets in data:
            logits = state.model(*inputs)
            loss = state.model.get_loss(logits, targets)
            self.backprop(state, loss)
            flor.log("loss", loss.item())
            if report:
                self.report_batch(logits, targets, loss.item())
# === old
import flor


class Trainer:
    def train(self, model, optimizer, data, epochs):
        def training_backprop(loss):
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

        for epoch in range(epochs):
            self.run_epoch(data, model, training_backprop, True)

    def run_epoch(self, data, model, backprop, report):
        for inputs, targets in data:
            logits = model(*inputs)
            loss = model.get_loss(logits, targets)
            backprop(loss)
            flor.log("loss", loss.item())
            if report:
                self.report_batch(logits, targets, loss.item())
# === expected
<unchanged>
# === diagnostics
present loss
