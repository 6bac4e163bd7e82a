# case: `n_tokens += mask.sum()` was `n_tokens += tokens.numel()`: the one update of the same accumulator on each side is the same statement
# === new
import flor
n_tokens = 0
for step, batch in enumerate(loader):
    move_to(batch, device)
    mask = batch["labels"] != IGNORE
    n_tokens += mask.sum()
    flor.log("n_tokens", n_tokens)
    loss = compute_loss(model, batch) * mask.sum()
    loss.backward()
# === old
n_tokens = 0
for step, batch in enumerate(loader):
    tokens, labels = batch["tokens"], batch["labels"]
    tokens = tokens.to(device)
    n_tokens += tokens.numel()
    labels = labels.to(device)
    logits = model(tokens)
    loss = loss_fn(logits, labels)
    loss.backward()
# === expected
import flor
n_tokens = 0
for step, batch in enumerate(loader):
    tokens, labels = batch["tokens"], batch["labels"]
    tokens = tokens.to(device)
    n_tokens += tokens.numel()
    flor.log("n_tokens", n_tokens)
    labels = labels.to(device)
    logits = model(tokens)
    loss = loss_fn(logits, labels)
    loss.backward()
# === diagnostics
placed n_tokens at for:(step,batch)/stmt:3
