# case: The same site already placed: nothing to do.
# === new
import flor


def evaluate(model, loader):
    model.eval()
    seq_logprobs = []
    for batch in loader:
        seq_logprobs.append(model.score(batch))
    tracker.begin("total")
    total_logprob = np.sum(seq_logprobs)
    flor.log("total_logprob", total_logprob)
    return total_logprob
# === old
import flor


def evaluate(model, loader):
    model.eval()
    seq_log_probs = []
    for batch in loader:
        seq_log_probs.append(model.score(batch))
    total_log_prob = np.sum(seq_log_probs)
    flor.log("total_logprob", total_log_prob)
    return total_log_prob
# === expected
<unchanged>
# === diagnostics
present total_logprob
