"""Layout a guarded loop keeps: comments, continuation lines, strings."""
from florc.runtime import blocks as florc_blocks
import florc as flor

table = {}
for epoch in flor.loop("epoch", range(2)):
    if florc_blocks.skip_iteration("case.py::for:epoch", locals(), mutated=("table",)):
        continue
    # before the inner loop
    if not florc_blocks.skip("case.py::for:epoch/for:step", locals(), mutated=("table",)):
        for step in range(3):
            total = step + \
                epoch
            note = """a string
  whose lines
never move"""
            table[step] = (total,
    note)  # a continuation line less indented than its block
            # at the block's depth: it moves with the loop

      # less indented than the loop's body, deeper than the loop
    # at the loop's depth
# at column 0
    if not florc_blocks.skip("case.py::for:epoch/while", locals(), mutated=("table",)):
        while table and len(table) > 5:
            table.popitem()
        else:
            pass
            # in the else clause
    flor.log("size", len(table))
florc_blocks.after("case.py::for:epoch")
