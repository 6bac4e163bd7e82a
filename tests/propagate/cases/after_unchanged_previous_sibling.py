# case: the statement goes right after the image of its previous sibling
# === new
import flor
for epoch in range(3):
    loss = train(epoch)
    flor.log("loss", loss)
    print(epoch)
# === old
for epoch in range(3):
    loss = train(epoch)
    print(epoch)
# === expected
import flor
for epoch in range(3):
    loss = train(epoch)
    flor.log("loss", loss)
    print(epoch)
# === diagnostics
placed loss at for:epoch/stmt:1
