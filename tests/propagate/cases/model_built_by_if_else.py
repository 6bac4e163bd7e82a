# case: the model is built in both branches of an if/else before: after the whole if/else
# === new
import flor
model = build_model(args)
flor.log("n_params", sum(p.numel() for p in model.parameters()))
optimizer = optim.Adam(model.parameters())
# === old
if args.arch == "cnn":
    model = ConvNet(args.width)
else:
    model = MLP(args.width)
optimizer = optim.Adam(model.parameters())
# === expected
import flor
if args.arch == "cnn":
    model = ConvNet(args.width)
else:
    model = MLP(args.width)
flor.log("n_params", sum(p.numel() for p in model.parameters()))
optimizer = optim.Adam(model.parameters())
# === diagnostics
placed n_params at stmt:1
