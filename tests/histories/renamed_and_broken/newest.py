import torch
import florc as flor


def main():
    model = torch.nn.Linear(10, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for epoch in range(5):
        for x, y in batches():
            loss = ((model(x) - y) ** 2).mean()
            opt.zero_grad()
            loss.backward()
            flor.log("loss", loss.item())
            opt.step()
        print(epoch, loss.item())


main()
