# case: no-op twin of new_if_else_arms_copy_old_loop
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
import flor


def train(model, loader, opt):
    for epoch in range(10):
        for step, batch in enumerate(loader):
            loss = model(batch)
            flor.log("loss", loss)
            loss.backward()
            opt.step()
# === expected
<unchanged>
# === diagnostics
present loss
