import florc as flor

total = 0
for epoch in flor.loop("epoch", range(3)):
    total += epoch
    flor.log("total", total)
print(total)
