# case: The same site already placed: nothing to do.
# === new
import flor


class HMM:
    def _fit_log(self, X):
        framelogprob = self._compute_log_likelihood(X)
        logprob, fwdlattice = self._do_forward_pass(framelogprob)
        bwdlattice = self._do_backward_pass(framelogprob)
        posteriors = self._compute_posteriors(fwdlattice, bwdlattice)
        return logprob, posteriors

    def _fit_scaling(self, X):
        frameprob = self._compute_likelihood(X)
        logprob, fwdlattice = self._forward_scaling(frameprob)
        posteriors = self._posteriors_scaling(fwdlattice)
        return logprob, posteriors

    def fit(self, X, lengths=None):
        impl = {
            "scaling": self._fit_scaling,
            "log": self._fit_log,
        }[self.implementation]
        for iter in range(self.n_iter):
            stats = self._initialize_sufficient_statistics()
            curr_logprob = 0
            for sub_X in split_X_lengths(X, lengths):
                logprob, posteriors = impl(sub_X)
                flor.log("seq_logprob", logprob)
                self._accumulate_sufficient_statistics(stats, sub_X, posteriors)
                curr_logprob += logprob
            self._do_mstep(stats)
        return self
# === old
import flor


class HMM:
    def fit(self, X, lengths=None):
        for iter in range(self.n_iter):
            stats = self._initialize_sufficient_statistics()
            curr_logprob = 0
            for i, j in iter_from_X_lengths(X, lengths):
                framelogprob = self._compute_log_likelihood(X[i:j])
                logprob, fwdlattice = self._do_forward_pass(framelogprob)
                flor.log("seq_logprob", logprob)
                curr_logprob += logprob
                bwdlattice = self._do_backward_pass(framelogprob)
                posteriors = self._compute_posteriors(fwdlattice, bwdlattice)
                self._accumulate_sufficient_statistics(stats, X[i:j], posteriors)
            self._do_mstep(stats)
        return self
# === expected
<unchanged>
# === diagnostics
present seq_logprob
