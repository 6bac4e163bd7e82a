import florc as flor


class Trainer:
    def fit(self, epochs):
        for epoch in flor.loop("epoch", range(epochs)):
            for batch in self.loader:
                self.opt.zero_grad()
                self.model(batch).sum().backward()
                self.opt.step()
                self.steps += 1
            self.record()

    def record(self):
        self.history.append(self.steps)
