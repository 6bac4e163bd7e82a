# case: already logged right after the constructor: unchanged
# === new
import flor
model = Net(args.hidden)
flor.log("n", sum(p.numel() for p in model.parameters()))
optimizer = optim.Adam(model.parameters())
# === old
import flor
model = Net(args.hidden)
flor.log("n", sum(p.numel() for p in model.parameters()))
if torch.cuda.is_available():
    model.cuda()
optimizer = optim.Adam(model.parameters())
# === expected
<unchanged>
# === diagnostics
present n
