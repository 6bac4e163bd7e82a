"""Layout a guarded loop keeps: comments, continuation lines, strings."""
import florc as flor

table = {}
for epoch in flor.loop("epoch", range(2)):
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

      # less indented than the loop's body, deeper than the loop
    # at the loop's depth
# at column 0
    while table and len(table) > 5:
        table.popitem()
    else:
        pass
        # in the else clause
    flor.log("size", len(table))
