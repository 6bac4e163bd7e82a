# case: no periodic block and no counter in the old version: declined
# === new
import flor
for it in range(iters):
    tokens_seen += batch_tokens()
    if it % log_every == 0:
        flor.log("tokens_seen", tokens_seen)
# === old
for it in range(iters):
    train_step()
# === expected
<declined>
# === diagnostics
declined tokens_seen: reads `tokens_seen`, computed today by the statement at line 3, which has no counterpart in this version
