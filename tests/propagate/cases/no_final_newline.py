# case: the anchor is the last line of a file without a final newline
# options: no-final-newline
# === new
import flor
model = Net()
flor.log("n", sum(p.numel() for p in model.parameters()))
# === old
model = Net()
# === expected
import flor
model = Net()
flor.log("n", sum(p.numel() for p in model.parameters()))
# === diagnostics
placed n at stmt:1
