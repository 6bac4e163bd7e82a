# case: no model in the old version: declined
# === new
import flor
model = build_model(args)
flor.log("n_params", sum(p.numel() for p in model.parameters()))
optimizer = optim.Adam(model.parameters())
# === old
weights = load_weights(args.path)
optimizer = optim.Adam(weights)
# === expected
<declined>
# === diagnostics
declined n_params: reads `model.parameters`, computed today by the statement at line 2, which has no counterpart in this version
