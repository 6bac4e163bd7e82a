# Source whose every statement address (as florc.syntax writes it) must parse back.
import florc as flor


def train(data, net):
    for i, (x, y) in enumerate(data):
        if i == 0:
            warm = 1
        elif i == 1:
            warm = 2
        else:
            warm = 3
        try:
            net.step(x)
        except ValueError:
            pass
        except KeyError:
            pass
        finally:
            done = True
        for p in net.parameters():
            p.grad = None
        for p in net.parameters():
            flor.log("p", p)
        with open("log") as f:
            f.write("x")
        while warm:
            warm -= 1
    else:
        flor.log("done", done)


def stmt():
    for self_x in range(3):
        match self_x:
            case 0:
                pass
            case _:
                pass


def train():
    return None


class Trainer:
    def fit(self):
        for self.epoch in flor.loop("epoch", range(2)):
            pass
