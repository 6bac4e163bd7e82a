# case: built and moved in one statement today; constructor plus `if cuda: model.cuda()` before
# === new
import flor
model = Net(args.hidden).to(device)
flor.log("device", str(next(model.parameters()).device))
optimizer = optim.Adam(model.parameters())
# === old
model = Net(args.hidden)
if torch.cuda.is_available():
    model.cuda()
optimizer = optim.Adam(model.parameters())
# === expected
import flor
model = Net(args.hidden)
if torch.cuda.is_available():
    model.cuda()
flor.log("device", str(next(model.parameters()).device))
optimizer = optim.Adam(model.parameters())
# === diagnostics
placed device at stmt:2
