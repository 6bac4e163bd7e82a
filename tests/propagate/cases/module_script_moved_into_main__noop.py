# case: the old module-level script has no epoch loss: declined
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
    run_epoch(model, opt)
# === expected
<declined>
# === diagnostics
declined loss: reads `loss`, which is not bound there in this version
