# case: Today writes seq_logprobs and total_logprob where the old version wrote seq_log_probs and total_log_prob, and a new call stands in the gap: names are compared without their underscores, so the sum is the old sum and the site reads total_log_prob.
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
def evaluate(model, loader):
    model.eval()
    seq_log_probs = []
    for batch in loader:
        seq_log_probs.append(model.score(batch))
    total_log_prob = np.sum(seq_log_probs)
    return total_log_prob
# === expected
import flor
def evaluate(model, loader):
    model.eval()
    seq_log_probs = []
    for batch in loader:
        seq_log_probs.append(model.score(batch))
    total_log_prob = np.sum(seq_log_probs)
    flor.log("total_logprob", total_log_prob)
    return total_log_prob
# === diagnostics
placed total_logprob at evaluate/stmt:4 renames total_logprob->total_log_prob
