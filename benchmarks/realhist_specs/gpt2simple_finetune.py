# gpt-2-simple gpt_2_simple/gpt_2.py (finetune), PyPI 0.1 .. 0.8.1 (v00 .. v09).
# Round 20, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "gpt2simple_finetune" / "versions.json").read_text())
OLDER = range(9)
_FT = {"within": "def finetune("}
_LOOP = {"within": "while True:"}
_NA = lambda why: ("na", "missing_dependency", why, {"scope": "finetune"})


def _o(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "gpt2simple_finetune",
    "title": "gpt-2-simple finetune() (TF1 graph + while-True session loop) across 0.1 .. 0.8.1 "
             "(CHECKPOINT_DIR constant -> checkpoint_dir argument, train_vars split into all_vars/train_vars, "
             "minimize() -> explicit gradients, resumable step counter with counter_base, steps cast, "
             "optimizer choice, multi-GPU, TF2 guards)",
    "stories": _V,
    "probes": {
        "checkpoint_dir": {
            "text": 'flor.log("checkpoint_dir", checkpoint_dir)',
            "intent": "root folder of the run's checkpoints, once the run's checkpoint path is built",
            "newest": ("after", "checkpoint_path = os.path.join(checkpoint_dir, run_name)", _FT),
            "versions": dict(
                [(v, ("after", "checkpoint_path = os.path.join(CHECKPOINT_DIR, run_name)", _o(_FT, **{
                    "renames": {"checkpoint_dir": "CHECKPOINT_DIR"},
                    "note": "before 0.5.4 the checkpoint root is the local constant CHECKPOINT_DIR = 'checkpoint' "
                            "(it became the checkpoint_dir argument with the same default): a rename"})))
                 for v in range(5)] +
                [(v, ("after", "checkpoint_path = os.path.join(checkpoint_dir, run_name)", _FT))
                 for v in range(5, 9)]),
        },
        "n_model_vars": {
            "text": 'flor.log("n_model_vars", len(all_vars))',
            "intent": "number of model variables (the ones the Saver checkpoints), right after they are collected",
            "newest": ("after", "all_vars = [v for v in tf.compat.v1.trainable_variables()", _FT),
            "versions": dict(
                [(v, ("after", "train_vars = [v for v in tf.trainable_variables()", _o(_FT, **{
                    "renames": {"all_vars": "train_vars"},
                    "note": "0.1-0.3.1 collect the model variables as train_vars (same comprehension, also the "
                            "Saver's var_list); 0.4 renamed that list all_vars and reused the name train_vars for "
                            "the (optionally filtered) subset: all_vars -> train_vars is a rename here"})))
                 for v in (0, 1)] +
                [(v, ("after", "all_vars = [v for v in tf.trainable_variables()", _FT)) for v in (2, 3, 4)] +
                [(v, ("after", "all_vars = [v for v in tf.compat.v1.trainable_variables()", _FT))
                 for v in range(5, 9)]),
        },
        "optimizer": {
            "text": 'flor.log("optimizer", optimizer)',
            "intent": "the optimizer chosen for this run, after the base optimizer is built",
            "newest": ("after", "if optimizer == 'adam':"),
            "versions": dict(
                [(v, _NA("no `optimizer` argument before 0.6: Adam is hard-coded (logging the constant 'adam' "
                         "would be a substitute value, not a rename)")) for v in range(6)] +
                [(v, ("after", "if optimizer == 'adam':", {
                    "note": "after the whole if/elif, not inside the sgd branch"})) for v in (6, 7, 8)]),
        },
        "n_grads": {
            "text": 'flor.log("n_grads", len(opt_grads))',
            "intent": "number of (gradient, variable) pairs applied, without gradient accumulation",
            "newest": ("after", "opt_grads = list(zip(opt_grads, train_vars))"),
            "versions": dict(
                [(v, _NA("0.1-0.3.1 build the update with AdamOptimizer(...).minimize(loss, var_list=train_vars) "
                         "in the else branch; no opt_grads exists")) for v in (0, 1)] +
                [(v, ("after", "opt_grads = list(zip(opt_grads, train_vars))", {
                    "note": "in the else branch of `if accumulate_gradients > 1:` (graph building)"}))
                 for v in range(2, 9)]),
        },
        "resumed_counter": {
            "text": 'flor.log("resumed_counter", counter)',
            "intent": "step counter restored from the counter file when a run is resumed",
            "newest": ("after", "counter = int(fp.read()) + 1"),
            "versions": dict(
                [(0, ("after", "counter = int(fp.read()) + 1", {
                    "note": "0.1 resumes whenever the counter file exists (`if os.path.exists(counter_path):`, "
                            "no restore_from == 'latest' test): the equivalent condition, inside its `with`"}))] +
                [(v, ("after", "counter = int(fp.read()) + 1")) for v in range(1, 9)]),
        },
        "max_steps": {
            "text": 'flor.log("max_steps", steps)',
            "intent": "requested number of training steps, right before the training loop starts",
            "newest": ("after", "if steps:", _FT),
            "versions": dict(
                [(v, ("after", "start_time = time.time()", _o(_FT, **{
                    "note": "no `if steps: steps = int(steps)` before 0.5.1: the place keeps its position between "
                            "start_time = time.time() and the try/while loop"}))) for v in range(4)] +
                [(v, ("after", "if steps:", _FT)) for v in range(4, 9)]),
        },
        "stop_step": {
            "text": 'flor.log("stop_step", counter)',
            "intent": "step at which training stops because the requested number of steps is reached",
            "newest": ("first_in", "if steps > 0 and counter == (counter_base + steps):"),
            "versions": dict(
                [(0, ("first_in", "if counter == steps:", {
                    "note": "0.1 stops at `counter == steps` (no counter_base, no steps > 0 test): the equivalent "
                            "condition; first in its branch, before save()"}))] +
                [(v, ("first_in", "if steps > 0 and counter == (counter_base + steps):")) for v in range(1, 9)]),
        },
        "loss": {
            "text": 'flor.log("loss", v_loss)',
            "intent": "loss of each training step, after the (accumulated or plain) update",
            "newest": ("after", "if accumulate_gradients > 1:", _LOOP),
            "versions": {v: ("after", "if accumulate_gradients > 1:", _o(_LOOP, **{
                "note": "after the whole accumulate/plain if/else of the step loop (both branches bind v_loss), "
                        "not inside the else branch"})) for v in OLDER},
        },
        "avg_loss": {
            "text": 'flor.log("avg_loss", avg_loss[0] / avg_loss[1])',
            "intent": "running (exponentially averaged) loss each time it is updated for printing",
            "newest": ("after", "avg_loss = (avg_loss[0] * 0.99 + v_loss,"),
            "versions": {v: ("after", "avg_loss = (avg_loss[0] * 0.99 + v_loss,") for v in OLDER},
        },
    },
}
