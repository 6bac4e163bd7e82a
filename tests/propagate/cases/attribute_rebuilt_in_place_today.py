# case: today's fit() moves self.mu_init to the device (self.mu_init = self.mu_init.to(...)), which the old version never does: the attribute as set in _init_params() is the value, and the statement goes where the move would be
# === new
import flor


class LabelModel(nn.Module):
    def _init_params(self):
        self.mu_init = torch.clamp(self.P @ self.class_balance, 0, 1)
        self.mu = nn.Parameter(self.mu_init.clone() * np.random.random()).float()

    def fit(self, L_train, n_epochs=100):
        self._set_constants(L_train)
        self._init_params()
        self.train()
        self.mu_init = self.mu_init.to(self.config.device)
        flor.log("mu_init_device", str(self.mu_init.device))
        self.to(self.config.device)
        for epoch in range(n_epochs):
            self.optimizer.zero_grad()
            loss = self._loss_mu()
            loss.backward()
            self.optimizer.step()
# === old
class LabelModel(nn.Module):
    def _init_params(self):
        self.mu_init = torch.clamp(self.P @ self.class_balance, 0, 1)
        self.mu = nn.Parameter(self.mu_init.clone() * np.random.random()).float()

    def fit(self, L_train, n_epochs=100):
        self._set_constants(L_train)
        self._init_params()
        self.train()
        self.to(self.config.device)
        for epoch in range(n_epochs):
            self.optimizer.zero_grad()
            loss = self._loss_mu()
            loss.backward()
            self.optimizer.step()
# === expected
import flor
class LabelModel(nn.Module):
    def _init_params(self):
        self.mu_init = torch.clamp(self.P @ self.class_balance, 0, 1)
        self.mu = nn.Parameter(self.mu_init.clone() * np.random.random()).float()

    def fit(self, L_train, n_epochs=100):
        self._set_constants(L_train)
        self._init_params()
        self.train()
        flor.log("mu_init_device", str(self.mu_init.device))
        self.to(self.config.device)
        for epoch in range(n_epochs):
            self.optimizer.zero_grad()
            loss = self._loss_mu()
            loss.backward()
            self.optimizer.step()
# === diagnostics
placed mu_init_device at LabelModel/fit/stmt:3
