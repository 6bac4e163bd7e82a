# case: flor.checkpointing, flor.loop and flor.arg in the newest version do not hide the old loops
# === new
import flor
net = Net()
optimizer = torch.optim.SGD(net.parameters(), lr=flor.arg("lr", 0.01))
with flor.checkpointing(model=net, optimizer=optimizer):
    for epoch in flor.loop("epoch", range(flor.arg("epochs", 10))):
        for inputs, labels in flor.loop("step", loader):
            optimizer.zero_grad()
            loss = criterion(net(inputs), labels)
            loss.backward()
            flor.log("loss", loss.item())
            optimizer.step()
# === old
net = Net()
optimizer = torch.optim.SGD(net.parameters(), lr=0.001)
for epoch in range(5):
    for inputs, labels in loader:
        optimizer.zero_grad()
        loss = criterion(net(inputs), labels)
        loss.backward()
        optimizer.step()
# === expected
import flor
net = Net()
optimizer = torch.optim.SGD(net.parameters(), lr=0.001)
for epoch in range(5):
    for inputs, labels in loader:
        optimizer.zero_grad()
        loss = criterion(net(inputs), labels)
        loss.backward()
        flor.log("loss", loss.item())
        optimizer.step()
# === diagnostics
placed loss at for:epoch/for:(inputs,labels)/stmt:3
