import florc as flor

for epoch in range(2):
    for cmd in commands:
        exec(cmd)
    for name in stale:
        del cache[name]
