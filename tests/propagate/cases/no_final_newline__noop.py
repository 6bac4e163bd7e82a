# case: no model: declined
# options: no-final-newline
# === new
import flor
model = Net()
flor.log("n", sum(p.numel() for p in model.parameters()))
# === old
net = None
# === expected
<declined>
# === diagnostics
declined n: none of its neighbouring statements has a counterpart
