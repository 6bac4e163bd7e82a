# case: the newest version runs in main(); the old one at module level
# === new
import flor
import torch


def main():
    model = build()
    opt = torch.optim.Adam(model.parameters())
    for epoch in range(10):
        loss = run_epoch(model, opt)
        flor.log("loss", loss)
        print(epoch, loss)


if __name__ == "__main__":
    main()
# === old
import torch

model = build()
opt = torch.optim.Adam(model.parameters())
for epoch in range(10):
    loss = run_epoch(model, opt)
    print(epoch, loss)
# === expected
import flor
import torch

model = build()
opt = torch.optim.Adam(model.parameters())
for epoch in range(10):
    loss = run_epoch(model, opt)
    flor.log("loss", loss)
    print(epoch, loss)
# === diagnostics
placed loss at for:epoch/stmt:1
