"""Regression with a Trainer; the model is built in main() and handed over."""
import argparse

import flor

import torch
import torch.nn as nn


class Trainer:
    def __init__(self, model, args, device):
        self.args = args
        self.device = device
        self.model = model
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=args.lr)
        self.scheduler = torch.optim.lr_scheduler.StepLR(self.optimizer, step_size=5)

    def train_epoch(self, batches):
        self.model.train()
        total = 0.0
        for x, y in batches:
            x, y = x.to(self.device), y.to(self.device)
            loss = nn.functional.mse_loss(self.model(x), y)
            self.optimizer.zero_grad()
            loss.backward()
            flor.log("loss", loss.item())
            self.optimizer.step()
            total += loss.item()
        return total

    @torch.no_grad()
    def evaluate(self, batches):
        self.model.eval()
        return sum(nn.functional.mse_loss(self.model(x.to(self.device)), y.to(self.device)).item()
                   for x, y in batches)

    def fit(self, train_batches, val_batches):
        for epoch in range(self.args.epochs):
            train_loss = self.train_epoch(train_batches())
            val_loss = self.evaluate(val_batches())
            flor.log("val_loss", val_loss)
            self.scheduler.step()
            flor.log("lr", self.optimizer.param_groups[0]["lr"])
            print(f"epoch {epoch} train {train_loss:.4f} val {val_loss:.4f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"

    model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1)).to(device)
    flor.log("n_params", sum(p.numel() for p in model.parameters()))
    trainer = Trainer(model, args, device)
    trainer.fit(train_batches, val_batches)


if __name__ == "__main__":
    main()
