# gliner gliner/training/trainer.py (custom transformers.Trainer: training_step / compute_loss / create_optimizer /
# prediction_step / dataloaders / _save), PyPI 0.2.3 .. 0.2.29 (v00 .. v10; 0.2.19 skipped: it only re-annotates two
# TrainingArguments fields).
# Round 32, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "gliner_trainer" / "versions.json").read_text())
OLDER = range(10)
# v00      0.2.3: training_step(self, model, inputs) with the whole step inside `try: ... except Exception as e:`
#                 (print + zero_grad + zero loss), inputs prepared inside the try, apex if/else around backward,
#                 loss divided by gradient_accumulation_steps only in the return; save_model writes the model
#                 itself; create_optimizer builds groups under `if self.optimizer is None:`; no prediction_step,
#                 no dataloader overrides.
# v01      0.2.7: + prediction_step (loss = None placeholder, outputs = model(**inputs), loss = outputs.loss),
#                 + get_train_dataloader / get_eval_dataloader.
# v02      0.2.14: training_step(self, model, inputs, *args, **kwargs).
# v03      0.2.18: negatives / masking passed to the model in compute_loss.
# v04      0.2.21: zero-loss device taken from the (unwrapped) model in the except branch.
# v05      0.2.22: local seed_worker / ALL_LAYERNORM_LAYERS, focal_loss_prob_margin.
# v06      0.2.23: docstrings everywhere, print -> logger.info in the except branch.
# v07      0.2.25: rewrite for transformers v4/v5: _save() (safetensors, processor) called by save_model();
#                 use_apex property; compute_loss(..., return_outputs, num_items_in_batch);
#                 training_step(model, inputs, num_items_in_batch) prepares inputs BEFORE the try, labels guard,
#                 loss scaled for accumulation before backward, apex branch removed, only OOM errors skipped
#                 (except torch.cuda.OutOfMemoryError / except RuntimeError with an "out of memory" test);
#                 create_optimizer returns early when self.optimizer exists; prediction_step calls compute_loss.
# v08      0.2.26: rel_alpha / rel_gamma (relation focal loss) in compute_loss.
# v09      0.2.27: rel_alpha / rel_gamma reformatted over several lines.
# v10      0.2.29: lazy _get_trainer_imports(), GLiNER checkpoint loading, loss_type / span-width / dice options.
# No variable of the training code is renamed across this history: the hard parts are changed anchors, the
# try/except and apex if/else structure of 0.2.3-0.2.23, the decoy `loss = None` in the old prediction_step and the
# two `loss = outputs.loss` of 0.2.7-0.2.23.
_TS = {"within": "def training_step("}
_CL = {"within": "def compute_loss("}
_PS = {"within": "def prediction_step("}
_TDL = {"within": "def get_train_dataloader("}
OLD = range(0, 7)      # 0.2.3 .. 0.2.23
NEW = range(7, 10)     # 0.2.25 .. 0.2.27


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "gliner_trainer",
    "title": "gliner custom transformers.Trainer across 0.2.3 .. 0.2.29 (catch-all try/except training step with an "
             "apex branch -> v4/v5-compatible step that prepares inputs before the try, scales the loss before "
             "backward and skips only OOM batches; prediction_step and dataloader overrides added in 0.2.7; "
             "save_model -> _save; relation focal-loss parameters in 0.2.26)",
    "stories": _V,
    "probes": {
        "batch_keys": {
            "text": 'flor.log("batch_keys", sorted(inputs.keys()))',
            "intent": "keys of every training batch, right after it is moved to the device by _prepare_inputs",
            "newest": ("after", "inputs = self._prepare_inputs(inputs)", _TS),
            "versions": dict(
                [(v, ("after", "inputs = self._prepare_inputs(inputs)", _w(_TS, note=
                      "before 0.2.25 inputs are prepared as the first statement of the training step's `try:`; the "
                      "probe follows the preparation there (the try body always runs up to the probe; before the "
                      "`try:` the inputs are not yet prepared, after it the step has returned)")
                      if v == 0 else _TS)) for v in OLD] +
                [(v, ("after", "inputs = self._prepare_inputs(inputs)", _TS)) for v in NEW]),
        },
        "raw_loss": {
            "text": 'flor.log("raw_loss", loss)',
            "intent": "loss returned by compute_loss for every training batch, before multi-GPU averaging and "
                      "accumulation scaling",
            "newest": ("after", "loss = self.compute_loss(model, inputs, num_items_in_batch=num_items_in_batch)"),
            "versions": dict(
                [(v, ("after", "loss = self.compute_loss(model, inputs)", {
                    "note": "before 0.2.25 compute_loss takes no num_items_in_batch; same place, inside "
                            "`with self.compute_loss_context_manager():` (within the try)"} if v == 0 else {}))
                 for v in OLD] +
                [(v, ("after", "loss = self.compute_loss(model, inputs, num_items_in_batch=num_items_in_batch)"))
                 for v in NEW]),
        },
        "backward_loss": {
            "text": 'flor.log("backward_loss", loss.item())',
            "intent": "the loss of every training batch right after it has been backpropagated",
            "newest": ("after", "self.accelerator.backward(loss)"),
            "versions": dict(
                [(v, ("after", "if self.use_apex:", {
                    "note": "before 0.2.25 backward is an if/else (apex amp.scale_loss / accelerator.backward): the "
                            "unconditional probe goes after the whole if/else, not into the else branch. The loss "
                            "there is not yet divided by gradient_accumulation_steps (done in the return), the "
                            "newest divides before backward: same place, value changed meaning"}
                      if v == 0 else {})) for v in OLD] +
                [(v, ("after", "self.accelerator.backward(loss)")) for v in NEW]),
        },
        "num_items_in_batch": {
            "text": 'flor.log("num_items_in_batch", num_items_in_batch)',
            "intent": "number of loss items in the batch that transformers passes to the training step "
                      "(for token-level loss normalisation), at the start of every step",
            "newest": ("before", "model.train()", _TS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "training_step has no num_items_in_batch parameter before 0.2.25 (0.2.3/0.2.7: (model, "
                      "inputs); 0.2.14-0.2.23: (model, inputs, *args, **kwargs), where a value passed positionally "
                      "by transformers would be args[0] and kwargs is rebound to {} in the body): args[0] is not a "
                      "rename", {"scope": "training_step"})) for v in OLD] +
                [(v, ("before", "model.train()", _TS)) for v in NEW]),
        },
        "oom_error": {
            "text": 'flor.log("oom_error", str(e))',
            "intent": "the error of each training batch that is skipped after running out of memory, right after "
                      "the skip is reported",
            "newest": ("after", 'logger.warning("Skipping batch due to CUDA OOM: %s", e)'),
            "versions": dict(
                [(v, ("after", 'print(f"Skipping iteration due to error: {e}")', {
                    "note": "before 0.2.25 the step has a single `except Exception as e:` that skips the batch on "
                            "any error, OOM included; there is no OOM-specific condition, so the probe goes into "
                            "that skip handler after its report (print), before zero_grad - as the newest's first "
                            "handler (which replaced it)"} if v == 0 else {})) for v in range(0, 6)] +
                [(6, ("after", 'logger.info("Skipping iteration due to error: %s", e)', {
                    "note": "0.2.23 reports the skipped batch with logger.info instead of print"}))] +
                [(v, ("after", 'logger.warning("Skipping batch due to CUDA OOM: %s", e)')) for v in NEW]),
        },
        "n_param_groups": {
            "text": 'flor.log("n_param_groups", len(optimizer_grouped_parameters))',
            "intent": "number of optimizer parameter groups (2, or 4 with a separate others_lr), once they are built",
            "newest": ("after", "if self.args.others_lr is not None:"),
            "versions": dict(
                [(v, ("after", "if self.args.others_lr is not None:", {
                    "note": "after the whole if/else that builds the groups; before 0.2.25 it sits under "
                            "`if self.optimizer is None:` (the newest returns early when the optimizer exists: "
                            "the same condition)"} if v == 0 else {})) for v in OLD] +
                [(v, ("after", "if self.args.others_lr is not None:")) for v in NEW]),
        },
        "model_loss": {
            "text": 'flor.log("model_loss", loss)',
            "intent": "loss the model returns inside compute_loss, right after it is taken from the outputs",
            "newest": ("after", 'loss = outputs.loss if hasattr(outputs, "loss") else outputs["loss"]', _CL),
            "versions": dict(
                [(v, ("after", "loss = outputs.loss", _w(_CL, note=
                      "before 0.2.25 compute_loss takes `loss = outputs.loss` and returns it; from 0.2.7 "
                      "prediction_step has an identical `loss = outputs.loss`, which is not the place")
                      if v == 1 else _CL)) for v in OLD] +
                [(v, ("after", 'loss = outputs.loss if hasattr(outputs, "loss") else outputs["loss"]', _CL))
                 for v in NEW]),
        },
        "rel_alpha": {
            "text": 'flor.log("rel_alpha", rel_alpha)',
            "intent": "focal-loss alpha actually used for the relation loss (rel_focal_loss_alpha or the entity alpha)",
            "newest": ("after", "rel_alpha = ("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no relation focal-loss parameters before 0.2.26: rel_alpha is never computed (the entity "
                      "focal_loss_alpha would be a substitute value, not a rename)", {"scope": "compute_loss"}))
                 for v in range(0, 8)] +
                [(8, ("after", "rel_alpha = self.args.rel_focal_loss_alpha", {
                    "note": "0.2.26 computes rel_alpha on one line"}))] +
                [(9, ("after", "rel_alpha = ("))]),
        },
        "eval_loss": {
            "text": 'flor.log("eval_loss", loss)',
            "intent": "loss of every evaluation batch in prediction_step, right after it is computed",
            "newest": ("after", "loss, outputs = self.compute_loss(model, inputs, return_outputs=True)"),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.2.3 does not override prediction_step: evaluation runs in transformers' Trainer and "
                      "nothing in this file computes an evaluation loss", {"scope": "Trainer"}))] +
                [(v, ("after", "loss = outputs.loss", _w(_PS, note=
                      "0.2.7-0.2.23 call the model directly in prediction_step: after `loss = outputs.loss` "
                      "(not after the `loss = None` placeholder), inside `with torch.no_grad():`")
                      if v == 1 else _PS)) for v in range(1, 7)] +
                [(v, ("after", "loss, outputs = self.compute_loss(model, inputs, return_outputs=True)"))
                 for v in NEW]),
        },
        "train_batch_size": {
            "text": 'flor.log("train_batch_size", dataloader_params["batch_size"])',
            "intent": "per-device batch size of the training DataLoader, when it is built",
            "newest": ("after", "dataloader_params = {", _TDL),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.2.3 does not override get_train_dataloader: the training DataLoader is built by "
                      "transformers' Trainer, outside this file", {"scope": "Trainer"}))] +
                [(v, ("after", "dataloader_params = {", _TDL)) for v in range(1, 10)]),
        },
        "ckpt_dir": {
            "text": 'flor.log("ckpt_dir", output_dir)',
            "intent": "directory every checkpoint / final model is written to, just before the weights are saved",
            "newest": ("after", "os.makedirs(output_dir, exist_ok=True)"),
            "versions": dict(
                [(v, ("before", "self.model.save_pretrained(output_dir)", {
                    "note": "before 0.2.25 there is no _save override: save_model(), which transformers calls for "
                            "every checkpoint and the final save, writes the model itself. No should_save check, "
                            "no default output_dir and no makedirs: the probe keeps its place just before the "
                            "weights are written (after the docstring in 0.2.23)"} if v == 0 else {}))
                 for v in OLD] +
                [(v, ("after", "os.makedirs(output_dir, exist_ok=True)")) for v in NEW]),
        },
    },
}
