# case: no learning rate anywhere in the old version: declined
# === new
import flor
args = parse_args()
for epoch in range(args.epochs):
    loss = train(model)
    flor.log("lr", args.lr)
# === old
config = load_config("config.yaml")
for epoch in range(config["epochs"]):
    loss = train(model)
# === expected
<declined>
# === diagnostics
declined lr: reads `args.lr`, computed today by the statement at line 2, which has no counterpart in this version
