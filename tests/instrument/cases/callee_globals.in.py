import florc as flor

counter = 0


def bump():
    global counter
    counter += 1


def train():
    for epoch in flor.loop("epoch", range(2)):
        for step in range(3):
            bump()
    flor.log("counter", counter)


train()
