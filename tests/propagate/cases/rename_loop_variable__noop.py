# case: a name with no counterpart is not invented: declined
# === new
import flor
for step, (images, labels) in enumerate(loader):
    loss = F.cross_entropy(model(images), labels)
    loss.backward()
    optimizer.step()
    flor.log("seen", (step + 1) * images.size(0) * world_size)
# === old
for i, (x, y) in enumerate(loader):
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
# === expected
<declined>
# === diagnostics
declined seen: reads `world_size`, which is not bound there in this version
