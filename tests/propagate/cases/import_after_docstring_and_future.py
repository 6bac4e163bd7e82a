# case: the import goes after the module docstring and __future__ imports
# === new
"""Train."""
from __future__ import annotations
import flor
import torch
model = Net()
flor.log("n", sum(p.numel() for p in model.parameters()))
# === old
#!/usr/bin/env python
"""Train a network."""
from __future__ import annotations

import torch

model = Net()
# === expected
#!/usr/bin/env python
"""Train a network."""
from __future__ import annotations

import flor
import torch

model = Net()
flor.log("n", sum(p.numel() for p in model.parameters()))
# === diagnostics
placed n at stmt:4
