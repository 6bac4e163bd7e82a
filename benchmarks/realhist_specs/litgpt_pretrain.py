# litgpt litgpt/pretrain.py (setup -> main -> fit), PyPI litgpt 0.2.0 .. 0.5.13 (v00 .. v08).
# Round 7, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "litgpt_pretrain" / "versions.json").read_text())
ALL = range(8)
CASE = {
    "name": "litgpt_pretrain",
    "title": "litgpt pretraining script across 0.2.0 .. 0.5.13 (initial/final validation added, optimizer from config, "
             "warmup computed by TrainArgs, num_nodes threaded through, performance summary in main)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of each micro-batch, right after its backward (inside the no_backward_sync block)",
            "newest": ("after", "fabric.backward(loss / train.gradient_accumulation_iters(devices, num_nodes))"),
            "versions": {v: ("after", "fabric.backward(loss / train.gradient_accumulation_iters(", {
                "note": "before 0.5.8 gradient_accumulation_iters takes no num_nodes; same statement"} if v < 7 else {})
                for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", lr)',
            "intent": "learning rate of each iteration, once it has been set on every param group",
            "newest": ("after", "for param_group in optimizer.param_groups:"),
            "versions": {v: ("after", "for param_group in optimizer.param_groups:") for v in ALL},
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss)',
            "intent": "running-mean training loss, only on logging iterations (inside the log-interval if)",
            "newest": ("after", "loss = running_loss.compute().item()"),
            "versions": {v: ("after", "loss = running_loss.compute().item()") for v in ALL},
        },
        "val_loss": {
            "text": 'flor.log("val_loss", val_loss)',
            "intent": "loss of each periodic validation during training, once converted to a float",
            "newest": ("after", "val_loss = val_loss.item()"),
            "versions": {v: ("after", "val_loss = val_loss.item()") for v in ALL},
        },
        "measured_flops": {
            "text": 'flor.log("measured_flops", measured_flops)',
            "intent": "FLOPs measured on the meta-device model, after the `with torch.device(\"meta\"):` block ends",
            "newest": ("after", 'with torch.device("meta"):'),
            "versions": {v: ("after", 'with torch.device("meta"):') for v in ALL},
        },
        "warmup_iters": {
            "text": 'flor.log("warmup_iters", warmup_iters)',
            "intent": "number of learning-rate warmup iterations, once computed before the training loop",
            "newest": ("after", "warmup_iters = train.warmup_iters("),
            "versions": dict(
                [(0, ("after", "warmup_iters = train.lr_warmup_steps * train.gradient_accumulation_iters(devices)", {
                    "note": "0.2.0 computes warmup_iters from train.lr_warmup_steps directly; same assignment (rule 1)"}))] +
                [(v, ("after", "warmup_iters = train.warmup_iters(")) for v in range(1, 8)]),
        },
        "initial_val_loss": {
            "text": 'flor.log("initial_val_loss", val_loss.item())',
            "intent": "loss of the optional initial validation before training (inside `if eval.initial_validation:`)",
            "newest": ("after", "val_loss = validate(", {"within": "if eval.initial_validation:"}),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "0.2.0/0.3.0 have no initial validation: only a 2-batch sanity check whose result is discarded; "
                      "val_loss is bound later in fit(), but no initial validation value exists"))
                 for v in (0, 1)] +
                [(v, ("after", "val_loss = validate(", {"within": "if eval.initial_validation:"})) for v in range(2, 8)]),
        },
        "total_tokens": {
            "text": 'flor.log("total_tokens", total_tokens)',
            "intent": "total number of tokens trained on (all devices), computed in main() after fit() and the final checkpoint",
            "newest": ("after", "total_tokens = state["),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.5.4 main() only prints the training time; total_tokens is never computed",
                      {"scope": "main"})) for v in range(0, 6)] +
                [(v, ("after", "total_tokens = state[")) for v in (6, 7)]),
        },
    },
}
