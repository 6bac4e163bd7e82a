# case: a new if/else holds a copy of the old batch loop in each arm; the site's arm found no counterpart, so its statements take the counterparts of their copies in the other arm
# === new
import flor
from tqdm import tqdm


def train(model, loader, opt, use_bar):
    for epoch in range(10):
        if use_bar:
            with tqdm(loader) as bar:
                for batch in bar:
                    loss = model(batch)
                    bar.set_postfix(loss=loss.item())
                    flor.log("loss", loss)
                    loss.backward()
                    opt.step()
        else:
            for batch in loader:
                loss = model(batch)
                loss.backward()
                opt.step()
# === old
def train(model, loader, opt):
    for epoch in range(10):
        for step, batch in enumerate(loader):
            loss = model(batch)
            loss.backward()
            opt.step()
# === expected
import flor
def train(model, loader, opt):
    for epoch in range(10):
        for step, batch in enumerate(loader):
            loss = model(batch)
            flor.log("loss", loss)
            loss.backward()
            opt.step()
# === diagnostics
placed loss at train/for:epoch/for:(step,batch)/stmt:1
