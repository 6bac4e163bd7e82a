# case: a renamed loop variable is read under its old name
# === new
import flor
for step, (images, labels) in enumerate(loader):
    loss = F.cross_entropy(model(images), labels)
    loss.backward()
    optimizer.step()
    flor.log("seen", (step + 1) * images.size(0))
# === old
for i, (x, y) in enumerate(loader):
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
# === expected
import flor
for i, (x, y) in enumerate(loader):
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    flor.log("seen", (i + 1) * x.size(0))
# === diagnostics
placed seen at for:(i,(x,y))/stmt:3 renames step->i images.size->x.size
