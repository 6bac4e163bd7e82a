# numpyro numpyro/infer/svi.py (SVI.run / SVI.update / SVI.init), PyPI 0.2.0 .. 0.22.0 (v00 .. v11).
# Round 23, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "numpyro_svi" / "versions.json").read_text())
# v00 = 0.2.0 is numpyro/svi.py (a deprecated functional `svi()` with nested init_fn/update_fn next to the
# class SVI with model_args/guide_args and `rng`); v01 0.2.4 .. v03 0.4.0 have SVI.init/update only;
# SVI.run (tqdm loop or lax.scan) appears in v04 0.5.0, stable_update in v05 0.6.0, mutable state in
# v06 0.7.0, init_state in v08 0.9.0, init_params in v09 0.12.0, forward-mode + per-step device_get in
# v10 0.15.0, jitted_body_fn + windowed device_get in v11 0.22.0 (newest).
OLD = range(11)
NO_RUN = (0, 1, 2, 3)
RUN = {"within": "def run("}
LOOP = {"within": "for i in t:"}
BODY = {"within": "def body_fn("}
UPD = {"within": "def update("}
INIT = {"within": "def init("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


def _norun(v):
    return ("na", "no_anchor", "SVI has no run() method before 0.5.0 (only init/update/evaluate, the user "
            "writes the loop); nothing corresponds to the run loop", {"scope": "SVI"})


CASE = {
    "name": "numpyro_svi",
    "title": "numpyro SVI across 0.2.0 .. 0.22.0 (class SVI with model_args/guide_args -> *args API (0.2.4), "
             "eval_and_update (0.4), run() with tqdm loop / lax.scan (0.5), stable_update (0.6), mutable state "
             "(0.7), init_state (0.9), init_params (0.12), multi-sample guides (0.15), jitted_body_fn (0.22))",
    "stories": _V,
    "probes": {
        "step_loss": {
            "text": 'flor.log("step_loss", loss)',
            "intent": "loss of every optimisation step of the progress-bar loop in run(), right after the step",
            "newest": ("after", "svi_state, loss = jitted_body_fn(svi_state, None)", RUN),
            "versions": dict(
                [(v, _norun(v)) for v in NO_RUN] +
                [(v, ("after", "svi_state, loss = jit(body_fn)(svi_state, None)", _w(RUN, note=(
                    "before 0.22 the step jits body_fn at every call: `jit(body_fn)(svi_state, None)` "
                    "is the same step as `jitted_body_fn(svi_state, None)`")))) for v in range(4, 11)]),
        },
        "n_losses": {
            "text": 'flor.log("n_losses", len(losses))',
            "intent": "number of losses collected so far, right after the step's loss is appended",
            "newest": ("after", "losses.append(loss)", RUN),
            "versions": dict(
                [(v, _norun(v)) for v in NO_RUN] +
                [(4, ("after", "losses.append(loss)", _w(RUN, note=(
                    "0.5.0 appends the loss at the end of the loop body, after the `if i % batch == 0:` "
                    "block (moved before it in 0.6.0): the probe observes the append, so it follows it "
                    "there, last in the loop body"))))] +
                [(v, ("after", "losses.append(loss)", RUN)) for v in range(5, 10)] +
                [(10, ("after", "losses.append(jax.device_get(loss))", _w(RUN, note=(
                    "0.15.0 appends `jax.device_get(loss)`: same statement"))))]),
        },
        "window_losses": {
            "text": 'flor.log("window_losses", losses[i - batch:])',
            "intent": "the losses of the last window of `batch` steps, once per window, right after they are "
                      "transferred to the host (before the average is computed)",
            "newest": ("after", "losses[i - batch :] = jax.device_get(", RUN),
            "versions": dict(
                [(v, _norun(v)) for v in NO_RUN] +
                [(v, ("first_in", "if i % batch == 0:", _w(RUN, note=(
                    "no windowed device_get before 0.22 (0.15.0 transfers every loss in the append): the probe "
                    "keeps its place as the first statement of the `if i % batch == 0:` block, before the "
                    "average" + (" (0.5.0 appends after this block, so the window holds batch-1 losses; "
                                 "same place)" if v == 4 else ""))))) for v in range(4, 11)]),
        },
        "avg_loss": {
            "text": 'flor.log("avg_loss", avg_loss)',
            "intent": "average loss of the window, once per window, after it is computed (stable or not)",
            "newest": ("after", "if stable_update:", LOOP),
            "versions": dict(
                [(v, _norun(v)) for v in NO_RUN] +
                [(4, ("after", "avg_loss = sum(losses[i-batch:]) / batch", _w(LOOP, note=(
                    "0.5.0 has no stable_update: the average is a single assignment, the probe goes right "
                    "after it (before set_postfix_str)"))))] +
                [(v, ("after", "if stable_update:", _w(LOOP, note=(
                    "after the whole `if stable_update: ... else: ...` that computes avg_loss, not inside a "
                    "branch")))) for v in range(5, 11)]),
        },
        "body_loss": {
            "text": 'flor.log("body_loss", loss)',
            "intent": "loss returned by the update inside run()'s body_fn (traced; used by both the tqdm loop "
                      "and lax.scan), after the stable/plain update choice",
            "newest": ("after", "if stable_update:", BODY),
            "versions": dict(
                [(v, _norun(v)) for v in NO_RUN] +
                [(4, ("after", "svi_state, loss = self.update(svi_state, *args, **kwargs)", _w(BODY, note=(
                    "0.5.0 has no stable_update: body_fn calls self.update unconditionally; after it, before "
                    "the return"))))] +
                [(v, ("after", "if stable_update:", BODY)) for v in range(5, 11)]),
        },
        "init_step": {
            "text": 'flor.log("init_step", svi_state.optim_state[0])',
            "intent": "optimizer step counter of the state run() starts from (non-zero when resuming), once it "
                      "is set",
            "newest": ("after", "if init_state is None:", RUN),
            "versions": dict(
                [(v, _norun(v)) for v in NO_RUN] +
                [(v, ("after", "svi_state = self.init(rng_key, *args, **kwargs)", _w(RUN, note=(
                    "no init_state before 0.9.0: the state always comes from self.init(...), the probe goes "
                    "right after it")))) for v in range(4, 8)] +
                [(v, ("after", "if init_state is None:", _w(RUN, note=(
                    "after the whole if/else that picks the initial state")))) for v in (8, 9, 10)]),
        },
        "rng_key": {
            "text": 'flor.log("rng_key", rng_key)',
            "intent": "the PRNG key carried to the next step, right after SVI.update splits it",
            "newest": ("after", "rng_key, rng_key_step = random.split(svi_state.rng_key)", UPD),
            "versions": dict(
                [(0, ("after", "rng, rng_seed = random.split(svi_state.rng)", _w(UPD, renames={"rng_key": "rng"},
                      note="0.2.0 (numpyro/svi.py) calls the key `rng` (SVIState.rng) and the step key `rng_seed`; "
                           "the class method SVI.update, not the deprecated functional update_fn")))] +
                [(v, ("after", "rng_key, rng_key_step = random.split(svi_state.rng_key)", UPD))
                 for v in range(1, 11)]),
        },
        "update_loss": {
            "text": 'flor.log("update_loss", loss_val)',
            "intent": "loss value of one SVI.update step, once the loss is evaluated and the optimizer updated",
            "newest": ("after", "(loss_val, mutable_state), optim_state = self.optim.eval_and_update(", UPD),
            "versions": dict(
                [(v, ("after", "optim_state = self.optim.update(grads, svi_state.optim_state)", _w(UPD, **{
                    "alt": [("after", "loss_val, grads = value_and_grad(", UPD)],
                    "note": "before 0.4.0 the loss evaluation and the optimizer update are two statements "
                            "(value_and_grad, then optim.update) instead of eval_and_update: after the update "
                            "(the end of the newest statement's work) or right after value_and_grad (the probe "
                            "reads only loss_val) are both right"})))
                 for v in (0, 1, 2)] +
                [(v, ("after", "loss_val, optim_state = self.optim.eval_and_update(", UPD))
                 for v in (3, 4, 5)] +
                [(v, ("after", "(loss_val, mutable_state), optim_state = self.optim.eval_and_update(", UPD))
                 for v in range(6, 11)]),
        },
        "mutable_state": {
            "text": 'flor.log("mutable_state", mutable_state)',
            "intent": "the mutable-site state returned by one SVI.update step",
            "newest": ("after", "(loss_val, mutable_state), optim_state = self.optim.eval_and_update(", UPD),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no mutable sites before 0.7.0: SVIState has no mutable_state and update binds no "
                      "`mutable_state`", {"scope": "update"})) for v in range(0, 6)] +
                [(v, ("after", "(loss_val, mutable_state), optim_state = self.optim.eval_and_update(", UPD))
                 for v in range(6, 11)]),
        },
        "model_sites": {
            "text": 'flor.log("model_sites", len(model_trace))',
            "intent": "number of sites in the model trace that SVI.init collects params from, once it is built",
            "newest": ("after", 'if getattr(self.loss, "multi_sample_guide", False):', INIT),
            "versions": dict(
                [(v, ("after", "model_trace = trace(", _w(INIT, **({
                    "note": "before 0.15.0 the model trace is built by one statement (no multi-sample-guide "
                            "if/else): right after it" + (
                                "; 0.2.0: the class method SVI.init (not the deprecated init_fn)" if v == 0 else "")
                }))))
                 for v in range(0, 10)] +
                [(10, ("after", 'if getattr(self.loss, "multi_sample_guide", False):', _w(INIT, note=(
                    "after the whole if/else that builds model_trace"))))]),
        },
    },
}
