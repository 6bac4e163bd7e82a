# nni nni/retiarii/oneshot/pytorch/enas.py (EnasTrainer._train_model + _train_controller; before 2.0
# nni/nas/pytorch/enas/trainer.py EnasTrainer.train_one_epoch), PyPI 1.2 .. 2.10.1 (v00 .. v06).
# Round 27, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "nni_enas" / "versions.json").read_text())
OLDER = range(6)
_CLASSIC = range(4)     # v00-v03: nni.nas.pytorch EnasTrainer, one train_one_epoch with both phases, self.mutator
_V0 = (0, 1)            # 1.2/1.3: loops over the loaders, `while mutator_step < total_mutator_steps:` + inner for
_V2 = (2, 3)            # 1.4-1.8: cycle()d loaders, child_steps loop, `for mutator_step` > `for step` aggregate loops
_RETI = (4, 5)          # 2.0-2.8: retiarii EnasTrainer, _train_model / _train_controller, self.controller
_NA = lambda why: ("na", "missing_dependency", why)
CASE = {
    "name": "nni_enas",
    "title": "nni EnasTrainer across 1.2 .. 2.10.1 (classic NAS trainer with one train_one_epoch -> cycled "
             "loaders and child_steps/mutator_steps loops -> retiarii one-shot trainer split into "
             "_train_model/_train_controller, mutator -> controller, mutator_* -> ctrl_*, optional grad clipping)",
    # release list from versions.json; the path there is always the first of cases/nni_enas.json's paths
    "stories": [rel.split(": ", 1)[0] + ": " + story for rel, story in zip(_V, [
        "nni/nas/pytorch/enas/trainer.py (EnasTrainer.train_one_epoch: model loop over train_loader, "
        "while/for mutator loop counting mutator_step per batch)",
        "same file, constructor docstring added",
        "cycled loaders, `for step in range(1, child_steps + 1)`, model grad clipping, mutator phase as "
        "`for mutator_step` > `for step` aggregate loops, validate_one_epoch implemented",
        "_write_graph_status() calls added",
        "nni/retiarii/trainer/pytorch/enas.py (2.0) / nni/retiarii/oneshot/pytorch/enas.py (2.4): "
        "retiarii EnasTrainer with ReinforceController, _train_model / _train_controller, grad_clip option",
        "nni/retiarii/oneshot/pytorch/enas.py, typing casts and a deprecation warning",
        "nni/retiarii/oneshot/pytorch/enas.py, ReinforceController moved out to nni.nas.oneshot",
    ])],
    "probes": {
        "train_step": {
            "text": 'flor.log("train_step", step)',
            "intent": "index of every child-model training step, at the start of the step",
            "newest": ("first_in", "for step, (x, y) in enumerate(self.train_loader):"),
            "versions": dict(
                [(v, ("first_in", "for step, (x, y) in enumerate(self.train_loader):")) for v in _V0 + _RETI] +
                [(v, ("first_in", "for step in range(1, self.child_steps + 1):", {
                    "note": "1.4-1.8 loop `for step in range(1, self.child_steps + 1)` over a cycled loader; "
                            "same loop variable (1-based there), first statement of the model-step loop"}))
                 for v in _V2]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "child-model loss of each training step, right after its backward",
            "newest": ("after", "loss.backward()", {"within": "def _train_model"}),
            "versions": dict(
                [(v, ("after", "loss.backward()", {"within": "enumerate(self.train_loader)",
                      "note": "the model loss.backward() of train_one_epoch (the mutator phase has another); "
                              "the loss includes the aux-head term before 2.0"})) for v in _V0] +
                [(v, ("after", "loss.backward()", {"within": "self.child_steps + 1",
                      "note": "the model loss.backward() of train_one_epoch (the mutator phase has another); "
                              "the loss includes the aux-head term before 2.0"})) for v in _V2] +
                [(v, ("after", "loss.backward()", {"within": "def _train_model"})) for v in _RETI]),
        },
        "grad_clip": {
            "text": 'flor.log("grad_clip", self.grad_clip)',
            "intent": "the configured clipping threshold, after the (optional) model gradient clipping",
            "newest": ("after", "if self.grad_clip > 0:", {"within": "def _train_model"}),
            "versions": dict(
                [(v, _NA("no grad_clip option before 2.0: 1.2-1.3 do not clip, 1.4-1.8 clip with a hard-coded "
                         "5.; substituting the constant is not a rename")) for v in _CLASSIC] +
                [(v, ("after", "if self.grad_clip > 0:", {"within": "def _train_model"})) for v in _RETI]),
        },
        "ctrl_epoch": {
            "text": 'flor.log("ctrl_epoch", epoch)',
            "intent": "epoch at the start of the controller (RL) phase, once its meters are reset",
            "newest": ("after", "meters = AverageMeterGroup()", {"within": "def _train_controller"}),
            "versions": dict(
                [(v, ("after", "meters = AverageMeterGroup()", {"n": 2, "of": 2,
                      "note": "before 2.0 both phases are in train_one_epoch: the second `meters = "
                              "AverageMeterGroup()` starts the mutator phase"})) for v in _V0] +
                [(v, ("after", "meters = AverageMeterGroup()", {"within": "def train_one_epoch", "n": 2, "of": 2,
                      "note": "before 2.0 both phases are in train_one_epoch: the second `meters = "
                              "AverageMeterGroup()` there starts the mutator phase (validate_one_epoch has a third)"}))
                 for v in _V2] +
                [(v, ("after", "meters = AverageMeterGroup()", {"within": "def _train_controller"})) for v in _RETI]),
        },
        "ctrl_batch_size": {
            "text": 'flor.log("ctrl_batch_size", x.size(0))',
            "intent": "size of every validation batch the controller is trained on, once it is on the device",
            "newest": ("after", "x, y = to_device(x, self.device), to_device(y, self.device)",
                       {"within": "def _train_controller"}),
            "versions": dict(
                [(v, ("after", "x, y = x.to(self.device), y.to(self.device)",
                      {"within": "enumerate(self.valid_loader)",
                       "note": "1.2-1.3 move the batch with .to(); the one inside the mutator loop"})) for v in _V0] +
                [(v, ("after", "x, y = to_device(x, self.device), to_device(y, self.device)",
                      {"within": "self.mutator_steps_aggregate + 1",
                       "note": "the mutator phase's inner aggregate loop (train and validate loops have the same "
                               "statement)"})) for v in _V2] +
                [(v, ("after", "x, y = to_device(x, self.device), to_device(y, self.device)",
                      {"within": "def _train_controller"})) for v in _RETI]),
        },
        "reward": {
            "text": 'flor.log("reward", reward)',
            "intent": "controller reward of each sampled architecture, after the optional entropy bonus",
            "newest": ("after", "if self.entropy_weight:"),
            "versions": dict(
                [(v, ("after", "if self.entropy_weight is not None:", {
                    "note": "the bonus condition reads `is not None` in 1.2-1.3; after the whole if"})) for v in _V0] +
                [(v, ("after", "if self.entropy_weight:")) for v in _V2 + _RETI]),
        },
        "baseline": {
            "text": 'flor.log("baseline", self.baseline)',
            "intent": "moving-average reward baseline, right after it is updated",
            "newest": ("after", "self.baseline = self.baseline * self.baseline_decay"),
            "versions": dict(
                [(v, ("after", "self.baseline = self.baseline * self.baseline_decay", {
                    "alt": [("after", "self.baseline = self.baseline.detach().item()")],
                    "note": "1.2-1.3 follow the update with `self.baseline = self.baseline.detach().item()`, which "
                            "has no counterpart in the newest version: either side of it is accepted"}))
                 for v in _V0] +
                [(v, ("after", "self.baseline = self.baseline * self.baseline_decay")) for v in _V2 + _RETI]),
        },
        "ctrl_step": {
            "text": 'flor.log("ctrl_step", ctrl_step)',
            "intent": "0-based index of each controller batch, after its metrics are recorded",
            "newest": ("after", "meters.update(metrics)", {"within": "def _train_controller"}),
            "versions": dict(
                [(v, ("after", "meters.update(metrics)", {"within": "enumerate(self.valid_loader)",
                      "renames": {"ctrl_step": "mutator_step"},
                      "note": "1.2-1.3 count controller batches from 0 in mutator_step (incremented at the end of "
                              "every batch): the same counter under another name"})) for v in _V0] +
                [(v, _NA("1.4-1.8 count aggregate groups in mutator_step and batches within a group in step "
                         "(1-based); the batch index is only cur_step - 1, a substitute expression, not a rename"))
                 for v in _V2] +
                [(v, ("after", "meters.update(metrics)", {"within": "def _train_controller"})) for v in _RETI]),
        },
        "ctrl_lr": {
            "text": 'flor.log("ctrl_lr", self.ctrl_optim.param_groups[0]["lr"])',
            "intent": "controller learning rate after every controller optimizer step",
            "newest": ("after", "self.ctrl_optim.step()"),
            "versions": dict(
                [(v, ("after", "self.mutator_optim.step()", {"renames": {"self.ctrl_optim": "self.mutator_optim"},
                      "note": "inside `if mutator_step % self.mutator_steps_aggregate == 0:`, the equivalent of "
                              "the newest `(ctrl_step + 1) % ...` condition"})) for v in _V0] +
                [(v, ("after", "self.mutator_optim.step()", {"renames": {"self.ctrl_optim": "self.mutator_optim"},
                      "note": "1.4-1.8 step the mutator once per outer `for mutator_step` iteration (after the "
                              "aggregate loop): unconditional there, end of the outer loop body"})) for v in _V2] +
                [(v, ("after", "self.ctrl_optim.step()")) for v in _RETI]),
        },
    },
}
