# case: the statement already reads batch_size: nothing changes
# === new
import flor


class Estimator:
    def train(self, training_batch_size: int = 200, learning_rate: float = 5e-4, max_num_epochs: int = 100):
        train_loader, val_loader = self.get_dataloaders(training_batch_size)
        flor.log("batch_size", training_batch_size)
        optimizer = Adam(self.net.parameters(), lr=learning_rate)
        for epoch in range(max_num_epochs):
            for batch in train_loader:
                optimizer.zero_grad()
                self.loss(batch).backward()
                optimizer.step()
# === old
import flor


class Estimator:
    def _train(self, round_: int, batch_size: int, learning_rate: float, max_num_epochs: int):
        train_loader = DataLoader(self.dataset, batch_size=min(batch_size, self.n_train))
        val_loader = DataLoader(self.dataset, batch_size=min(batch_size, self.n_val))
        flor.log("batch_size", batch_size)
        optimizer = Adam(self.net.parameters(), lr=learning_rate)
        for epoch in range(max_num_epochs):
            for batch in train_loader:
                optimizer.zero_grad()
                self.loss(batch).backward()
                optimizer.step()
# === expected
<unchanged>
# === diagnostics
present batch_size
