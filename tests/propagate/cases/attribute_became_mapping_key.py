# case: `args.lr` today was `config["lr"]` before
# === new
import flor
args = parse_args()
optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
for epoch in range(args.epochs):
    loss = train(model, optimizer)
    flor.log("lr", args.lr * 0.9 ** epoch)
# === old
config = load_config("config.yaml")
optimizer = torch.optim.SGD(model.parameters(), lr=config["lr"])
for epoch in range(config["epochs"]):
    loss = train(model, optimizer)
# === expected
import flor
config = load_config("config.yaml")
optimizer = torch.optim.SGD(model.parameters(), lr=config["lr"])
for epoch in range(config["epochs"]):
    loss = train(model, optimizer)
    flor.log("lr", config["lr"] * 0.9 ** epoch)
# === diagnostics
placed lr at for:epoch/stmt:1 renames args.lr->config["lr"]
