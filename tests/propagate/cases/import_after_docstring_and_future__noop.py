# case: no model: declined, no import added
# === new
"""Train."""
import flor
model = Net()
flor.log("n", sum(p.numel() for p in model.parameters()))
# === old
"""Train a network."""
import torch
# === expected
<declined>
# === diagnostics
declined n: none of its neighbouring statements has a counterpart
