# case: same names, statement already there: unchanged
# === new
import flor
model = Net(hidden=64)
flor.log("n_params", sum(p.numel() for p in model.parameters()))
optimizer = torch.optim.Adam(model.parameters())
train(model, optimizer)
# === old
import flor
net = Net(hidden=32)
flor.log("n_params", sum(p.numel() for p in net.parameters()))
optimizer = torch.optim.Adam(net.parameters())
train(net, optimizer)
# === expected
<unchanged>
# === diagnostics
present n_params
