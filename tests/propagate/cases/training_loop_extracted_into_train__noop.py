# case: already logged in the old inline loop: unchanged
# === new
import flor


def train(model, loader, optimizer):
    model.train()
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.nll_loss(model(x), y)
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()
# === old
import flor
for data, target in loader:
    optimizer.zero_grad()
    loss = F.nll_loss(model(data), target)
    loss.backward()
    flor.log("loss", loss.item())
    optimizer.step()
# === expected
<unchanged>
# === diagnostics
present loss
