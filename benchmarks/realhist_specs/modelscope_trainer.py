# modelscope modelscope/trainers/trainer.py (EpochBasedTrainer.__init__ / train / train_loop / evaluation_loop), PyPI 1.0.4 .. 1.40.2 (v00 .. v09).
# Round 21, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "modelscope_trainer" / "versions.json").read_text())
ALL = range(9)
_INIT = {"within": "def __init__("}
_TRAIN = {"within": "def train(self"}          # train(), not train_step()/train_loop()
_LOOP = {"within": "def train_loop("}
_EVAL = {"within": "def evaluation_loop("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "modelscope_trainer",
    "title": "modelscope EpochBasedTrainer across 1.0.4 .. 1.40.2 (inline __init__ -> init_dist/get_device/"
             "place_model helpers (1.1), dataloader if/else folded into get_train_dataloader and stop_training "
             "(1.2), evaluation through vis_closure and metric_classes (1.2), load_all_state (1.3), "
             "hooks/DDP/device set up in __init__ via after_init hooks (1.6), print_hook_info/register_processors)",
    "stories": _V,
    "probes": {
        "dist": {
            "text": 'flor.log("dist", self._dist)',
            "intent": "whether the trainer runs data-parallel, right after self._dist is computed in __init__",
            "newest": ("after", "self._dist = self.is_dp_group_available()", _INIT),
            "versions": dict(
                [(0, ("after", "self._dist = world_size > 1", _w(_INIT, note=
                      "1.0.4 computes self._dist inline from get_dist_info() early in __init__ (before the "
                      "datasets); same assignment, other text and place")))] +
                [(v, ("after", "self._dist = self.init_dist(kwargs.get('launcher'))", _w(_INIT, note=
                      "1.1-1.5 compute self._dist with init_dist() before the device is created; in 1.6+ it is "
                      "computed after the after_init hooks (DDPHook) ran; same assignment")))
                 for v in (1, 2, 3, 4)] +
                [(v, ("after", "self._dist = self.is_dp_group_available()", _INIT)) for v in (5, 6, 7, 8)]),
        },
        "device": {
            "text": 'flor.log("device", self.device)',
            "intent": "the device the trainer uses, once it is created and the model is placed on it (end of "
                      "__init__, before print_cfg)",
            "newest": ("after", "if not self.parallel_groups:", _INIT),
            "versions": dict(
                [(0, ("after", "if self.device.type == 'cuda':", _w(_INIT, **{
                    "alt": [("after", "self.device = create_device(device_name)", _INIT)],
                    "note": "the newest `if not self.parallel_groups:` block creates the device and moves the "
                            "model; 1.0.4 does the two steps apart: `self.device = create_device(...)` early "
                            "and the `if self.device.type == 'cuda':` placement block at the end of __init__. "
                            "After the placement block (primary) or right after the device is created: the "
                            "logged value is the same"})))] +
                [(v, ("after", "self.place_model()", _w(_INIT, **{
                    "alt": [("after", "self.device = self.get_device(kwargs.get('device'))", _INIT)],
                    "note": "1.1-1.5 create the device with get_device() and place the model with "
                            "place_model() at the end of __init__: after the placement (primary) or after "
                            "the device is created"}))) for v in (1, 2, 3)] +
                [(4, ("after", "self.place_model()", _w(_INIT, **{
                    "alt": [("after", "self.device = self.get_device(kwargs.get('device'))", _INIT),
                            ("after", "Hook.clear_strategies()", _INIT)],
                    "note": "as 1.3.0, and `Hook.clear_strategies()` (no counterpart in the newest version) "
                            "follows place_model(): the probe may also be after it"})))] +
                [(v, ("after", "if not self.parallel_groups:", _INIT)) for v in (5, 6, 7, 8)]),
        },
        "train_batches": {
            "text": 'flor.log("train_batches", len(self.train_dataloader))',
            "intent": "number of batches of the training dataloader, once train() has built it",
            "newest": ("after", "self.train_dataloader = self.get_train_dataloader()", _TRAIN),
            "versions": dict(
                [(v, ("after", "if self.train_dataset is None:", _w(_TRAIN, note=
                      "1.0.x/1.1.x build the dataloader by an if/else (get_train_dataloader() or "
                      "_build_dataloader_with_dataset()); the probe runs unconditionally: after the whole "
                      "if/else"))) for v in (0, 1)] +
                [(v, ("after", "self.train_dataloader = self.get_train_dataloader()", _TRAIN))
                 for v in range(2, 9)]),
        },
        "n_hooks": {
            "text": 'flor.log("n_hooks", len(self._hooks))',
            "intent": "number of registered hooks when train() starts, once the hooks are registered and "
                      "their summary has been printed (after print_hook_info, before the checkpoint is set)",
            "newest": ("after", "self.print_hook_info()", _TRAIN),
            "versions": dict(
                [(v, ("after", "self.register_hook_from_cfg(self.cfg.train.hooks)", _w(_TRAIN, note=
                      "before 1.3 train() registers the config hooks itself and prints no hook info: after "
                      "that registration, before set_checkpoint_file_to_hook (rule 2)"))) for v in (0, 1, 2)] +
                [(3, ("after", "self.register_hook_from_cfg(hooks)", _w(_TRAIN, note=
                      "1.3.0 registers merge_hooks(cfg) in train() and prints nothing: after the "
                      "registration, before set_checkpoint_file_to_hook")))] +
                [(4, ("after", "if is_master():", _w(_TRAIN, note=
                      "1.3.2 prints the hook info inline under `if is_master():` (what print_hook_info() "
                      "later does); the probe is unconditional: after that whole if")))] +
                [(v, ("after", "self.print_hook_info()", _TRAIN)) for v in (5, 6, 7, 8)]),
        },
        "load_all_state": {
            "text": 'flor.log("load_all_state", load_all_state)',
            "intent": "whether resuming restores the full training state, right after the checkpoint file is "
                      "handed to the hooks",
            "newest": ("after", "self.set_checkpoint_file_to_hook(", _TRAIN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "train() has no load_all_state parameter before 1.3.0 (the checkpoint always restores "
                      "everything); a constant True would be a guessed value, not a rename",
                      {"scope": "train", "probe_site": ("after", "self.set_checkpoint_file_to_hook(", _TRAIN)}))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self.set_checkpoint_file_to_hook(", _TRAIN)) for v in range(3, 9)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", self._epoch)',
            "intent": "epoch counter at the start of each epoch, after the before_train_epoch hooks",
            "newest": ("after", "self.invoke_hook(TrainerStages.before_train_epoch)", _LOOP),
            "versions": {v: ("after", "self.invoke_hook(TrainerStages.before_train_epoch)", _LOOP) for v in ALL},
        },
        "loss": {
            "text": 'flor.log("loss", self.train_outputs["loss"])',
            "intent": "loss of each training step, right after train_step() stores the model outputs",
            "newest": ("after", "self.train_step(self.model, data_batch)", _LOOP),
            "versions": dict(
                [(v, ("after", "self.train_step(self.model, data_batch, **kwargs)", _w(_LOOP, note=
                      "before 1.6 train_step is called with an (always empty) **kwargs; same call")))
                 for v in range(0, 6)] +
                [(v, ("after", "self.train_step(self.model, data_batch)", _LOOP)) for v in (6, 7, 8)]),
        },
        "epochs_done": {
            "text": 'flor.log("epochs_done", self._epoch)',
            "intent": "number of finished epochs at the end of each epoch that does not stop training "
                      "(after the stop_training check, last in the epoch loop)",
            "newest": ("after", "if self._stop_training:", _LOOP),
            "versions": dict(
                [(v, ("after", "self._epoch += 1", _w(_LOOP, note=
                      "no early stop before 1.2: the stop_training check does not exist, so the probe "
                      "keeps its place after `self._epoch += 1`, last in the epoch loop"))) for v in (0, 1)] +
                [(v, ("after", "if self._stop_training:", _LOOP)) for v in range(2, 9)]),
        },
        "eval_metrics": {
            "text": 'flor.log("eval_metrics", metric_values)',
            "intent": "metric values of an evaluation, once the single/multi-GPU test has computed them",
            "newest": ("after", "if self._dist:", _EVAL),
            "versions": dict(
                [(0, ("after", "if self._dist:", _EVAL))] +
                [(1, ("after", "if not self._dist or is_master():", _w(_EVAL, note=
                      "1.1.1 has the *_gpu_test calls return raw results and data samples; metric_values is "
                      "assigned only later (`metric_values = {}` and the rank-0 `if not self._dist or "
                      "is_master():` block that fills it). After the dist if/else metric_values is not yet "
                      "assigned, so the probe goes after the block that computes it (whole if), before "
                      "`return metric_values`")))] +
                [(v, ("after", "if self._dist and self.cfg.model.get('model_parallel_size', 1) == 1:",
                      _w(_EVAL, note="1.2.x/1.3.0 add a model_parallel_size test to the dist condition; same "
                                     "if/else"))) for v in (2, 3)] +
                [(v, ("after", "if self._dist:", _EVAL)) for v in range(4, 9)]),
        },
        "eval_vis": {
            "text": 'flor.log("eval_vis", vis_closure is not None)',
            "intent": "whether evaluation visualises its results, once the visualization closure is built",
            "newest": ("after", "if hasattr(self.cfg.evaluation, 'visualization'):", _EVAL),
            "versions": dict(
                [(0, ("na", "missing_dependency", "1.0.4 has no evaluation visualization and no vis_closure",
                      {"scope": "evaluation_loop"}))] +
                [(1, ("na", "missing_dependency",
                      "1.1.1 visualises after the test by calling self.visualization(...) directly under "
                      "`if hasattr(self.cfg.evaluation, 'visualization'):`; there is no vis_closure (the "
                      "hasattr test would be a substitute value, not a rename)", {"scope": "evaluation_loop"}))] +
                [(v, ("after", "if hasattr(self.cfg.evaluation, 'visualization'):", _EVAL)) for v in range(2, 9)]),
        },
    },
}
