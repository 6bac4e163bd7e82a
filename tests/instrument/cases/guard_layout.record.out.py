"""Layout a guarded loop keeps: comments, continuation lines, strings."""
from florc.runtime import blocks as florc_blocks
import florc as flor

table = {}
for epoch in flor.loop("epoch", range(2)):
    florc_blocks.iteration(
        "case.py::for:epoch", locals(), scratch=("epoch", "note", "step", "total"),
        mutated=("table",),
    )
    # before the inner loop
    for step in range(3):
        total = step + \
            epoch
        note = """a string
  whose lines
never move"""
        table[step] = (total,
    note)  # a continuation line less indented than its block
        # at the block's depth: it moves with the loop
    florc_blocks.end(
        "case.py::for:epoch/for:step", locals(), scratch=("note", "step", "total"),
        mutated=("table",),
    )

      # less indented than the loop's body, deeper than the loop
    # at the loop's depth
# at column 0
    while table and len(table) > 5:
        table.popitem()
    else:
        pass
        # in the else clause
    florc_blocks.end("case.py::for:epoch/while", locals(), mutated=("table",))
    flor.log("size", len(table))
florc_blocks.end(
    "case.py::for:epoch", locals(), scratch=("epoch", "note", "step", "total"), mutated=("table",),
)
