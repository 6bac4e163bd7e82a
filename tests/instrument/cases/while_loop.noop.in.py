import florc as flor

remaining = 5
while remaining > 0:
    remaining -= 1
    buffer.add(remaining)
flor.log("left", remaining)
