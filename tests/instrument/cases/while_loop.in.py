import florc as flor

for epoch in flor.loop("epoch", range(2)):
    remaining = 5
    while remaining > 0:
        remaining -= 1
        buffer.add(remaining)
    flor.log("left", remaining)
