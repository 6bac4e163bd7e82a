# chemprop chemprop/train/train.py (train), PyPI 1.0.2 .. 1.6.1 (v00 .. v07).
# Round 15, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "chemprop_train" / "versions.json").read_text())
OLDER = range(7)
_NA = lambda why: ("na", "missing_dependency", why, {"scope": "train"})
_LOG = {"within": "if (n_iter // args.batch_size) % args.log_frequency == 0:"}
CASE = {
    "name": "chemprop_train",
    "title": "chemprop train() (one epoch over a MoleculeDataLoader) across 1.0.2 .. 1.6.1 "
             "(atom descriptors/features, target+data weights replace class weights, torch_device, "
             "mcc/bounded_mse/evidential/dirichlet losses with per-target loops, mask -> masks and an "
             "atom/bond-targets branch wrapping data prep, loss and backward)",
    "stories": _V,
    "probes": {
        "n_batches": {
            "text": 'flor.log("n_batches", len(data_loader))',
            "intent": "number of batches of the epoch, once the running loss counters are reset, before the batch loop",
            "newest": ("before", "for batch in tqdm("),
            "versions": {v: ("before", "for batch in tqdm(", {
                "note": "after the (single) `loss_sum = iter_count = 0` initialisation, which 1.6.1 turns into an "
                        "if/else over model.is_atom_bond_targets; right before the batch loop"}) for v in OLDER},
        },
        "n_labels": {
            "text": 'flor.log("n_labels", masks.sum().item())',
            "intent": "number of present (non-missing) labels in the batch, right after the mask is built",
            "newest": ("after", "masks = torch.tensor(mask_batch, dtype=torch.bool)"),
            "versions": dict(
                [(v, ("after", "mask = torch.Tensor([[x is not None", {
                    "renames": {"masks": "mask"},
                    "note": "the mask is called `mask` before 1.6.1 and is built from target_batch (float Tensor "
                            "before 1.4); unconditional (no atom/bond-targets branch yet)"})) for v in range(4)] +
                [(v, ("after", "mask = torch.tensor([[x is not None", {"renames": {"masks": "mask"}}))
                 for v in (4, 5)] +
                [(6, ("after", "mask = torch.tensor(mask_batch, dtype=torch.bool)", {"renames": {"masks": "mask"}}))]),
        },
        "data_weight_mean": {
            "text": 'flor.log("data_weight_mean", data_weights.mean().item())',
            "intent": "mean per-datapoint weight of the batch, right after the data weights tensor is built",
            "newest": ("after", "data_weights = torch.tensor(data_weights_batch)"),
            "versions": dict(
                [(v, _NA("data weights arrive in 1.3.1; 1.0.2-1.3.0 have only `class_weights = torch.ones(...)` "
                         "(a different, constant tensor: not a rename)")) for v in range(3)] +
                [(v, ("after", "data_weights = torch.Tensor(data_weights_batch)", {
                    "note": "built with torch.Tensor before 1.5; after the target_weights if/else, unconditional"}))
                 for v in (3, 4)] +
                [(v, ("after", "data_weights = torch.tensor(data_weights_batch)")) for v in (5, 6)]),
        },
        "device": {
            "text": 'flor.log("device", str(torch_device))',
            "intent": "device the batch tensors are moved to",
            "newest": ("after", "torch_device = args.device"),
            "versions": dict(
                [(v, _NA("no torch_device variable before 1.4.1: tensors are moved with `.to(preds.device)` "
                         "inline (substituting preds.device would be a guessed expression, not a rename)"))
                 for v in range(4)] +
                [(v, ("after", "torch_device = preds.device", {
                    "note": "torch_device is preds.device before 1.6.1 (args.device there): same statement"}))
                 for v in (4, 5, 6)]),
        },
        "target_loss": {
            "text": 'flor.log("target_loss", target_loss.mean().item())',
            "intent": "per-task loss inside the multiclass (non-dirichlet) per-target loop",
            "newest": ("after", "target_losses.append(target_loss)", {"within": "dirichlet"}),
            "versions": dict(
                [(v, _NA("before 1.5.0 the multiclass loss is one list comprehension inside torch.cat; "
                         "there is no per-target loop and no target_loss variable")) for v in range(5)] +
                [(v, ("after", "target_losses.append(target_loss)", {
                    "within": "dirichlet",
                    "note": "the multiclass loop (else of `if args.loss_function == 'dirichlet':`), not the "
                            "mcc per-target loop above it (same append statement); unconditional w.r.t. is_atom_bond_targets, "
                            "which does not exist yet"})) for v in (5, 6)]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss.item())',
            "intent": "scalar loss of the batch once it is reduced, before it is accumulated and back-propagated",
            "newest": ("after", 'if args.loss_function == "mcc":'),
            "versions": {v: ("after", "loss = loss.sum() / mask.sum()", {
                "note": "1.6.1 reduces by an if/else (mcc: mean, else sum/masks.sum); before, the reduction is the "
                        "single statement `loss = loss.sum() / mask.sum()`. The probe is in the non-atom/bond else "
                        "branch in 1.6.1, a condition older versions lack: unconditional. (1.6.1 also has a decoy "
                        "`loss = loss.sum() / mask.sum()` inside its atom/bond loop.)"}) for v in OLDER},
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", compute_gnorm(model))',
            "intent": "gradient norm after backward, before clipping and the optimizer step",
            "newest": ("before", "if args.grad_clip:"),
            "versions": {v: ("after", "loss.backward()", {
                "note": "the previous sibling in 1.6.1 is the whole `if model.is_atom_bond_targets:` loss/backward "
                        "if/else; before 1.6.1 that code ends with the unconditional `loss.backward()`"})
                for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", scheduler.get_lr()[0])',
            "intent": "learning rate after each per-batch Noam scheduler step (only for NoamLR)",
            "newest": ("last_in", "if isinstance(scheduler, NoamLR):"),
            "versions": {v: ("last_in", "if isinstance(scheduler, NoamLR):") for v in OLDER},
        },
        "loss_avg": {
            "text": 'flor.log("loss_avg", loss_avg)',
            "intent": "average training loss over the last log_frequency batches, when it is logged",
            "newest": ("before", "lrs_str = "),
            "versions": dict(
                [(0, ("after", "loss_sum, iter_count = 0, 0", dict(_LOG, note=
                    "1.6.1 computes loss_avg and resets the counters in an if/else over is_atom_bond_targets: the "
                    "probe follows the whole if/else, so here it goes after the reset (not between loss_avg and "
                    "the reset); 1.0.2 resets with a tuple assignment")))] +
                [(v, ("after", "loss_sum = iter_count = 0", dict(_LOG, note=
                    "after the counter reset that ends the (unconditional) loss_avg/reset pair; the other "
                    "`loss_sum = iter_count = 0` before the batch loop is not it"))) for v in range(1, 7)]),
        },
    },
}
