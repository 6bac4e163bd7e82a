# case: an old if/else that runs the step under autocast or plainly, today one with autocast(enabled=...): the with in the branch is the counterpart
# === new
import flor


def train(model, optimizer, loader, amp_enabled):
    for data in loader:
        with autocast(enabled=amp_enabled):
            optimizer.zero_grad()
            results = model.forward(data)
            results["loss"].sum().backward()
            flor.log("loss", results["loss"].sum().item())
            optimizer.step()
        model.collect(results)
# === old
def train(model, optimizer, loader, enable_amp):
    for data in loader:
        if enable_amp:
            with autocast():
                optimizer.zero_grad()
                results = model.forward(data)
                results["loss"].sum().backward()
                optimizer.step()
        else:
            optimizer.zero_grad()
            results = model.forward(data)
            results["loss"].sum().backward()
            optimizer.step()
        model.collect(results)
# === expected
import flor
def train(model, optimizer, loader, enable_amp):
    for data in loader:
        if enable_amp:
            with autocast():
                optimizer.zero_grad()
                results = model.forward(data)
                results["loss"].sum().backward()
                flor.log("loss", results["loss"].sum().item())
                optimizer.step()
        else:
            optimizer.zero_grad()
            results = model.forward(data)
            results["loss"].sum().backward()
            optimizer.step()
        model.collect(results)
# === diagnostics
placed loss at train/for:data/if/with/stmt:3
