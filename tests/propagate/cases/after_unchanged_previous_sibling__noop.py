# case: a version that already logs the key is left alone
# === new
import flor
for epoch in range(3):
    loss = train(epoch)
    flor.log("loss", loss)
    print(epoch)
# === old
import flor
for epoch in range(3):
    loss = train(epoch)
    print(epoch)
    flor.log("loss", loss)
# === expected
<unchanged>
# === diagnostics
present loss
