# A loop that returns from inside can be resumed but not skipped whole; a nested loop whose
# else clause breaks out of the main loop is not skipped.
import florc as flor


def train(patience):
    bad = 0
    for epoch in flor.loop("epoch", range(100)):
        for attempt in range(3):
            if try_step():
                break
        else:
            break
        bad += 1
        if bad > patience:
            return epoch
