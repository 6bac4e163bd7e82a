# jaxline jaxline/train.py (train / evaluate), PyPI 0.0.1 .. 0.0.8 (v00 .. v06).
# Round 26, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "jaxline_train" / "versions.json").read_text())
OLDER = range(6)
_TRAIN = {"within": "def train("}
_EVAL = {"within": "def evaluate("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "jaxline_train",
    "title": "jaxline train()/evaluate() across 0.0.1 .. 0.0.8 (best-metric direction and best-state restore "
             "(0.0.2), per-device rng helper (0.0.3), separate logging/checkpoint interval types and joining "
             "async actions (0.0.4), is_checkpointer, initial checkpoint, one-off evaluation moved into the "
             "polling loop, on_new_best_model (0.0.7), separate init/train-step rngs (0.0.8))",
    "stories": _V,
    "probes": {
        "is_checkpointer": {
            "text": 'flor.log("is_checkpointer", is_checkpointer)',
            "intent": "whether this host writes training checkpoints, right after it is decided",
            "newest": ("after", "is_checkpointer = config.train_checkpoint_all_hosts or is_chief", _TRAIN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.0.7 there is no is_checkpointer variable: the condition "
                      "`config.train_checkpoint_all_hosts or is_chief` is written inline in the checkpoint "
                      "`if` (and the final checkpoint is under `if is_chief:`); is_chief is a different value, "
                      "not a rename", {"scope": "train"})) for v in range(5)] +
                [(5, ("after", "is_checkpointer = config.train_checkpoint_all_hosts or is_chief", _TRAIN))]),
        },
        "init_rng": {
            "text": 'flor.log("init_rng", init_rng)',
            "intent": "the rng the experiment is constructed with, once it is derived from the seed",
            "newest": ("after", "if config.legacy_random_seed_behavior:", _TRAIN),
            "versions": {v: ("after", "rng = jax.random.PRNGKey(config.random_seed)", _w(_TRAIN, **{
                "renames": {"init_rng": "rng"},
                "note": "before 0.0.8 the experiment is initialised with the seed rng itself "
                        "(`_initialize_experiment(experiment_class, \"train\", rng, ...)`, the same argument "
                        "that 0.0.8 passes as init_rng; with legacy_random_seed_behavior 0.0.8 also sets "
                        "init_rng = rng): the if/else that splits it does not exist, so the probe goes after "
                        "its previous sibling `rng = ...`, before the experiment init, reading rng"}))
                for v in OLDER},
        },
        "train_rng_shape": {
            "text": 'flor.log("train_rng_shape", state.train_step_rng.shape)',
            "intent": "shape of the per-device train-step rng right after it is stored in the state",
            "newest": ("after", "state.train_step_rng = ", _TRAIN),
            "versions": {v: ("after", "state.train_step_rng = ", _w(_TRAIN, **({
                "note": "the assignment changes text: jnp.broadcast_to(rng, ...) (0.0.1-0.0.2), "
                        "utils.bcast_local_devices(rng) (0.0.3-0.0.5), "
                        "experiment.initialize_train_step_rng(rng) (0.0.7); same statement"} if v == 0 else {})))
                for v in OLDER},
        },
        "n_periodic_actions": {
            "text": 'flor.log("n_periodic_actions", len(periodic_actions))',
            "intent": "number of periodic actions once all of them (logging, checkpointing, scalar writer) "
                      "are registered, before their timers are reset",
            "newest": ("after", "if is_chief or config.log_all_hosts:", _TRAIN),
            "versions": dict(
                [(v, ("after", "if is_chief:", _w(_TRAIN, n=1, of=2, **({
                    "note": "before 0.0.7 the scalar-writer block is under `if is_chief:` (the first of two "
                            "`if is_chief:` in train; the second guards the final checkpoint): after the "
                            "whole block, unconditional"} if v == 0 else {}))))
                 for v in range(5)] +
                [(5, ("after", "if is_chief or config.log_all_hosts:", _TRAIN))]),
        },
        "final_step": {
            "text": 'flor.log("final_step", state.global_step)',
            "intent": "global step of the final training checkpoint, once it has been written to disk",
            "newest": ("after", "checkpointer.wait_for_checkpointing_to_finish()", _TRAIN),
            "versions": dict(
                [(v, ("last_in", 'with utils.log_activity("final checkpoint"):', _w(_TRAIN, **({
                    "note": "before 0.0.7 there is no wait_for_checkpointing_to_finish(): the probe keeps its "
                            "place after checkpointer.save(\"latest\") as the last statement of the "
                            "final-checkpoint `with`; the guarding condition is `if is_chief:` there (the "
                            "equivalent of `if is_checkpointer:`)"} if v == 0 else {}))))
                 for v in range(5)] +
                [(5, ("after", "checkpointer.wait_for_checkpointing_to_finish()", _TRAIN))]),
        },
        "eval_scalars": {
            "text": 'flor.log("eval_scalars", scalar_values)',
            "intent": "scalars returned by each evaluation of a checkpoint in the evaluator's polling loop",
            "newest": ("after", "scalar_values = utils.evaluate_should_return_dict(", _EVAL),
            "versions": {v: ("after", "scalar_values = utils.evaluate_should_return_dict(",
                             _w({"within": "while True:"}, **({
                                 "note": "before 0.0.7 one-off evaluation is a separate block before the "
                                         "polling loop with its own copy of this statement (and returns); the "
                                         "newest version handles it inside the loop, so the probe goes to the "
                                         "loop's copy (the one-off copy is an extra path the newest code "
                                         "does not have as such)"} if v in range(5) else {})))
                      for v in OLDER},
        },
        "best_init": {
            "text": 'flor.log("best_init", best_state.best_eval_metric_value)',
            "intent": "initial best-metric value (-inf or +inf by direction), before a best checkpoint can "
                      "overwrite it",
            "newest": ("after", "if config.best_model_eval_metric_higher_is_better:", _EVAL),
            "versions": dict(
                [(0, ("after", 'best_state.best_eval_metric_value = float("-inf")', _w(_EVAL, **{
                    "note": "0.0.1 has no metric direction: the plain `= float(\"-inf\")` assignment is the image "
                            "of the newest if/else; the probe goes after it, inside the best-checkpoint `if`"})))] +
                [(v, ("after", "if config.best_model_eval_metric_higher_is_better:", _EVAL)) for v in range(1, 6)]),
        },
        "comparison": {
            "text": 'flor.log("comparison", eval_metric_comparison_str)',
            "intent": "direction of the comparison that made a new best checkpoint, after it is logged",
            "newest": ("after", 'logging.info("%s: %s %s %s, saving new best checkpoint."', _EVAL),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.1 hard-codes `>` in the log message: no eval_metric_comparison_str",
                      {"scope": "evaluate"}))] +
                [(v, ("after", 'logging.info("%s: %s %s %s, saving new best checkpoint."', _EVAL))
                 for v in range(1, 6)]),
        },
        "best_step": {
            "text": 'flor.log("best_step", best_state.global_step)',
            "intent": "step of a new best model, after the experiment's own best-model hook, before the best "
                      "checkpoint is saved",
            "newest": ("after", "experiment.on_new_best_model(best_state)", _EVAL),
            "versions": dict(
                [(v, ("after", "best_state.train_step_rng = state.train_step_rng", _w(_EVAL, **({
                    "note": "no on_new_best_model hook before 0.0.7: after the last best_state update, "
                            "before checkpointer.save(\"best\"), inside the new-best branch (its condition is "
                            "`old < current` in 0.0.1, eval_metric_is_better_op(...) later)"} if v == 0 else {}))))
                 for v in range(5)] +
                [(5, ("after", "experiment.on_new_best_model(best_state)", _EVAL))]),
        },
        "one_off_step": {
            "text": 'flor.log("one_off_step", state.global_step)',
            "intent": "step of the checkpoint restored for a one-off evaluation, right after the restore",
            "newest": ("after", 'checkpointer.restore("latest")',
                       {"within": 'with utils.log_activity("one off evaluate checkpoint restore"):'}),
            "versions": dict(
                [(v, ("after", 'checkpointer.restore("latest")', {
                    "within": "if config.one_off_evaluate:",
                    **({"note": "before 0.0.7 one-off evaluation is a block before the polling loop that "
                                "restores unconditionally (no can_be_restored check, no log_activity): after that "
                                "restore, the first statement of the block"} if v == 0 else {})}))
                 for v in range(5)] +
                [(5, ("after", 'checkpointer.restore("latest")',
                      {"within": 'with utils.log_activity("one off evaluate checkpoint restore"):'}))]),
        },
    },
}
