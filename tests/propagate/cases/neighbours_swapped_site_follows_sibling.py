# case: the optimizer is built before the DDP wrap today, after it before: the site follows the optimizer's construction, past the wrap's image
# === new
import flor
import torch
from torch.nn.parallel import DistributedDataParallel as DDP


class Parser:
    def train(self, args, loader):
        if args.encoder == "lstm":
            self.optimizer = torch.optim.Adam(self.model.parameters(), args.lr)
            self.scheduler = torch.optim.lr_scheduler.ExponentialLR(self.optimizer, args.decay)
        else:
            self.optimizer = torch.optim.AdamW(self.model.parameters(), args.lr)
            self.scheduler = torch.optim.lr_scheduler.LinearLR(self.optimizer)
        flor.log("optimizer", type(self.optimizer).__name__)

        if args.distributed:
            self.model = DDP(self.model, device_ids=[args.local_rank])

        for epoch in range(1, args.epochs + 1):
            self.train_epoch(loader)
            self.scheduler.step()
# === old
import torch
from torch.nn.parallel import DistributedDataParallel as DDP


class Parser:
    def train(self, args, loader):
        if args.distributed:
            self.model = DDP(self.model, device_ids=[args.local_rank])
        self.optimizer = torch.optim.Adam(self.model.parameters(), args.lr)
        self.scheduler = torch.optim.lr_scheduler.ExponentialLR(self.optimizer, args.decay)

        for epoch in range(1, args.epochs + 1):
            self.train_epoch(loader)
            self.scheduler.step()
# === expected
import flor
import torch
from torch.nn.parallel import DistributedDataParallel as DDP


class Parser:
    def train(self, args, loader):
        if args.distributed:
            self.model = DDP(self.model, device_ids=[args.local_rank])
        self.optimizer = torch.optim.Adam(self.model.parameters(), args.lr)
        self.scheduler = torch.optim.lr_scheduler.ExponentialLR(self.optimizer, args.decay)
        flor.log("optimizer", type(self.optimizer).__name__)

        for epoch in range(1, args.epochs + 1):
            self.train_epoch(loader)
            self.scheduler.step()
# === diagnostics
placed optimizer at Parser/train/stmt:3
