# Functions that loop, called from a loop that is not a flor.loop: nothing to checkpoint.
import florc as flor


def train_epoch(batches):
    for b in batches:
        b.step()


for epoch in range(3):
    train_epoch([])
    flor.log("epoch", epoch)
