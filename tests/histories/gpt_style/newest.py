"""Train a small character-level GPT."""
import flor
import os
import time
import numpy as np
import torch
from torch.distributed import init_process_group, destroy_process_group
from torch.nn.parallel import DistributedDataParallel as DDP
from model import GPT, GPTConfig

batch_size = 12
block_size = 64
max_iters = 2000
eval_interval = 250
log_interval = 10
eval_iters = 20
learning_rate = 6e-4
gradient_accumulation_steps = 4
grad_clip = 1.0
dtype = 'float16'
ddp = int(os.environ.get('RANK', -1)) != -1
if ddp:
    init_process_group(backend='nccl')
    ddp_rank = int(os.environ['RANK'])
    device = f'cuda:{int(os.environ["LOCAL_RANK"])}'
    master_process = ddp_rank == 0
else:
    master_process = True
    device = 'cuda' if torch.cuda.is_available() else 'cpu'

data = np.memmap('train.bin', dtype=np.uint16, mode='r')
val_data = np.memmap('val.bin', dtype=np.uint16, mode='r')


def get_batch(split):
    d = data if split == 'train' else val_data
    ix = torch.randint(len(d) - block_size, (batch_size,))
    x = torch.stack([torch.from_numpy((d[i:i + block_size]).astype(np.int64)) for i in ix])
    y = torch.stack([torch.from_numpy((d[i + 1:i + 1 + block_size]).astype(np.int64)) for i in ix])
    return x.to(device), y.to(device)


@torch.no_grad()
def estimate_loss():
    out = {}
    model.eval()
    for split in ['train', 'val']:
        losses = torch.zeros(eval_iters)
        for k in range(eval_iters):
            X, Y = get_batch(split)
            logits, loss = model(X, Y)
            losses[k] = loss.item()
        out[split] = losses.mean()
    model.train()
    return out


model = GPT(GPTConfig(block_size=block_size))
model.to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
scaler = torch.cuda.amp.GradScaler(enabled=(dtype == 'float16'))
ctx = torch.autocast(device_type='cuda', dtype=torch.float16)
if ddp:
    model = DDP(model, device_ids=[device])

def get_lr(it):
    return learning_rate * min(1.0, (it + 1) / 100)


iter_num = 0
t0 = time.time()
try:
  while True:
      if iter_num % eval_interval == 0 and master_process:
          losses = estimate_loss()
          flor.log("val_loss", losses['val'].item())
          print(f"step {iter_num}: train loss {losses['train']:.4f}, val loss {losses['val']:.4f}")

      lr = get_lr(iter_num)
      for param_group in optimizer.param_groups:
          param_group['lr'] = lr
      X, Y = get_batch('train')
      for micro_step in range(gradient_accumulation_steps):
          with ctx:
              logits, loss = model(X, Y)
              loss = loss / gradient_accumulation_steps
          X, Y = get_batch('train')
          scaler.scale(loss).backward()
      if grad_clip != 0.0:
          scaler.unscale_(optimizer)
          norm = torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
          flor.log("grad_norm", norm.item())
      scaler.step(optimizer)
      scaler.update()
      optimizer.zero_grad(set_to_none=True)

      t1 = time.time()
      dt = t1 - t0
      t0 = t1
      if iter_num % log_interval == 0 and master_process:
          lossf = loss.item() * gradient_accumulation_steps
          flor.log("lossf", lossf)
          print(f"iter {iter_num}: loss {lossf:.4f}, time {dt*1000:.2f}ms")
      iter_num += 1
      if iter_num > max_iters:
          break

except KeyboardInterrupt:
    print('interrupted')

if ddp:
    destroy_process_group()
