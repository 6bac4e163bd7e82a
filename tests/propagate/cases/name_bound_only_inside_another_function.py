# case: a name that only a helper binds is not visible in the loop: declined
# === new
import flor


def loss_fn(out, y):
    rec = F.mse_loss(out, y)
    kl = out.kl()
    return rec, kl


for x, y in loader:
    rec, kl = loss_fn(model(x), y)
    loss = rec + kl
    flor.log("kl", kl.item())
    loss.backward()
# === old
def loss_fn(out, y):
    rec = F.mse_loss(out, y)
    kl = out.kl()
    return rec + kl


for x, y in loader:
    loss = loss_fn(model(x), y)
    loss.backward()
# === expected
<declined>
# === diagnostics
declined kl: reads `kl.item`, which is not bound there in this version
