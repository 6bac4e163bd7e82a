# farm-haystack haystack/modeling/training/base.py (Trainer.train / compute_loss / backward_propagate), PyPI 1.0.0 .. 1.26.4 (v00 .. v08).
# Round 14, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "haystack_trainer" / "versions.json").read_text())
OLDER = range(8)
_APEX = range(5)        # v00-v04 (1.0-1.10): apex amp if/else, adjust_loss at the top of backward_propagate, no scaler
_SCALER = range(5, 8)   # v05-v07 (1.13-1.18): autocast `with` in compute_loss, adjust_loss moved there, GradScaler
_TR = {"within": "class Trainer:"}
CASE = {
    "name": "haystack_trainer",
    "title": "Haystack 1.x Trainer (train/compute_loss/backward_propagate) across 1.0.0 .. 1.26.4 (black reformat, "
             "MlLogger -> tracker, model-type dispatch in compute_loss, DataParallel unwrap into `module`, apex amp -> "
             "torch autocast + GradScaler with adjust_loss moved from backward_propagate into compute_loss, "
             "AdaptiveModel.load -> self.model.load, model.eval() at the end)",
    "stories": _V,
    "probes": {
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "loss of every training step as returned by compute_loss",
            "newest": ("after", "loss = self.compute_loss(batch, step)"),
            "versions": {v: ("after", "loss = self.compute_loss(batch, step)") for v in OLDER},
        },
        "best_eval": {
            "text": 'flor.log("best_eval", eval_value)',
            "intent": "early-stopping metric each time a new best model is about to be saved",
            "newest": ("first_in", "if save_model:"),
            "versions": {v: ("first_in", "if save_model:") for v in OLDER},
        },
        "per_sample_loss": {
            "text": 'flor.log("per_sample_loss", per_sample_loss.mean().item())',
            "intent": "mean per-sample loss of each batch, right after logits_to_loss in compute_loss",
            "newest": ("after", "per_sample_loss = self.model.logits_to_loss(", _TR),
            "versions": dict(
                [(v, ("after", "per_sample_loss = self.model.logits_to_loss(", dict(_TR, note=
                      "no autocast `with` before 1.13: the statement is directly in compute_loss (a `with` is not "
                      "a condition)"))) for v in _APEX] +
                [(v, ("after", "per_sample_loss = self.model.logits_to_loss(", _TR)) for v in _SCALER]),
        },
        "adjusted_loss": {
            "text": 'flor.log("adjusted_loss", loss.item())',
            "intent": "loss after mean and gradient-accumulation scaling (adjust_loss), before the backward pass",
            "newest": ("after", "loss = self.adjust_loss(per_sample_loss)", _TR),
            "versions": dict(
                [(v, ("after", "loss = self.adjust_loss(loss)", dict(_TR, note=
                      "before 1.13 adjust_loss is applied at the top of backward_propagate (`loss = "
                      "self.adjust_loss(loss)`), which compute_loss calls right away: the moved statement is the "
                      "image of the previous sibling, so the probe goes after it in backward_propagate; `loss` is "
                      "the adjusted loss there too"))) for v in _APEX] +
                [(v, ("after", "loss = self.adjust_loss(per_sample_loss)", _TR)) for v in _SCALER]),
        },
        "model_class": {
            "text": 'flor.log("model_class", type(module).__name__)',
            "intent": "class of the unwrapped model that compute_loss dispatches on, once DataParallel is unwrapped",
            "newest": ("after", "if isinstance(self.model, (DataParallel, WrappedDataParallel)):"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.10 compute_loss never unwraps DataParallel: `module` is not bound (1.7 dispatches on "
                      "self.model, which is the wrapper under DataParallel: a substitute, not a rename)",
                      {"scope": "compute_loss", "probe_site": ("first_in", "def compute_loss(", _TR)}))
                 for v in range(4)] +
                [(v, ("after", "if isinstance(self.model, (DataParallel, WrappedDataParallel)):"))
                 for v in range(4, 8)]),
        },
        "backprop_loss": {
            "text": 'flor.log("backprop_loss", loss.item())',
            "intent": "loss of each step right after the backward pass",
            "newest": ("after", "self.scaler.scale(loss).backward()"),
            "versions": dict(
                [(v, ("after", "if self.use_amp:", {
                    "n": 1, "of": 2,
                    "note": "before 1.13 the backward pass is the apex if/else (amp.scale_loss / loss.backward()): "
                            "after the whole if/else"})) for v in _APEX] +
                [(v, ("after", "self.scaler.scale(loss).backward()")) for v in _SCALER]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after each optimizer update and scheduler step (accumulation boundaries only)",
            "newest": ("after", "if self.lr_schedule:"),
            "versions": {v: ("after", "if self.lr_schedule:") for v in OLDER},
        },
        "grad_scale": {
            "text": 'flor.log("grad_scale", self.scaler.get_scale())',
            "intent": "GradScaler scale after each scaler update",
            "newest": ("after", "self.scaler.update()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no GradScaler before 1.13 (apex amp keeps its loss scale internally): self.scaler is never set",
                      {"scope": "backward_propagate"})) for v in _APEX] +
                [(v, ("after", "self.scaler.update()")) for v in _SCALER]),
        },
        "best_model_dir": {
            "text": 'flor.log("best_model_dir", str(self.early_stopping.save_dir))',
            "intent": "directory the best model is restored from after training, right after it is loaded",
            "newest": ("after", "self.model = self.model.load(self.early_stopping.save_dir, self.device)"),
            "versions": dict(
                [(v, ("after", "self.model = AdaptiveModel.load(self.early_stopping.save_dir", {
                    "note": "before 1.14 the best model is reloaded with AdaptiveModel.load(...) (with lm_name "
                            "before 1.7): same statement"})) for v in range(6)] +
                [(v, ("after", "self.model = self.model.load(self.early_stopping.save_dir, self.device)"))
                 for v in (6, 7)]),
        },
        "final_step": {
            "text": 'flor.log("final_step", self.global_step)',
            "intent": "global step at the very end of train(), after the model is put back in eval mode",
            "newest": ("after", "self.model.eval()"),
            "versions": dict(
                [(v, ("after", "if self.evaluator_test and self.local_rank in [0, -1]:", {
                    "note": "no self.model.eval() before 1.18: after the whole test-evaluation `if`, right before "
                            "`return self.model`"})) for v in range(7)] +
                [(7, ("after", "self.model.eval()"))]),
        },
    },
}
