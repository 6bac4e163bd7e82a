# case: the old version already logs its loss after the backward pass: nothing changes
# === new
import flor


def train(model, loader, optimizer, loss_fn, world_size, optimizer_in_bwd):
    for batch in loader:
        logits = model(batch["tokens"])
        num_tokens = (batch["labels"] != -100).sum()
        current_loss = loss_fn(logits, batch["labels"]) * num_tokens
        if optimizer_in_bwd:
            current_loss = current_loss * (world_size / num_tokens)
        current_loss.backward()
        flor.log("micro_loss", current_loss.item())
        optimizer.step()
        optimizer.zero_grad()
# === old
import flor


def train(model, loader, optimizer, loss_fn, accum_steps):
    for batch in loader:
        logits = model(batch["tokens"])
        loss = loss_fn(logits, batch["labels"])
        loss = loss / accum_steps
        loss.backward()
        flor.log("micro_loss", loss.item())
        optimizer.step()
        optimizer.zero_grad()
# === expected
<unchanged>
# === diagnostics
present micro_loss
