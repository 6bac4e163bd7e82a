# case: a method called today was inline before, and the value it returns is bound after that inline body: the statement after the call follows both
# === new
import flor


class Trainer:
    def evaluate(self, loader):
        self.model.eval()
        total = 0.0
        with torch.no_grad():
            for x in loader:
                total += self.loss(self.model(x), x).item()
        return total / len(loader.dataset)

    def fit(self, train_loader, test_loader):
        for epoch in range(1, self.epochs + 1):
            self.train_epoch(train_loader)
            test_loss = self.evaluate(test_loader)
            flor.log("epoch", epoch)
            print(epoch, test_loss)
# === old
for epoch in range(1, EPOCHS + 1):
    train_epoch(model, loader)
    model.eval()
    test_sum = 0.0
    with torch.no_grad():
        for x in test_loader:
            test_sum += loss_fn(model(x), x).item()
    test_loss = test_sum / len(test_data)
    print(epoch, test_loss)
# === expected
import flor
for epoch in range(1, EPOCHS + 1):
    train_epoch(model, loader)
    model.eval()
    test_sum = 0.0
    with torch.no_grad():
        for x in test_loader:
            test_sum += loss_fn(model(x), x).item()
    test_loss = test_sum / len(test_data)
    flor.log("epoch", epoch)
    print(epoch, test_loss)
# === diagnostics
placed epoch at for:epoch/stmt:5
