# alphafold3-pytorch alphafold3_pytorch/trainer.py (Trainer.__init__ / __call__ / save_checkpoint), PyPI 0.1.17 .. 0.8.3 (v00 .. v11).
# Round 32, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "af3_trainer" / "versions.json").read_text())
OLDER = range(11)
# v00 0.1.17: first Trainer; self.model = model right after fabric.launch(); EMA built `if self.is_main:`;
#             optimizer = Adam(...); checkpoint path 'af3.ckpt.{steps}' built inline in the step loop.
# v01 0.1.22: checkpoint_prefix, load() from a folder.
# v02 0.1.60: train_id / generate_train_id() at the start of __call__, save_checkpoint() method holds the path.
# v03 0.1.100: DataLoader_ curried with atoms_per_window; batches are BatchedAtomInput (`**inputs.dict()`,
#             valid_batch.atom_inputs).
# v04 0.2.30: use_ema / self.has_ema (`if self.has_ema:` replaces `if self.is_main:` around EMA), train_sampler,
#             eval_model = default(self.ema_model, self.model) in validation and test.
# v05 0.2.80: fp16, ema_on_cpu, torch.compile; `self.model = model` moved after the EMA block; optimizer_klass
#             (Adam / AdamAtan2 / Lion); to_device_and_back around evaluation.
# v06 0.2.128: loggers, model_forward_dict(); v07 0.4.40: collate options (outside the trainer loop).
# v08 0.5.10: collate functions moved out of the file.
# v09 0.6.0: distributed_eval / will_eval_or_test, all_reduce of the valid/test loss breakdowns.
# v10 0.6.5: switch EMA (ema_update_model_with_ema_every); v11 0.8.3 (newest): AdoptAtan2.
_LOOP = {"within": "while self.steps < self.num_train_steps:"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "af3_trainer",
    "title": "alphafold3-pytorch Trainer across 0.1.17 .. 0.8.3 (inline checkpoint path -> save_checkpoint, "
             "is_main EMA -> has_ema/eval_model, optimizer_klass, model assignment moved, distributed eval "
             "with all_reduce)",
    "stories": _V,
    "probes": {
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in model.parameters()))',
            "intent": "number of model parameters, when the trainer stores the model",
            "newest": ("after", "self.model = model"),
            "versions": dict(
                [(v, ("after", "self.model = model", {
                    "note": "before 0.2.80 `self.model = model` comes right after fabric.launch(), before the EMA "
                            "block (moved after EMA/torch.compile in 0.2.80): the same statement"}))
                 for v in range(0, 5)] +
                [(v, ("after", "self.model = model")) for v in range(5, 11)]),
        },
        "has_ema": {
            "text": 'flor.log("has_ema", self.has_ema)',
            "intent": "whether this process keeps an EMA copy of the model, right after it is decided",
            "newest": ("after", "self.has_ema = "),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.2.30 there is no has_ema flag: the EMA is built under `if self.is_main:` "
                      "(self.is_main would be a different expression standing in for it, not a rename)",
                      {"scope": "__init__"})) for v in range(0, 4)] +
                [(v, ("after", "self.has_ema = ", {
                    "note": "the condition grows (is_main -> will_eval_or_test -> or switch_ema); same statement"}
                      if v in (4, 9) else {})) for v in range(4, 11)]),
        },
        "optimizer_klass": {
            "text": 'flor.log("optimizer_klass", optimizer_klass.__name__)',
            "intent": "which optimizer class the trainer builds when none is given",
            "newest": ("after", "optimizer = optimizer_klass("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.2.80 the default optimizer is always `Adam(...)`: no optimizer_klass is chosen "
                      "(the constant Adam is a substitute value, not a rename)", {"scope": "__init__"}))
                 for v in range(0, 5)] +
                [(v, ("after", "optimizer = optimizer_klass(")) for v in range(5, 11)]),
        },
        "train_id": {
            "text": 'flor.log("train_id", self.train_id)',
            "intent": "the run id used in checkpoint names, once generated at the start of training",
            "newest": ("after", "self.generate_train_id()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "train ids (self.train_id, generate_train_id) arrive in 0.1.60; checkpoints are named by "
                      "prefix and step only before", {"scope": "__call__"})) for v in (0, 1)] +
                [(v, ("after", "self.generate_train_id()")) for v in range(2, 11)]),
        },
        "micro_loss": {
            "text": 'flor.log("micro_loss", loss.item())',
            "intent": "loss of each gradient-accumulation micro-batch, right after the forward pass",
            "newest": ("after", "loss, loss_breakdown = self.model("),
            "versions": {v: ("after", "loss, loss_breakdown = self.model(", {
                "note": "the call's argument is `**inputs` (0.1.x before 0.1.100), `**inputs.dict()`, then "
                        "`**inputs.model_forward_dict()`: same statement, inside the no_backward_sync `with`"}
                if v in (0, 3) else {}) for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the scheduler step of each training step",
            "newest": ("after", "self.scheduler.step()"),
            "versions": {v: ("after", "self.scheduler.step()") for v in OLDER},
        },
        "ema_updates": {
            "text": 'flor.log("ema_updates", self.ema_model.step.item())',
            "intent": "number of EMA updates so far, right after each update (only where an EMA is kept)",
            "newest": ("after", "self.ema_model.update()"),
            "versions": {v: ("after", "self.ema_model.update()", {
                "note": "before 0.2.30 the update is guarded by `if self.is_main:` (the EMA exists only on the "
                        "main process), the equivalent of `if self.has_ema:`: inside it"}
                if v < 4 else {}) for v in OLDER},
        },
        "eval_uses_ema": {
            "text": 'flor.log("eval_uses_ema", exists(self.ema_model))',
            "intent": "whether the periodic validation runs on the EMA model, once the evaluation model is chosen",
            "newest": ("after", "eval_model = default(self.ema_model, self.model)", _LOOP),
            "versions": dict(
                [(v, ("first_in", "if (", _w(_LOOP, note=
                    "before 0.2.30 there is no eval_model: validation always runs self.ema_model (which exists on "
                    "the main process, the only one that validates). The probe keeps its place: first in the "
                    "validation `if (...)`, before the `with torch.no_grad():` block"))) for v in range(0, 4)] +
                [(v, ("after", "eval_model = default(self.ema_model, self.model)", _LOOP)) for v in range(4, 11)]),
        },
        "valid_batch_size": {
            "text": 'flor.log("valid_batch_size", valid_batch_size)',
            "intent": "size of each validation batch, used to weight its loss",
            "newest": ("after", "valid_batch_size = "),
            "versions": {v: ("after", "valid_batch_size = ", {
                "note": "computed as valid_batch.get('atom_inputs').shape[0] before 0.1.100 (dict batches): "
                        "same statement"} if v < 3 else {}) for v in OLDER},
        },
        "valid_breakdown": {
            "text": 'flor.log("valid_breakdown", valid_loss_breakdown)',
            "intent": "the validation loss breakdown as it is about to be logged (after the cross-process "
                      "reduction where there is one)",
            "newest": ("after", "if self.distributed_eval:", _LOOP),
            "versions": dict(
                [(v, ("after", "valid_loss_breakdown = {f'valid_", {
                    "note": "before 0.6.0 validation runs only on the main process and there is no all_reduce: "
                            "the probe keeps its place after the valid_ renaming of the breakdown, before "
                            "self.log(**valid_loss_breakdown)"})) for v in range(0, 9)] +
                [(v, ("after", "if self.distributed_eval:", _LOOP)) for v in (9, 10)]),
        },
        "checkpoint_path": {
            "text": 'flor.log("checkpoint_path", str(checkpoint_path))',
            "intent": "path of every periodic checkpoint, right after it is formed",
            "newest": ("after", "checkpoint_path = self.checkpoint_folder /"),
            "versions": dict(
                [(v, ("after", "checkpoint_path = self.checkpoint_folder /", {
                    "note": "before 0.1.60 there is no save_checkpoint(): the path is built inline in the step "
                            "loop, under `if self.is_main and divisible_by(self.steps, self.checkpoint_every):` "
                            "(the only caller of save_checkpoint in the newest version)"})) for v in (0, 1)] +
                [(v, ("after", "checkpoint_path = self.checkpoint_folder /", {"within": "def save_checkpoint("}))
                 for v in range(2, 11)]),
        },
    },
}
