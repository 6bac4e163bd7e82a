# A nested loop whose effects cannot be determined is neither checkpointed nor skipped.
import florc as flor

for epoch in flor.loop("epoch", range(2)):
    for cmd in commands:
        exec(cmd)
    for name in stale:
        del cache[name]
    for x in data:
        total = x
