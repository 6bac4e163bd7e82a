# A nested loop whose effects cannot be determined is neither checkpointed nor skipped.
from florc.runtime import blocks as florc_blocks
import florc as flor

for epoch in flor.loop("epoch", range(2)):
    if florc_blocks.skip_iteration("case.py::for:epoch"):
        continue
    for cmd in commands:
        exec(cmd)
    for name in stale:
        del cache[name]
    if not florc_blocks.skip("case.py::for:epoch/for:x", locals(), iterated=("data",)):
        for x in data:
            total = x
florc_blocks.after("case.py::for:epoch")
