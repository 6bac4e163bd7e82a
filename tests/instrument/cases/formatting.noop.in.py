"""A script that is already instrumented is left as it is."""
from __future__ import annotations

import florc as flor
from florc.runtime import blocks as florc_blocks

weights = [0.0]

for epoch in flor.loop("epoch", range(2)):
    for i in range(4):
        weights[0] += i
    flor.log("w", weights[0])
