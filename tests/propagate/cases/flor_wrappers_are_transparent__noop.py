# case: an old version that already runs under flor and logs the key: unchanged
# === new
import flor
with flor.checkpointing(model=net, optimizer=optimizer):
    for epoch in flor.loop("epoch", range(10)):
        loss = train(net)
        flor.log("loss", loss)
# === old
import flor
for epoch in flor.loop("epoch", range(10)):
    loss = train(net)
    flor.log("loss", loss)
# === expected
<unchanged>
# === diagnostics
present loss
