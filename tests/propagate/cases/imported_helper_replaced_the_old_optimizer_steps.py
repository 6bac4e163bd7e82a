# case: A function imported today, handed the fabric, the loss and the optimizer, replaced the old zero_grad/backward/clip/step: the statement after it goes past those old steps.
# === new
import flor
from trainutils import update


def train(fabric, agent, optimizer, batches, cfg):
    for batch in batches:
        with fabric.autocast():
            loss = agent.loss(batch)
        update(fabric, loss, optimizer, cfg.max_grad_norm)
        flor.log("loss", loss.item())
        if cfg.log:
            print(loss)
# === old
def train(fabric, agent, optimizer, batches, cfg):
    for batch in batches:
        loss = agent.loss(batch)
        optimizer.zero_grad()
        fabric.backward(loss)
        if cfg.max_grad_norm > 0:
            fabric.clip_gradients(agent, optimizer, max_norm=cfg.max_grad_norm)
        optimizer.step()
        if cfg.log:
            print(loss)
# === expected
import flor
def train(fabric, agent, optimizer, batches, cfg):
    for batch in batches:
        loss = agent.loss(batch)
        optimizer.zero_grad()
        fabric.backward(loss)
        if cfg.max_grad_norm > 0:
            fabric.clip_gradients(agent, optimizer, max_norm=cfg.max_grad_norm)
        optimizer.step()
        flor.log("loss", loss.item())
        if cfg.log:
            print(loss)
# === diagnostics
placed loss at train/for:batch/stmt:5
