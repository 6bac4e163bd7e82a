# case: The same site already placed: nothing to do.
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
# === expected
<unchanged>
# === diagnostics
present log_lik
