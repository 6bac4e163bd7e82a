# litgpt litgpt/finetune/lora.py (main() + fit()), PyPI litgpt 0.2.0 .. 0.5.13 (v00 .. v08).
# Round 7, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "litgpt_lora" / "versions.json").read_text())
ALL = range(8)
_EVAL = {"within": "eval.interval"}
CASE = {
    "name": "litgpt_lora",
    "title": "litgpt LoRA fine-tuning (main() + fit() with a step/iter while loop) across 0.2.0 .. 0.5.13 "
             "(final validation added then made optional, token counting, epoch/time stop blocks)",
    "stories": _V,
    "probes": {
        "micro_loss": {
            "text": 'flor.log("micro_loss", loss.item())',
            "intent": "loss of each micro-batch, right after its backward (inside the no_backward_sync block)",
            "newest": ("after", "fabric.backward("),
            "versions": {v: ("after", "fabric.backward(", {
                "note": "backward text differs before 0.5.8 (gradient_accumulation_iters(devices) without "
                        "num_nodes); same statement"} if v < 7 else {}) for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", scheduler.get_last_lr()[0])',
            "intent": "learning rate after each scheduler step (only on optimizer steps)",
            "newest": ("after", "scheduler.step()"),
            "versions": {v: ("after", "scheduler.step()") for v in ALL},
        },
        "step_count": {
            "text": 'flor.log("step_count", step_count)',
            "intent": "optimizer-step counter on every iteration, after the (conditional) optimizer-step block",
            "newest": ("after", "if not is_accumulating:"),
            "versions": {v: ("after", "if not is_accumulating:", {
                "note": "after the whole `if not is_accumulating:` block, not inside it after "
                        "`step_count += 1` (the probe runs on every iteration)"}) for v in ALL},
        },
        "tokens": {
            "text": 'flor.log("tokens", token_counts["raw_tokens_plus_prompt_template"].item())',
            "intent": "running count of prompt-template tokens, after the per-iteration token counters are updated",
            "newest": ("after", 'token_counts["raw_tokens_plus_prompt_template_and_padding"] += input_ids.numel()'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "token counting (token_counts) arrives in 0.5.4; before it fit() only tracks "
                      "total_lengths and estimates tokens as iter_num * micro_batch_size * block_size",
                      {"scope": "fit"})) for v in range(6)] +
                [(v, ("after", 'token_counts["raw_tokens_plus_prompt_template_and_padding"] += input_ids.numel()'))
                 for v in (6, 7)]),
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss.item())',
            "intent": "periodic validation loss, right after validate() returns in the training loop",
            "newest": ("after", "val_loss = validate(", _EVAL),
            "versions": {v: ("after", "val_loss = validate(", dict(_EVAL, **({
                "note": "0.2.0 validate() also takes tokenizer and data (and generates the example itself)"}
                if v == 0 else {}))) for v in ALL},
        },
        "final_val_loss": {
            "text": 'flor.log("final_val_loss", val_loss.item())',
            "intent": "validation loss of the final evaluation in main(), after training",
            "newest": ("after", "val_loss = validate(", {"within": "eval.final_validation"}),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.2.0 has no final evaluation in main(); val_loss is not bound there",
                      {"scope": "main", "probe_site": ("after", 'if fabric.device.type == "cuda":')}))] +
                [(v, ("after", "val_loss = validate(", {
                    "within": "def main(",
                    "note": "final evaluation is unconditional in 0.3.x (no eval.final_validation flag); "
                            "the same text also occurs in fit() (initial validation, 0.3.1)"})) for v in (1, 2)] +
                [(v, ("after", "val_loss = validate(", {"within": "eval.final_validation"})) for v in range(3, 8)]),
        },
        "save_path": {
            "text": 'flor.log("save_path", str(save_path))',
            "intent": "path of the final LoRA checkpoint, once it has been written",
            "newest": ("after", "save_lora_checkpoint(fabric, model, save_path)"),
            "versions": {v: ("after", "save_lora_checkpoint(fabric, model, save_path)") for v in ALL},
        },
        "stop_iter": {
            "text": 'flor.log("stop_iter", iter_num)',
            "intent": "iteration at which training stops because the epoch limit was reached (inside that branch, before break)",
            "newest": ("after", 'fabric.print(f"Number of epochs {train.epochs} reached'),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 0.5.4 the epoch limit is part of the while condition "
                      "(`while step_count < max_steps and train_iterator.epoch < train.epochs:`); no statement "
                      "runs only when the epoch limit is reached (after the loop also runs when max_steps is hit)"))
                 for v in range(6)] +
                [(v, ("before", "break", {
                    "within": "train_iterator.epoch >= train.epochs",
                    "note": "the branch holds only `break` (no final example / message yet): first in the branch"}))
                 for v in (6, 7)]),
        },
    },
}
