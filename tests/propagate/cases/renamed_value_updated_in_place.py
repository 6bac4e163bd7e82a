# case: today `current_loss` is computed, then rescaled in place under an `if` added today (`current_loss = current_loss * k`); the old version computes and rescales `loss` the same way: the statement after the backward pass reads `loss`
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
def train(model, loader, optimizer, loss_fn, accum_steps):
    for batch in loader:
        logits = model(batch["tokens"])
        loss = loss_fn(logits, batch["labels"])
        loss = loss / accum_steps
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
# === expected
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
# === diagnostics
placed micro_loss at train/for:batch/stmt:4 renames current_loss.item->loss.item
