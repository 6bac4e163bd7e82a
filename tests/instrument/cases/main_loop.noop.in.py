# A plain for loop is not a main loop: only flor.loop marks the training loop.
import florc as flor

total = 0
for epoch in range(3):
    total += epoch
    flor.log("total", total)
print(total)
