"""A training script whose formatting must survive instrumentation."""
from __future__ import annotations

import florc as flor  # the flor API

weights = [0.0]

for epoch in flor.loop("epoch", range(2)):  # outer
    # the inner loop, with odd formatting inside
    for i in range(4):
        weights[0] += (i +
                       epoch)  # continued in parentheses
        delta = 1 + \
            i
        # a comment at the end of the body

    flor.log("w", weights[0])
