# torchtune recipes/lora_finetune_single_device.py, PyPI torchtune 0.1.0 .. 0.6.1 (v00 .. v06).
# Written after the first round of fixes, scored before any change made for it (a held-out check).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "torchtune_lora" / "versions.json").read_text())
ALL = range(6)
_NA = lambda why: ("na", "missing_dependency", why)
CASE = {
    "name": "torchtune_lora",
    "title": "torchtune LoRA fine-tune recipe across 0.1.0 .. 0.6.1 (profiler context around the loop from 0.2)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss_to_log)',
            "intent": "loss of each optimizer step, once computed for logging",
            "newest": ("after", "loss_to_log = running_loss.item() / num_tokens"),
            "versions": dict(
                [(0, _NA("0.1.x logs loss.item() directly; there is no loss_to_log"))] +
                [(v, ("after", "loss_to_log = running_loss.item()")) for v in (1, 2, 3)] +
                [(v, ("after", "loss_to_log = running_loss.item() / num_tokens")) for v in (4, 5)]),
        },
        "step_loss": {
            "text": 'flor.log("step_loss", current_loss.item())',
            "intent": "the loss that was just backpropagated, every batch",
            "newest": ("after", "current_loss.backward()"),
            "versions": dict(
                [(v, ("after", "loss.backward()", {"renames": {"current_loss": "loss"}})) for v in (0, 1, 2, 3)] +
                [(v, ("after", "current_loss.backward()")) for v in (4, 5)]),
        },
        "lr": {
            "text": 'flor.log("lr", self._optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after every scheduler step",
            "newest": ("after", "self._lr_scheduler.step()"),
            "versions": {v: ("after", "self._lr_scheduler.step()") for v in ALL},
        },
        "epochs_run": {
            "text": 'flor.log("epochs_run", self.epochs_run)',
            "intent": "epoch counter at the end of each epoch",
            "newest": ("after", "self.epochs_run += 1"),
            "versions": {v: ("after", "self.epochs_run += 1") for v in ALL},
        },
        "n_trainable": {
            "text": 'flor.log("n_trainable", sum(p.numel() for p in model.parameters() if p.requires_grad))',
            "intent": "number of trainable (adapter) parameters once they are marked",
            "newest": ("after", "set_trainable_params(model, self.adapter_params)"),
            "versions": {v: ("after", "set_trainable_params(model, self.adapter_params)") for v in ALL},
        },
        "num_tokens": {
            "text": 'flor.log("num_tokens", num_tokens)',
            "intent": "running token count of the optimizer step, after each batch adds to it",
            "newest": ("after", "num_tokens += current_num_tokens"),
            "versions": dict(
                [(0, _NA("no token counting in 0.1.x"))] +
                [(1, ("after", "num_tokens += tokens.numel()"))] +
                [(v, ("after", 'num_tokens += batch["tokens"].numel()')) for v in (2, 3)] +
                [(v, ("after", "num_tokens += current_num_tokens")) for v in (4, 5)]),
        },
    },
}
