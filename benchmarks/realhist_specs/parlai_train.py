# parlai parlai/scripts/train_model.py (TrainLoop.train / train_steps / validate / log), PyPI 0.1.20200409 .. 1.7.2 (v00 .. v10).
# Round 13, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "parlai_train" / "versions.json").read_text())
ALL = range(10)
# v00 0.1.20200409, v01 0.8.0, v02 0.9.1, v03 0.10.0, v04 1.0.0, v05 1.1.0 (wandb), v06 1.2.0 (the loop moves
# from train() into the generator train_steps(); _train_steps / update_freq / _get_time()), v07 1.3.0+1.4.1
# (save_time returned by _get_time(), save_after_valid checkpoint moved to the end of validate()), v08 1.5.1
# (final reports kept on self), v09 1.6.0 (world logs), v10 1.7.2 (clearml, newest).
_OLD_LOOP = range(0, 6)     # training loop inline in train()
_GEN_LOOP = range(6, 10)    # training loop in train_steps()


def _md(why, scope, site=None):
    o = {"scope": scope}
    if site is not None:
        o["probe_site"] = site
    return ("na", "missing_dependency", why, o)


CASE = {
    "name": "parlai_train",
    "title": "ParlAI TrainLoop across 0.1.20200409 .. 1.7.2 (print -> logging, train_reports (0.8), wandb (1.1), "
             "generator train_steps() with step counters and _get_time() (1.2), save_time and moved "
             "save_after_valid checkpoint (1.3), final reports on self (1.5), world logs (1.6), clearml (1.7))",
    "stories": _V,
    "probes": {
        "parleys": {
            "text": 'flor.log("parleys", self.parleys)',
            "intent": "parley counter of every training parley, once the per-parley counters are advanced",
            "newest": ("after", "self._last_log_steps += 1 / self.update_freq"),
            "versions": dict(
                [(v, ("after", "self.parleys += 1", {
                    "within": "def train(",
                    "note": "before 1.2 only the parley counter is advanced (no _train_steps/_last_log_steps "
                            "updates): right after `self.parleys += 1`, before the epoch count"}))
                 for v in _OLD_LOOP] +
                [(v, ("after", "self._last_log_steps += 1 / self.update_freq")) for v in _GEN_LOOP]),
        },
        "epochs": {
            "text": 'flor.log("epochs", self._total_epochs)',
            "intent": "total epochs trained so far, right after it is recomputed for the parley",
            "newest": ("after", "train_time, log_time, validate_time, save_time = self._get_time(world)"),
            "versions": dict(
                [(v, ("after", "self._total_epochs = self._preempted_epochs + sum(", {
                    "within": "def train(",
                    "alt": [("after", "train_time, log_time, validate_time = sync_object(",
                             {"within": "def train("})],
                    "note": "before 1.2 _get_time()'s work is done inline by two statements: "
                            "`self._total_epochs = ...` (before exs_per_epoch/_total_exs, which follow the probe "
                            "in the newest version) and the timer `sync_object(...)` (after them); right after "
                            "the epoch count is primary, after the timer sync (the end of the whole image of "
                            "_get_time) is accepted too"}))
                 for v in _OLD_LOOP] +
                [(6, ("after", "train_time, log_time, validate_time = self._get_time(world)", {
                    "note": "1.2 returns no save_time yet"}))] +
                [(v, ("after", "train_time, log_time, validate_time, save_time = self._get_time(world)"))
                 for v in (7, 8, 9)]),
        },
        "total_exs": {
            "text": 'flor.log("total_exs", self._total_exs)',
            "intent": "total training examples seen, right after it is computed",
            "newest": ("after", "self._total_exs = int(np.round(self._total_epochs * exs_per_epoch))"),
            "versions": dict(
                [(v, ("after", "self._total_exs = int(np.round(self._total_epochs * exs_per_epoch))", {
                    "alt": [("after", "train_time, log_time, validate_time = sync_object(",
                             {"within": "def train("})],
                    "note": "before 1.2 the timers are synced after _total_exs (in the newest version they are "
                            "synced inside _get_time(), before it): right after _total_exs is primary, after the "
                            "timer sync (keeping the probe after the image of _get_time) is accepted too"}))
                 for v in _OLD_LOOP] +
                [(v, ("after", "self._total_exs = int(np.round(self._total_epochs * exs_per_epoch))"))
                 for v in _GEN_LOOP]),
        },
        "save_time": {
            "text": 'flor.log("save_time", save_time)',
            "intent": "time since the last periodic checkpoint, when a periodic checkpoint is about to be written",
            "newest": ("first_in", "if save_time > self.save_every_n_secs and opt.get('model_file'):"),
            "versions": dict(
                [(v, _md("before 1.3 the loop tests `self.save_time.time()` directly; no local `save_time` "
                         "exists (the timer call is a substitute value, not a rename)",
                         "train" if v < 6 else "train_steps"))
                 for v in range(0, 7)] +
                [(v, ("first_in", "if save_time > self.save_every_n_secs and opt.get('model_file'):"))
                 for v in (7, 8, 9)]),
        },
        "train_report": {
            "text": 'flor.log("train_report", train_report_trainstats)',
            "intent": "the train report stored in the trainstats at each training log entry",
            "newest": ("after", "self.train_reports.append(train_report_trainstats)"),
            "versions": dict(
                [(0, _md("0.1.20200409 keeps no train reports: no train_report_trainstats / "
                         "self.train_reports in log()", "log"))] +
                [(v, ("after", "self.train_reports.append(train_report_trainstats)", {
                    "note": "built by self._safe_report(train_report) before 0.9 (same variable)"} if v < 2 else {}))
                 for v in range(1, 10)]),
        },
        "best_valid": {
            "text": 'flor.log("best_valid", self.best_valid)',
            "intent": "best validation metric so far, after the new-best / did-not-beat decision of each validation",
            "newest": ("before", "self.validate_time.reset()"),
            "versions": {v: ("before", "self.validate_time.reset()") for v in ALL},
        },
        "valid_ckpt": {
            "text": 'flor.log("valid_ckpt", opt["model_file"] + ".checkpoint")',
            "intent": "path of the checkpoint written after a validation (--save-after-valid), right after saving",
            "newest": ("after", "self.save_model('.checkpoint')", {"within": "def validate("}),
            "versions": dict(
                [(v, ("after", "self.save_model('.checkpoint')", {
                    "within": "def validate(",
                    "note": "before 1.3 the save-after-valid checkpoint is written early in validate() (right "
                            "after the tensorboard logging, before the best-valid check) and only on the primary "
                            "worker (`and is_primary_worker()` in the condition): the probe follows the save into "
                            "that branch"}))
                 for v in range(0, 7)] +
                [(v, ("after", "self.save_model('.checkpoint')", {"within": "def validate("}))
                 for v in (7, 8, 9)]),
        },
        "saved": {
            "text": 'flor.log("saved", self.saved)',
            "intent": "whether a best model had been saved during training, after the final save at the end of "
                      "the loop",
            "newest": ("after", "if not sync_object(self.saved):"),
            "versions": dict(
                [(v, ("after", "if not self.saved and is_primary_worker():", {
                    "note": "before 1.3 the final save is `if not self.saved and is_primary_worker():` (in "
                            "train() before 1.2): after the whole if, before sync_object(None)"}))
                 for v in range(0, 7)] +
                [(v, ("after", "if not sync_object(self.saved):")) for v in (7, 8, 9)]),
        },
        "test_report": {
            "text": 'flor.log("test_report", self.final_test_report)',
            "intent": "final test report once the final test evaluation is done",
            "newest": ("after", "self.final_test_report = self._run_eval("),
            "versions": dict(
                [(v, ("after", "t_report = self._run_eval(", {
                    "renames": {"self.final_test_report": "t_report"},
                    "note": "before 1.5 the final test report is the local t_report"}))
                 for v in range(0, 8)] +
                [(v, ("after", "self.final_test_report = self._run_eval(")) for v in (8, 9)]),
        },
        "train_log": {
            "text": 'flor.log("train_log", _train_log)',
            "intent": "each train report yielded by the train_steps() generator to train()",
            "newest": ("first_in", "for _train_log in self.train_steps():"),
            "versions": dict(
                [(v, _md("before 1.2 the loop is inline in train() and log() returns nothing: no report is "
                         "yielded/returned, so no _train_log (or equivalent value) exists", "train"))
                 for v in _OLD_LOOP] +
                [(v, ("first_in", "for _train_log in self.train_steps():")) for v in _GEN_LOOP]),
        },
    },
}
