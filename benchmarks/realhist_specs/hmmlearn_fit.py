# hmmlearn hmmlearn/base.py (_AbstractHMM.fit / _do_estep / _score_log, ConvergenceMonitor.report), PyPI 0.1.1 .. 0.3.2 (v00 .. v10).
# Round 29, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "hmmlearn_fit" / "versions.json").read_text())
OLDER = range(10)
# v00      0.1.1: _BaseHMM.fit(obs) over a list of sequences, loop var `i`, per-sequence `lpr`, logprob list,
#                 convergence check (`self.thresh`) BEFORE the M-step, no ConvergenceMonitor, no verbose.
# v01-v05  0.2.0-0.2.5: fit(X, lengths), `for i, j in iter_from_X_lengths`, forward / curr_logprob += /
#                 backward / posteriors / accumulate inline in fit, ConvergenceMonitor.report(logprob).
# v06      0.2.6: `for sub_X in _utils.split_X_lengths`, score/score_samples -> _score.
# v07-v08  0.2.7-0.2.8: implementation switch `impl = {...}[self.implementation]` in fit (once, before the
#                 loop), `lattice, log_prob, ... = impl(sub_X)`, curr_log_prob, _score_log/_score_scaling,
#                 report(log_prob).
# v09-v10  0.3.0-0.3.2: _AbstractHMM; E-step moved to _do_estep (impl chosen there, per call, names back to
#                 logprob/curr_logprob), lower bound, "not converging" warning in report.
_FIT = {"within": "def fit("}
_ESTEP = {"within": "def _do_estep("}
_LOOP_OLD = {0: "for seq in obs:"}
_LOOP_OLD.update({v: "for i, j in iter_from_X_lengths(X, lengths):" for v in range(1, 6)})
_LOOP_OLD.update({v: "for sub_X in _utils.split_X_lengths(X, lengths):" for v in range(6, 9)})


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "hmmlearn_fit",
    "title": "hmmlearn EM fit loop across 0.1.1 .. 0.3.2 (list of sequences -> X/lengths, ConvergenceMonitor, "
             "split_X_lengths, scaling/log implementation switch, E-step moved into _do_estep with lower bound, "
             "score -> _score -> _score_log)",
    "stories": _V,
    "probes": {
        "iter": {
            "text": 'flor.log("iter", iter)',
            "intent": "EM iteration index at the start of every iteration",
            "newest": ("first_in", "for iter in range(self.n_iter):", _FIT),
            "versions": dict(
                [(0, ("first_in", "for i in range(self.n_iter):", {
                    "within": "def fit(", "renames": {"iter": "i"},
                    "note": "0.1.1 names the EM loop variable `i`"}))] +
                [(v, ("first_in", "for iter in range(self.n_iter):", _FIT)) for v in range(1, 10)]),
        },
        "impl": {
            "text": 'flor.log("impl", impl.__name__)',
            "intent": "which forward-backward implementation (scaling / log) the E-step uses, right after it is chosen",
            "newest": ("after", "impl = {", _ESTEP),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.2.7 there is only the log implementation: no `implementation` parameter and no "
                      "`impl` is chosen anywhere", {"scope": "fit"})) for v in range(0, 7)] +
                [(v, ("after", "impl = {", _w(_FIT, note=
                      "0.2.7/0.2.8 choose impl once in fit(), before the EM loop (0.3 moved it into _do_estep, "
                      "run every iteration): after the same statement"))) for v in (7, 8)] +
                [(9, ("after", "impl = {", _ESTEP))]),
        },
        "seq_logprob": {
            "text": 'flor.log("seq_logprob", logprob)',
            "intent": "log-likelihood of each sequence in the E-step, right after its forward-backward pass",
            "newest": ("after", "lattice, logprob, posteriors, fwdlattice, bwdlattice = impl(sub_X)", _ESTEP),
            "versions": dict(
                [(0, ("after", "posteriors = np.exp(gamma.T - logsumexp(gamma, axis=1)).T", _w(_FIT, **{
                    "renames": {"logprob": "lpr"},
                    "alt": [("after", "lpr, fwdlattice = self._do_forward_pass(framelogprob)",
                             _w(_FIT, renames={"logprob": "lpr"}))],
                    "note": "0.1.1 does forward-backward inline (framelogprob, forward -> lpr, backward, gamma, "
                            "posteriors): the image of impl(sub_X) ends at `posteriors = ...`, before "
                            "curr_logprob += lpr and the accumulate call; right after the forward pass (where "
                            "lpr is produced) is also accepted"})))] +
                [(v, ("after", "posteriors = self._compute_posteriors(fwdlattice, bwdlattice)", _w(_FIT, **{
                    "alt": [("after", "logprob, fwdlattice = self._do_forward_pass(framelogprob)", _FIT)],
                    "note": "0.2.0-0.2.6 do the pass inline in fit(): the image of impl(sub_X) ends at "
                            "`posteriors = ...` (before the accumulate call; `curr_logprob += logprob` sits "
                            "between forward and backward there); right after the forward pass is also accepted"})))
                 for v in range(1, 7)] +
                [(v, ("after", "lattice, log_prob, posteriors, fwdlattice, bwdlattice = \\", _w(_FIT, **{
                    "renames": {"logprob": "log_prob"},
                    "note": "0.2.7/0.2.8: the same call inline in fit(), the value is named log_prob"})))
                 for v in (7, 8)] +
                [(9, ("after", "lattice, logprob, posteriors, fwdlattice, bwdlattice = impl(sub_X)", _ESTEP))]),
        },
        "running_logprob": {
            "text": 'flor.log("running_logprob", curr_logprob)',
            "intent": "running total of the E-step log-likelihood right after each sequence's share is added",
            "newest": ("after", "curr_logprob += logprob", _ESTEP),
            "versions": dict(
                [(0, ("after", "curr_logprob += lpr", _w(_FIT, **{
                    "alt": [("last_in", "for seq in obs:", _FIT)],
                    "note": "0.1.1 adds the sequence's lpr before the accumulate call (the newest adds it after): "
                            "after the += (previous sibling); last in the sequence loop (same value) also accepted"})))] +
                [(v, ("after", "curr_logprob += logprob", _w(_FIT, **{
                    "alt": [("last_in", _LOOP_OLD[v], _FIT)],
                    "note": "0.2.0-0.2.6 add logprob right after the forward pass, before backward/posteriors/"
                            "accumulate: after the += (previous sibling); last in the sequence loop, where the "
                            "newest probe is and curr_logprob is unchanged, also accepted"}))) for v in range(1, 7)] +
                [(v, ("after", "curr_log_prob += log_prob", _w(_FIT, renames={"curr_logprob": "curr_log_prob"},
                      note="0.2.7/0.2.8 name the total curr_log_prob (in fit)"))) for v in (7, 8)] +
                [(9, ("after", "curr_logprob += logprob", _ESTEP))]),
        },
        "estep_logprob": {
            "text": 'flor.log("estep_logprob", curr_logprob)',
            "intent": "total log-likelihood of the E-step of each EM iteration, right after the E-step",
            "newest": ("after", "stats, curr_logprob = self._do_estep(X, lengths)", _FIT),
            "versions": dict(
                [(v, ("after", _LOOP_OLD[v], _w(_FIT, **({
                    "renames": {"curr_logprob": "curr_log_prob"}} if v in (7, 8) else {}), note=
                    "before 0.3 the E-step (stats init, curr_logprob = 0, loop over sequences) is inline in the "
                    "EM loop of fit(): after the whole sequence loop" + (
                        "; 0.1.1 then appends it to the logprob list (after the probe)" if v == 0 else "") + (
                        "; named curr_log_prob" if v in (7, 8) else ""))))
                 for v in range(0, 9)] +
                [(9, ("after", "stats, curr_logprob = self._do_estep(X, lengths)", _FIT))]),
        },
        "n_sequences": {
            "text": 'flor.log("n_sequences", stats["nobs"])',
            "intent": "number of sequences whose statistics fed the M-step, right after the M-step",
            "newest": ("after", "self._do_mstep(stats)", _FIT),
            "versions": dict(
                [(0, ("after", "self._do_mstep(stats, self.params)", _w(_FIT, note=
                      "0.1.1 runs the M-step last in the iteration, after the convergence break (so not in the "
                      "converged iteration): after it, as the newest has the probe right after the M-step")))] +
                [(v, ("after", "self._do_mstep(stats)", _FIT)) for v in range(1, 10)]),
        },
        "iter_continue": {
            "text": 'flor.log("iter_continue", iter)',
            "intent": "iteration index of every iteration that did not converge, right after the convergence check",
            "newest": ("after", "if self.monitor_.converged:", _FIT),
            "versions": dict(
                [(0, ("after", "if i > 0 and logprob[-1] - logprob[-2] < self.thresh:", _w(_FIT, **{
                    "renames": {"iter": "i"},
                    "note": "0.1.1 checks convergence inline (`if i > 0 and ... < self.thresh: break`) before the "
                            "M-step: after that if (before the M-step, which follows the check there)"})))] +
                [(v, ("after", "if self.monitor_.converged:", _w(_FIT, **({"note":
                      "0.2.3-0.2.8 have the zero-sum transmat warning after the loop, not in it: the probe is last "
                      "in the loop"} if v in range(4, 9) else {})))) for v in range(1, 10)]),
        },
        "delta": {
            "text": 'flor.log("delta", delta)',
            "intent": "log-likelihood improvement shown by the verbose per-iteration report (inside if self.verbose)",
            "newest": ("after", "delta = log_prob - self.history[-1] if self.history else np.nan"),
            "versions": dict(
                [(0, ("na", "no_anchor", "0.1.1 has no ConvergenceMonitor and no verbose report"))] +
                [(v, ("after", "delta = logprob - self.history[-1] if self.history else np.nan", {
                    "note": "the monitor's argument is `logprob` before 0.2.7; same statement, inside if self.verbose"}))
                 for v in range(1, 7)] +
                [(v, ("after", "delta = log_prob - self.history[-1] if self.history else np.nan"))
                 for v in range(7, 10)]),
        },
        "logprob_drop": {
            "text": 'flor.log("logprob_drop", delta)',
            "intent": "size of a log-likelihood decrease, inside the 'Model is not converging' branch of report()",
            "newest": ("before", '_log.warning(f"Model is not converging'),
            "versions": dict(
                [(0, ("na", "no_anchor", "0.1.1 has no ConvergenceMonitor"))] +
                [(v, ("na", "no_anchor",
                      "the decrease check (`if self.history and (log_prob - self.history[-1]) < -precision:`) is "
                      "new in 0.3.0; the older report() has only the verbose branch, whose delta is not the "
                      "same condition")) for v in range(1, 9)] +
                [(9, ("before", '_log.warning(f"Model is not converging'))]),
        },
        "score_seq_logprob": {
            "text": 'flor.log("score_seq_logprob", log_probij)',
            "intent": "log-likelihood of each sequence when scoring (log implementation), once added to the total",
            "newest": ("after", "log_prob += log_probij", {"within": "def _score_log("}),
            "versions": dict(
                [(0, ("after", "logprob, _ = self._do_forward_pass(framelogprob)", {
                    "within": "def score(self", "renames": {"log_probij": "logprob"},
                    "alt": [("after", "logprob, fwdlattice = self._do_forward_pass(framelogprob)",
                             {"within": "def score_samples(self", "renames": {"log_probij": "logprob"}})],
                    "note": "0.1.1 scores a single sequence without a loop: the forward pass result `logprob` is the "
                            "sequence's log-likelihood; score() and score_samples() each have their own copy (the "
                            "newest _score_log serves both): either accepted"}))] +
                [(v, ("after", "logprob += logprobij", {
                    "within": "def score(self", "renames": {"log_probij": "logprobij"},
                    "alt": [("after", "logprob += logprobij",
                             {"within": "def score_samples(self", "renames": {"log_probij": "logprobij"}})],
                    "note": "0.2.0-0.2.5 have two copies of the scoring loop (score and score_samples; the newest "
                            "_score_log serves both): either accepted; the value is named logprobij"}))
                 for v in range(1, 6)] +
                [(6, ("after", "logprob += logprobij", {
                    "within": "def _score(self", "renames": {"log_probij": "logprobij"},
                    "note": "0.2.6 has one _score helper (log implementation only); the value is named logprobij"}))] +
                [(v, ("after", "log_prob += log_probij", {"within": "def _score_log("}))
                 for v in range(7, 10)]),
        },
    },
}
