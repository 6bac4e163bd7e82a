# A nested loop whose effects cannot be determined is neither checkpointed nor skipped.
from florc.runtime import blocks as florc_blocks
import florc as flor

for epoch in flor.loop("epoch", range(2)):
    florc_blocks.iteration("case.py::for:epoch")
    for cmd in commands:
        exec(cmd)
    for name in stale:
        del cache[name]
    for x in data:
        total = x
    florc_blocks.end(
        "case.py::for:epoch/for:x", locals(), scratch=("total", "x"), iterated=("data",),
    )
florc_blocks.end("case.py::for:epoch")
