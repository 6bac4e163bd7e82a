# train() returns the epoch's mean loss; checkpoints.
import argparse
import flor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim.lr_scheduler import StepLR
from torchvision import datasets, transforms


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x.view(-1, 784)))
        return F.log_softmax(self.fc2(x), dim=1)


def train(args, model, device, loader, optimizer, scaler, epoch):
    model.train()
    total = 0.0
    for step, (images, labels) in enumerate(loader):
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        with torch.autocast(device_type=device.type, enabled=args.amp):
            output = model(images)
            loss = F.nll_loss(output, labels)
        scaler.scale(loss).backward()
        flor.log("loss", loss.item())
        scaler.step(optimizer)
        scaler.update()
        total += loss.item()
        if step % args.log_interval == 0:
            print('Train Epoch: {} [{}/{}]\tLoss: {:.6f}'.format(
                epoch, step * len(images), len(loader.dataset), loss.item()))
    return total / len(loader)


def test(model, device, test_loader):
    model.eval()
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            pred = output.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()
    acc = 100. * correct / len(test_loader.dataset)
    print('Test accuracy: {:.2f}%'.format(acc))
    return acc


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=14)
    parser.add_argument('--lr', type=float, default=1.0)
    parser.add_argument('--gamma', type=float, default=0.7)
    parser.add_argument('--log-interval', type=int, default=10)
    parser.add_argument('--amp', action='store_true')
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    torch.manual_seed(1)
    loader = torch.utils.data.DataLoader(
        datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor()),
        batch_size=64, shuffle=True)
    test_loader = torch.utils.data.DataLoader(
        datasets.MNIST("data", train=False, transform=transforms.ToTensor()), batch_size=1000)

    model = Net().to(device)
    optimizer = torch.optim.Adadelta(model.parameters(), lr=args.lr)
    scheduler = StepLR(optimizer, step_size=1, gamma=args.gamma)
    scaler = torch.cuda.amp.GradScaler(enabled=args.amp)
    for epoch in range(1, args.epochs + 1):
        train_loss = train(args, model, device, loader, optimizer, scaler, epoch)
        acc = test(model, device, test_loader)
        flor.log("acc", acc)
        scheduler.step()
        flor.log("lr", scheduler.get_last_lr()[0])
        torch.save(model.state_dict(), "mnist_cnn.pt")


if __name__ == '__main__':
    main()
