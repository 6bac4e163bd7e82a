# case: the old version already logs after its accumulator update: nothing changes
# === new
import flor
n_tokens = 0
for step, batch in enumerate(loader):
    mask = batch["labels"] != IGNORE
    n_tokens += mask.sum()
    flor.log("n_tokens", n_tokens)
    loss = compute_loss(model, batch) * mask.sum()
    loss.backward()
# === old
import flor
n_tokens = 0
for step, batch in enumerate(loader):
    tokens, labels = batch["tokens"], batch["labels"]
    n_tokens += tokens.numel()
    flor.log("n_tokens", n_tokens)
    logits = model(tokens)
    loss = loss_fn(logits, labels)
    loss.backward()
# === expected
<unchanged>
# === diagnostics
present n_tokens
