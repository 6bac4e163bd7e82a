# robustness robustness/train.py (train_model / _model_loop / make_optimizer_and_schedule), PyPI 1.0 .. 1.2.1.post2 (v00 .. v04).
# Round 28, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "robustness_train" / "versions.json").read_text())
OLD = range(4)
# v00 = 1.0, v01 = 1.1 (update_params, cyclic LR, eps/random_restarts actually passed to the attack),
# v02 = 1.2 (apex amp mixed precision, custom_lr_multiplier / custom_eps_multiplier, custom_accuracy,
# disable_no_grad `with ctx:`, prec1_key stored in the checkpoint, checkpoint block moved after DataParallel,
# CKPTS_TABLE removed), v03 = 1.2.1 ('N/A' amp checkpoints), v04 = 1.2.1.post2 (dp_device_ids).
_TM = {"within": "def train_model("}
_ML = {"within": "def _model_loop("}
_MO = {"within": "def make_optimizer_and_schedule("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "robustness_train",
    "title": "MadryLab robustness train_model/_model_loop across 1.0 .. 1.2.1.post2 (update_params and cyclic LR "
             "(1.1), apex mixed precision, LR/eps multipliers, custom accuracy, checkpoint resume moved after "
             "DataParallel (1.2), DataParallel device ids (1.2.1.post2))",
    "stories": _V,
    "probes": {
        "start_epoch": {
            "text": 'flor.log("start_epoch", start_epoch)',
            "intent": "epoch the training resumes from, right after the checkpoint-resume block",
            "newest": ("after", "if checkpoint:", _TM),
            "versions": dict(
                [(v, ("after", "if checkpoint:", _w(_TM, **{
                    "alt": [("before", "start_time = time.time()", _TM)],
                    "note": "1.0/1.1 read the checkpoint BEFORE wrapping the model in DataParallel (1.2 swapped the "
                            "two blocks): after the `if checkpoint:` block (its previous sibling) or after the "
                            "DataParallel line / before `start_time` (its next sibling); the probe does not read "
                            "the model, so both are accepted"}))) for v in (0, 1)] +
                [(v, ("after", "if checkpoint:", _TM)) for v in (2, 3)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", train_loss)',
            "intent": "mean training loss of the epoch, right after the training pass",
            "newest": ("after", "train_prec1, train_loss = _model_loop(", _TM),
            "versions": {v: ("after", "train_prec1, train_loss = _model_loop(", _TM) for v in OLD},
        },
        "val_prec1": {
            "text": 'flor.log("val_prec1", prec1)',
            "intent": "natural validation top-1 accuracy, right after the (no-grad) validation pass",
            "newest": ("after", "with ctx:", _TM),
            "versions": dict(
                [(v, ("after", "with ch.no_grad():", _w(_TM, note="before 1.2 the validation pass is always wrapped "
                      "in `with ch.no_grad():` (no disable_no_grad / ctx): after that with block")))
                 for v in (0, 1)] +
                [(v, ("after", "with ctx:", _TM)) for v in (2, 3)]),
        },
        "ckpt_prec1": {
            "text": 'flor.log("ckpt_prec1", sd_info[prec1_key])',
            "intent": "the best-model metric stored into the checkpoint dict, right after it is stored",
            "newest": ("after", "sd_info[prec1_key] = our_prec1", _TM),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.2 there is no prec1_key and the metric is not stored into sd_info (our_prec1 would "
                      "be a guessed substitute, not a rename)", {"scope": "train_model"})) for v in (0, 1)] +
                [(v, ("after", "sd_info[prec1_key] = our_prec1", _TM)) for v in (2, 3)]),
        },
        "ckpt_epoch": {
            "text": 'flor.log("ckpt_epoch", epoch)',
            "intent": "epoch after the per-epoch checkpoint decision (save_checkpoint(ckpt_at_epoch(epoch)) if due)",
            "newest": ("after", "if should_save_ckpt or last_epoch:", _TM),
            "versions": dict(
                [(v, ("after", "if should_save_ckpt or last_epoch:", _w(_TM, **{
                    "alt": [("after", "if last_epoch and store:", _TM)],
                    "note": "1.0/1.1 have `if last_epoch and store: store[CKPTS_TABLE].append_row(sd_info)` between "
                            "the epoch checkpoint and the latest-checkpoint save (removed in 1.2): it has no "
                            "counterpart in the newest version, so either side of it is accepted"})))
                 for v in (0, 1)] +
                [(v, ("after", "if should_save_ckpt or last_epoch:", _TM)) for v in (2, 3)]),
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", ckpt_save_path)',
            "intent": "path of every checkpoint written, inside the nested save_checkpoint helper",
            "newest": ("after", "ckpt_save_path = os.path.join(", _TM),
            "versions": {v: ("after", "ckpt_save_path = os.path.join(", _TM) for v in OLD},
        },
        "batch_prec1": {
            "text": 'flor.log("batch_prec1", prec1)',
            "intent": "top-1 accuracy of the current batch, right after it is computed (custom or standard)",
            "newest": ("after", 'if has_attr(args, "custom_accuracy"):', _ML),
            "versions": dict(
                [(v, ("after", "prec1, prec5 = helpers.accuracy(", _w(_ML, **{
                    "text": 'flor.log("batch_prec1", prec1[0])',
                    "alt_texts": ['flor.log("batch_prec1", prec1)'],
                    "note": "before 1.2 accuracy is computed by the single statement `prec1, prec5 = "
                            "helpers.accuracy(...)` (the image of the newest custom_accuracy if/else) and the list "
                            "is indexed later (`top1.update(prec1[0], ...)`), where 1.2 unpacks "
                            "`prec1, prec5 = prec1[0], prec5[0]`: the newest `prec1` is the old `prec1[0]`; "
                            "logging the old `prec1` (a one-element tensor) as written is also accepted"})))
                 for v in (0, 1)] +
                [(v, ("after", 'if has_attr(args, "custom_accuracy"):', _ML)) for v in (2, 3)]),
        },
        "fp32_loss": {
            "text": 'flor.log("fp32_loss", loss.item())',
            "intent": "training loss right after a full-precision backward pass (non-amp branch)",
            "newest": ("after", "loss.backward()", _ML),
            "versions": dict(
                [(v, ("after", "loss.backward()", _w(_ML, note="before 1.2 there is no mixed precision: the "
                      "backward is unconditional inside `if is_train:`, so the probe goes after it there")))
                 for v in (0, 1)] +
                [(v, ("after", "loss.backward()", _ML)) for v in (2, 3)]),
        },
        "scaled_loss": {
            "text": 'flor.log("scaled_loss", sl.item())',
            "intent": "amp-scaled loss right after its backward pass (mixed-precision branch)",
            "newest": ("after", "sl.backward()", _ML),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no apex amp / loss scaling before 1.2: `sl` does not exist", {"scope": "_model_loop"}))
                 for v in (0, 1)] +
                [(v, ("after", "sl.backward()", _ML)) for v in (2, 3)]),
        },
        "lr_schedule": {
            "text": 'flor.log("lr_schedule", type(schedule).__name__)',
            "intent": "kind of LR schedule chosen, right after the schedule if/elif chain",
            "newest": ("after", "if args.custom_lr_multiplier == 'cyclic':", _MO),
            "versions": dict(
                [(v, ("after", "if args.step_lr:", _w(_MO, note="the schedule chain is `if args.step_lr: ... elif "
                      "args.custom_schedule ...` before 1.2 (reordered and renamed to custom_lr_multiplier in 1.2): "
                      "after the whole chain, before the checkpoint fast-forward")))
                 for v in (0, 1)] +
                [(v, ("after", "if args.custom_lr_multiplier == 'cyclic':", _MO)) for v in (2, 3)]),
        },
    },
}
