# case: first statement of its block: first in the image of the block
# === new
import flor
for it in range(iters):
    tokens_seen += batch_tokens()
    if it % log_every == 0:
        flor.log("tokens_seen", tokens_seen)
        print(it)
# === old
for it in range(iters):
    tokens_seen += batch_tokens()
    if it % log_every == 0:
        elapsed = time.time() - t0
        print(it, elapsed)
# === expected
import flor
for it in range(iters):
    tokens_seen += batch_tokens()
    if it % log_every == 0:
        flor.log("tokens_seen", tokens_seen)
        elapsed = time.time() - t0
        print(it, elapsed)
# === diagnostics
placed tokens_seen at for:it/if/stmt:0
