import florc as flor


def train(patience):
    bad = 0
    for epoch in range(100):
        for attempt in range(3):
            if try_step():
                break
        else:
            break
        bad += 1
        if bad > patience:
            return epoch
