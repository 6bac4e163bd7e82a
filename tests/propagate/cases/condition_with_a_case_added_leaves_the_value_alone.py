# case: Today's penalty block runs under if isinstance(penalizer, np.ndarray) or penalizer > 0: and also subtracts the penalty from ll_; the old if penalizer > 0: is that block with a case fewer and changes only the gradients: the site goes after it and reads the old ll, the value before the update.
# === new
import flor


def newton(X, beta, penalizer, max_steps):
    for i in range(max_steps):
        h, g, ll_ = gradients(X, beta)
        if isinstance(penalizer, np.ndarray) or penalizer > 0:
            ll_ -= penalty(beta)
            g -= d_penalty(beta)
            h -= dd_penalty(beta)
        flor.log("log_lik", ll_)
        delta = solve(-h, g)
        beta += delta
    return beta
# === old
def newton(X, beta, penalizer, max_steps):
    for i in range(max_steps):
        h, g, ll = gradients(X, beta)
        if penalizer > 0:
            g -= penalizer * beta
            h -= penalizer
        delta = solve(-h, g)
        beta += delta
    return beta
# === expected
import flor
def newton(X, beta, penalizer, max_steps):
    for i in range(max_steps):
        h, g, ll = gradients(X, beta)
        if penalizer > 0:
            g -= penalizer * beta
            h -= penalizer
        flor.log("log_lik", ll)
        delta = solve(-h, g)
        beta += delta
    return beta
# === diagnostics
placed log_lik at newton/for:i/stmt:2 renames ll_->ll
