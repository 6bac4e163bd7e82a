"""A training script whose formatting must survive instrumentation."""
from __future__ import annotations
from florc.runtime import blocks as florc_blocks

import florc as flor  # the flor API

weights = [0.0]

for epoch in flor.loop("epoch", range(2)):  # outer
    florc_blocks.iteration(
        "case.py::for:epoch", locals(), scratch=("delta", "epoch", "i"), mutated=("weights",),
    )
    # the inner loop, with odd formatting inside
    for i in range(4):
        weights[0] += (i +
                       epoch)  # continued in parentheses
        delta = 1 + \
            i
        # a comment at the end of the body
    florc_blocks.end(
        "case.py::for:epoch/for:i", locals(), scratch=("delta", "i"), mutated=("weights",),
    )

    flor.log("w", weights[0])
florc_blocks.end(
    "case.py::for:epoch", locals(), scratch=("delta", "epoch", "i"), mutated=("weights",),
)
