# mlx-lm mlx_lm/tuner/trainer.py (train() + evaluate()), PyPI mlx-lm 0.0.14 .. 0.32.2 (v00 .. v11).
# Round 9, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mlx_lm_trainer" / "versions.json").read_text())
OLD = range(11)
_TRAIN = {"within": "def train("}
CASE = {
    "name": "mlx_lm_trainer",
    "title": "mlx-lm LoRA trainer train()/evaluate() across 0.0.14 .. 0.32.2 (compiled step, 0- -> 1-based "
             "iterations, eval moved before the step, distributed all_sum, train_time, gradient accumulation, "
             "TrainUI `with ui:` and `with ui.val_task(...)`)",
    "stories": _V,
    "probes": {
        "step_loss": {
            "text": 'flor.log("step_loss", lvalue.item())',
            "intent": "loss of each (micro-)step, right after the training step returns",
            "newest": ("after", "lvalue, toks, grad_accum = step("),
            "versions": dict(
                [(0, ("after", "optimizer.update(model, grad)", {
                    "alt": [("after", "(lvalue, toks), grad = loss_value_and_grad(model, *batch)")],
                    "note": "0.0.14 has no step() function: forward/backward and optimizer.update are two "
                            "statements in the loop; the newest step() call covers both, and the probe does not "
                            "depend on the update, so after either is accepted (primary: after the update, "
                            "where step() has returned)"}))] +
                [(v, ("after", "lvalue, toks = step(batch)")) for v in range(1, 10)] +
                [(10, ("after", "lvalue, toks, grad_accum = step("))]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", train_loss)',
            "intent": "reported (averaged) training loss, once computed, inside the report block",
            "newest": ("after", "train_loss /= steps * world_size"),
            "versions": dict(
                [(v, ("after", "train_loss = np.mean(losses)", dict({
                    "note": "before 0.21 the report averages a list of per-step losses in one statement "
                            "(np.mean); same value"
                            + ("; here `stop = time.perf_counter()` (no counterpart in the newest version, "
                               "which uses train_time) follows it, so the probe may be on either side of it"
                               if v < 4 else "")},
                    **({"alt": [("after", "stop = time.perf_counter()", {"within": "steps_per_report"})]}
                       if v < 4 else {})))) for v in range(6)] +
                [(6, ("after", "train_loss /= steps * mx.distributed.init().size()", {
                    "note": "0.21 divides by mx.distributed.init().size() (world_size is bound but not used here)"}))] +
                [(v, ("after", "train_loss /= steps * world_size")) for v in range(7, 11)]),
        },
        "learning_rate": {
            "text": 'flor.log("learning_rate", learning_rate)',
            "intent": "learning rate when the training loss is reported",
            "newest": ("after", "learning_rate = optimizer.learning_rate.item()"),
            "versions": {v: ("after", "learning_rate = optimizer.learning_rate.item()") for v in OLD},
        },
        "peak_mem": {
            "text": 'flor.log("peak_mem", peak_mem)',
            "intent": "peak memory when the training loss is reported",
            "newest": ("after", "peak_mem = mx.get_peak_memory() / 1e9"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.14 does not measure peak memory; peak_mem is not bound in train()",
                      {"scope": "train"}))] +
                [(v, ("after", "peak_mem = ", {
                    "note": "mx.metal.get_peak_memory() / 2**30 (GiB) in 0.4 .. 0.19, / 1e9 in 0.21; same statement"}
                      if v < 7 else {})) for v in range(1, 11)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "periodic validation loss, right after evaluation returns (inside the eval condition, "
                      "before model.train())",
            "newest": ("after", "with ui.val_task(val_total) as advance_val:"),
            "versions": {v: ("after", "val_loss = evaluate(", {
                "note": "no TrainUI before 0.32: evaluate() is called directly in the eval branch, so the probe "
                        "follows that call; the eval condition has no `val_dataset and` guard (val_dataset is "
                        "required)" + ("; the eval block still comes after the report block (moved before the "
                        "step in 0.16)" if v < 4 else "") + ("; `it` is 0-based (same condition: first "
                        "iteration and every steps_per_eval)" if v < 2 else "") + ("; 0.0.14 has no last-iteration "
                        "clause in the eval condition" if v == 0 else "")})
                for v in OLD},
        },
        "checkpoint": {
            "text": 'flor.log("checkpoint", str(checkpoint))',
            "intent": "path of the periodic adapter checkpoint, once it has been written",
            "newest": ("after", "mx.save_safetensors(str(checkpoint), adapter_weights)"),
            "versions": dict(
                [(v, ("after", "save_adapter(model=model, adapter_file=checkpoint_adapter_file)", {
                    "renames": {"checkpoint": "checkpoint_adapter_file"},
                    "note": "0.0.14 / 0.4 write the periodic checkpoint to checkpoints/<it+1>_<adapter name> "
                            "(checkpoint_adapter_file) via save_adapter"})) for v in (0, 1)] +
                [(v, ("after", "save_adapter(model, checkpoint)", {
                    "note": "save_adapter helper instead of inline mx.save_safetensors (0.8 .. 0.16)"}))
                 for v in (2, 3, 4)] +
                [(v, ("after", "mx.save_safetensors(str(checkpoint), adapter_weights)", {
                    "note": "the save condition has no `and rank == 0` before 0.24"
                            + (" (single process)" if v < 6 else " (0.21 is distributed but every rank saves; "
                               "the probe goes into the save block, its unconditional equivalent)")}
                      if v < 7 else {})) for v in range(5, 11)]),
        },
        "trained_tokens": {
            "text": 'flor.log("trained_tokens", trained_tokens)',
            "intent": "total trained tokens once the training loop has finished (after the `with ui:` block, "
                      "before the final save)",
            "newest": ("after", "with ui:"),
            "versions": {v: ("after", "for it, batch in zip(", dict(_TRAIN, note=
                "no TrainUI before 0.32: after the training for loop, before the final save"
                + (" (evaluate() also has a `for it, batch in zip(` loop here)" if v < 4 else "")))
                for v in OLD},
        },
        "eval_batch_loss": {
            "text": 'flor.log("eval_batch_loss", losses.item())',
            "intent": "loss of each validation batch inside evaluate()",
            "newest": ("after", "losses, toks = loss(model, *batch)"),
            "versions": {v: ("after", "losses, toks = loss(model, *batch)") for v in OLD},
        },
    },
}
