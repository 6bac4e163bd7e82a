# torchtune recipes/full_finetune_single_device.py, PyPI torchtune 0.1.0 .. 0.6.1 (v00 .. v07).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "torchtune_full" / "versions.json").read_text())
ALL = range(7)
_NA = lambda why: ("na", "missing_dependency", why)
CASE = {
    "name": "torchtune_full",
    "title": "torchtune full fine-tune recipe (class with train() method) across 0.1.0 .. 0.6.1",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss_to_log)',
            "intent": "loss of each optimizer step, once it is computed for logging",
            "newest": ("after", "loss_to_log = running_loss.item() / num_tokens"),
            "versions": dict(
                [(v, _NA("0.1.x logs loss.item() directly; there is no loss_to_log")) for v in (0, 1)] +
                [(v, ("after", "loss_to_log = running_loss.item()")) for v in (2, 3, 4)] +
                [(v, ("after", "loss_to_log = running_loss.item() / num_tokens")) for v in (5, 6)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm.item())',
            "intent": "gradient norm right after clipping, only when clipping is configured",
            "newest": ("after", "grad_norm = torch.nn.utils.clip_grad_norm_("),
            "versions": dict(
                [(v, _NA("no gradient clipping before 0.3.0")) for v in (0, 1, 2)] +
                [(v, ("after", "grad_norm = torch.nn.utils.clip_grad_norm_(", {
                    "note": "inside `if self._clip_grad_norm is not None:`; the optimizer-in-backward "
                            "condition around it in the newest version does not exist yet"})) for v in (3, 4)] +
                [(v, ("after", "grad_norm = torch.nn.utils.clip_grad_norm_(")) for v in (5, 6)]),
        },
        "num_tokens": {
            "text": 'flor.log("num_tokens", num_tokens)',
            "intent": "running token count of the current optimizer step, after each batch adds to it",
            "newest": ("after", "num_tokens += current_num_tokens"),
            "versions": dict(
                [(v, _NA("no token counting in 0.1.x")) for v in (0, 1)] +
                [(2, ("after", "num_tokens += tokens.numel()"))] +
                [(v, ("after", 'num_tokens += batch["tokens"].numel()')) for v in (3, 4)] +
                [(v, ("after", "num_tokens += current_num_tokens")) for v in (5, 6)]),
        },
        "epochs_run": {
            "text": 'flor.log("epochs_run", self.epochs_run)',
            "intent": "epoch counter at the end of each epoch",
            "newest": ("after", "self.epochs_run += 1"),
            "versions": {v: ("after", "self.epochs_run += 1") for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", self._optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after each optimizer step and scheduler step, before the step counter moves",
            "newest": ("after", "if self._lr_scheduler is not None:"),
            "versions": dict(
                [(v, ("after", "self._optimizer.zero_grad(set_to_none=True)", {
                    "decline_ok": True,
                    "note": "0.1.x folds `not optimizer_in_bwd` into the step condition; the only point between "
                            "the optimizer step and the step counter is inside it (declining is also accepted)"}))
                 for v in (0, 1)] +
                [(v, ("after", "if not self._optimizer_in_bwd:", {"within": "% self._gradient_accumulation_steps == 0",
                      "note": "no scheduler before 0.4.0: after the optimizer step, before global_step += 1"}))
                 for v in (2, 3, 4)] +
                [(v, ("after", "if self._lr_scheduler is not None:")) for v in (5, 6)]),
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in model.parameters()))',
            "intent": "parameter count after the weights are loaded in _setup_model",
            "newest": ("after", "model.load_state_dict(model_state_dict)"),
            "versions": {v: ("after", "model.load_state_dict(model_state_dict)") for v in ALL},
        },
    },
}
