"""A training script whose formatting must survive instrumentation."""
from __future__ import annotations
from florc.runtime import blocks as florc_blocks

import florc as flor  # the flor API

weights = [0.0]

for epoch in flor.loop("epoch", range(2)):  # outer
    if florc_blocks.skip_iteration("case.py::for:epoch", locals(), mutated=("weights",)):
        continue
    # the inner loop, with odd formatting inside
    if not florc_blocks.skip("case.py::for:epoch/for:i", locals(), mutated=("weights",)):
        for i in range(4):
            weights[0] += (i +
                           epoch)  # continued in parentheses
            delta = 1 + \
                i
            # a comment at the end of the body

    flor.log("w", weights[0])
florc_blocks.after("case.py::for:epoch")
