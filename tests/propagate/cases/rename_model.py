# case: the model was called `net`; the comprehension variable `p` is not renamed
# === new
import flor
model = Net(hidden=64)
flor.log("n_params", sum(p.numel() for p in model.parameters()))
optimizer = torch.optim.Adam(model.parameters())
train(model, optimizer)
# === old
net = Net(hidden=32)
optimizer = torch.optim.Adam(net.parameters())
train(net, optimizer)
# === expected
import flor
net = Net(hidden=32)
flor.log("n_params", sum(p.numel() for p in net.parameters()))
optimizer = torch.optim.Adam(net.parameters())
train(net, optimizer)
# === diagnostics
placed n_params at stmt:1 renames model.parameters->net.parameters
