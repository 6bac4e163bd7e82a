# snorkel snorkel/labeling/model/label_model.py (LabelModel.fit + its helpers), PyPI 0.9.0 .. 0.10.0 (v00 .. v08).
# Round 17, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "snorkel_label_model" / "versions.json").read_text())
OLDER = range(8)
# v00 = 0.9.0: _set_class_balance() is called before _set_constants(); no post-processing of mu
#              (_clamp_params / _break_col_permutation_symmetry do not exist); mu_init is never moved
#              to the device; the conditional-probability table is `c_probs` (flat layout).
# v01 = 0.9.1: post-processing added after the epoch loop (clamp + permutation search over
#              itertools.permutations with _count_accurate_lfs); `cprobs` (m, k+1, k) layout.
# v02 = 0.9.2: `self.mu_init = self.mu_init.to(self.config.device)`; .cpu().detach() everywhere.
# v03 = 0.9.3: permutation search replaced by Munkres over groups of classes with equal prior.
# v04 .. v06 (0.9.4, 0.9.6, 0.9.7): BaseLabeler, docstrings, prec_init types; the loop is unchanged.
# v07 = 0.9.8, v08 = 0.10.0: progress_bar (trange) around the epoch loop, `epochs.close()` after it,
#              _set_logger() moved up to the top of fit().
_EPOCH_OLD = "for epoch in range(start_iteration, self.train_config.n_epochs):"
_FIT = {"within": "def fit("}
_BREAK = {"within": "def _break_col_permutation_symmetry("}
_BAR1 = {"n": 1, "of": 2}   # if progress_bar: epochs = trange(...) else: epochs = range(...)
_BAR2 = {"n": 2, "of": 2}   # if progress_bar: epochs.close()


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "snorkel_label_model",
    "title": "snorkel LabelModel.fit and helpers across 0.9.0 .. 0.10.0 (class balance set before/after the "
             "constants, mu post-processing added (clamp + column-permutation search), mu_init moved to the "
             "device, Munkres permutation search, tqdm progress bar around the epoch loop)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch index at the start of every epoch (each epoch is one optimisation step)",
            "newest": ("first_in", "for epoch in epochs:"),
            "versions": {v: ("first_in", "for epoch in epochs:") if v >= 7 else
                         ("first_in", _EPOCH_OLD, {
                             "note": "before 0.9.8 the loop iterates `range(start_iteration, n_epochs)` "
                                     "directly (no progress bar): same loop, same loop variable"})
                         for v in OLDER},
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "loss of each epoch once it is known not to be NaN (after the whole NaN check)",
            "newest": ("after", "if torch.isnan(loss):"),
            "versions": {v: ("after", "if torch.isnan(loss):", {
                "note": "after the whole `if torch.isnan(loss):` block, not inside it (it only raises)"})
                for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after a main-scheduler step and the min_lr floor (only on that branch)",
            "newest": ("after", 'if min_lr and self.optimizer.param_groups[0]["lr"] < min_lr:'),
            "versions": {v: ("after", 'if min_lr and self.optimizer.param_groups[0]["lr"] < min_lr:', {
                "note": "inside `elif self.lr_scheduler is not None:` of _update_lr_scheduler, after the "
                        "min_lr `if` (unchanged in every release)"})
                for v in OLDER},
        },
        "n_epochs": {
            "text": 'flor.log("n_epochs", len(epochs))',
            "intent": "length of the epoch iterable (trange or range), right after it is built",
            "newest": ("after", "if progress_bar:", _BAR1),
            "versions": {v: ("after", "if progress_bar:", _w(_BAR1, note="after the whole if/else that builds "
                                                              "`epochs`, before the loop"))
                         if v >= 7 else
                         ("na", "missing_dependency",
                          "before 0.9.8 there is no `epochs` variable: the loop iterates "
                          "`range(start_iteration, self.train_config.n_epochs)` inline; substituting that "
                          "expression (or self.train_config.n_epochs) would be a guessed value, not a rename",
                          {"scope": "fit"})
                         for v in OLDER},
        },
        "final_loss": {
            "text": 'flor.log("final_loss", metrics_hist["train/loss"])',
            "intent": "last running training loss once the epoch loop (and its progress bar) is finished, "
                      "before the post-processing of mu",
            "newest": ("after", "if progress_bar:", _BAR2),
            "versions": {v: ("after", "if progress_bar:", _BAR2) if v >= 7 else
                         ("after", _EPOCH_OLD, {
                             "note": "no progress bar to close before 0.9.8: right after the epoch loop "
                                     "(v01-v06: before `self._clamp_params()`; v00 has no post-processing: "
                                     "before `self.eval()`)"})
                         for v in OLDER},
        },
        "class_prior": {
            "text": 'flor.log("class_prior", self.p.tolist())',
            "intent": "class-balance prior right after it is set in fit()",
            "newest": ("after", "self._set_class_balance(class_balance, Y_dev)"),
            "versions": {v: ("after", "self._set_class_balance(class_balance, Y_dev)", {
                "note": "0.9.0 calls _set_class_balance() before _set_constants(): the probe follows the call, "
                        "i.e. between the two calls, not after _set_constants()"} if v == 0 else {})
                for v in OLDER},
        },
        "mu_init_device": {
            "text": 'flor.log("mu_init_device", str(self.mu_init.device))',
            "intent": "device of mu_init right after it is moved to the configured device, before the model moves",
            "newest": ("after", "self.mu_init = self.mu_init.to(self.config.device)"),
            "versions": {v: ("after", "self.mu_init = self.mu_init.to(self.config.device)") if v >= 2 else
                         ("after", "self.train()", _w(_FIT, note=
                          "0.9.0/0.9.1 never move mu_init (it stays on the CPU); self.mu_init exists (set in "
                          "_init_params). The probe keeps its place between `self.train()` and the GPU log / "
                          "`self.to(...)` (rule 2)"))
                         for v in OLDER},
        },
        "mu_eps": {
            "text": 'flor.log("mu_eps", mu_eps)',
            "intent": "clamping epsilon chosen for mu in _clamp_params (user value or default)",
            "newest": ("after", "if self.train_config.mu_eps is not None:"),
            "versions": {v: ("after", "if self.train_config.mu_eps is not None:", {
                "note": "after the whole if/else that chooses mu_eps"}) if v >= 1 else
                         ("na", "no_anchor",
                          "0.9.0 has no _clamp_params and no mu_eps option: mu is never clamped after training",
                          {"scope": "_clamp_params"})
                         for v in OLDER},
        },
        "prior_diag": {
            "text": 'flor.log("prior_diag", P.diagonal().tolist())',
            "intent": "class prior seen by the column-permutation search, right after it is fetched as numpy",
            "newest": ("after", "P = self.P.cpu().detach().numpy()", _BREAK),
            "versions": {v: ("after", "P = self.P.numpy()", _w(_BREAK, note=
                             "0.9.1 fetches it as `P = self.P.numpy()` (no .cpu().detach()): same statement, "
                             "same name; `within` picks the copy in _break_col_permutation_symmetry, not the one "
                             "in _count_accurate_lfs"))
                         if v == 1 else
                         ("after", "P = self.P.cpu().detach().numpy()", _BREAK) if v >= 2 else
                         ("na", "no_anchor",
                          "0.9.0 has no _break_col_permutation_symmetry (no permutation search after training)",
                          {"scope": "_break_col_permutation_symmetry"})
                         for v in OLDER},
        },
        "cprobs_min": {
            "text": 'flor.log("cprobs_min", float(cprobs.min()))',
            "intent": "smallest entry of the conditional-probability table once it is filled, before it is returned",
            "newest": ("after", "for i in range(self.m):", {"within": "def _get_conditional_probs("}),
            "versions": {v: ("after", "for i in range(self.m):", {"within": "def _get_conditional_probs("})
                         if v >= 1 else
                         ("after", "for i in range(self.m):", {
                             "within": "def _get_conditional_probs(",
                             "renames": {"cprobs": "c_probs"},
                             "note": "0.9.0 builds the same table as `c_probs` in a flat (m*(k+1), k) layout: rename. "
                                     "The probe follows the fill loop, i.e. before the 0.9.0-only "
                                     "`c_probs = np.clip(c_probs, 0.01, 0.99)` and the source/else return"})
                         for v in OLDER},
        },
    },
}
