# case: comments, blank lines and a backslash continuation around the anchor are kept
# === new
import flor
for x, y in loader:
    # forward
    loss = criterion(model(x), y) \
        + reg * penalty(model)  # total loss
    flor.log("loss", loss.item())

    # backward
    loss.backward()
# === old
for x, y in loader:
    # forward pass (μ, σ)
    loss = criterion(model(x), y) \
        + reg * penalty(model)  # total loss

    # backward pass
    loss.backward()
# === expected
import flor
for x, y in loader:
    # forward pass (μ, σ)
    loss = criterion(model(x), y) \
        + reg * penalty(model)  # total loss
    flor.log("loss", loss.item())

    # backward pass
    loss.backward()
# === diagnostics
placed loss at for:(x,y)/stmt:1
