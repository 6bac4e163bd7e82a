# mmdet mmdet/apis/train.py: train_detector (0.6.0: train_detector dispatching to _dist_train / _non_dist_train),
# the function that builds the data loaders, wraps the model, builds optimizer and runner, registers hooks and
# runs training, PyPI 0.6.0, 2.3.0 .. 2.28.2 (v00 .. v11; mmdet 1.x was never published on PyPI).
# Round 31, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mmdet_train" / "versions.json").read_text())
OLDER = range(11)
# v00 0.6.0: parse_losses / batch_processor (per-step loss), build_optimizer; train_detector only dispatches to
#            _dist_train / _non_dist_train, each building its own loader, model wrapper, optimizer, mmcv Runner
#            and hooks (no fp16, no eval config, eval hooks from cfg.data.val in _dist_train only)
# v01 2.3.0: one train_detector: imgs_per_gpu deprecation, data loaders per dataset, MMDistributedDataParallel /
#            MMDataParallel under if distributed / else, EpochBasedRunner, fp16 if/elif/else, eval hook with
#            samples_per_gpu=1, custom_hooks, resume/load
# v02 2.6.0: validation samples_per_gpu popped from cfg.data.val (val_samples_per_gpu)
# v03 2.10.0: build_runner with a `runner` config section, eval_cfg['by_epoch']
# v04 2.16.0: eval hook registered with priority='LOW' (2.15.0: get_root_logger(log_level=...))
# v05 2.18.0: runner_type passed to build_dataloader
# v06 2.19.0: init_random_seed, persistent_workers, custom hooks through register_training_hooks
# v07 2.20.0: auto_resume (find_latest_checkpoint)
# v08 2.21.0: MMDataParallel without .cuda()
# v09 2.24.0: compat_cfg, auto_scale_lr, train_loader_cfg / val_dataloader_args dicts, build_ddp / build_dp
# v10 2.25.0: build_optimizer from mmdet.core, auto_scale_lr reads train_dataloader.samples_per_gpu
# v11 2.28.2 (= 2.26.0): fp16 forced on NPU devices
_TD = {"within": "def train_detector("}
_D = {"within": "def _dist_train("}
_ND = {"within": "def _non_dist_train("}
_TWO = ("0.6.0 has no single training function: train_detector dispatches to _dist_train and _non_dist_train, "
        "which repeat the same setup for the two modes; the equivalent statement exists in both and either place "
        "is accepted (each covers one mode, the newest statement covers both)")
CASE = {
    "name": "mmdet_train",
    "title": "mmdet train_detector across 0.6.0 .. 2.28.2: split dist/non-dist trainers merged into one function, "
             "mmcv Runner -> EpochBasedRunner -> build_runner, fp16 hook, validation loader batch size, "
             "runner_type, auto-resume, auto LR scaling and loader-config dicts",
    "stories": _V,
    "probes": {
        "n_loaders": {
            "text": 'flor.log("n_loaders", len(data_loaders))',
            "intent": "number of training data loaders (one per dataset / workflow stage) once they are built",
            "newest": ("after", "data_loaders = [build_dataloader(ds, **train_loader_cfg) for ds in dataset]"),
            "versions": dict(
                [(0, ("after", "data_loaders = [", dict(_D, note=_TWO, alt=[("after", "data_loaders = [", _ND)])))] +
                [(v, ("after", "data_loaders = [", dict(_TD, note="multi-line comprehension over `dataset` before "
                                                                 "2.24.0") if v == 1 else _TD))
                 for v in range(1, 9)] +
                [(v, ("after", "data_loaders = [build_dataloader(ds, **train_loader_cfg) for ds in dataset]"))
                 for v in (9, 10)]),
        },
        "samples_per_gpu": {
            "text": 'flor.log("samples_per_gpu", train_loader_cfg["samples_per_gpu"])',
            "intent": "per-GPU training batch size actually passed to the training loaders",
            "newest": ("after", "train_loader_cfg = {"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "the merged training-loader config train_loader_cfg arrives in 2.24.0; before it the loaders "
                      "are built from cfg.data.imgs_per_gpu (0.6.0) / cfg.data.samples_per_gpu directly, a config "
                      "value that can stand in for it but is not the same variable",
                      {"scope": "_dist_train" if v == 0 else "train_detector"})) for v in range(0, 9)] +
                [(v, ("after", "train_loader_cfg = {")) for v in (9, 10)]),
        },
        "model_wrapper": {
            "text": 'flor.log("model_wrapper", type(model).__name__)',
            "intent": "which parallel wrapper the model got (distributed or data-parallel), once it is wrapped",
            "newest": ("after", "if distributed:", dict(_TD, n=1, of=2)),
            "versions": dict(
                [(0, ("after", "model = MMDistributedDataParallel(model.cuda())", dict(_D, note=_TWO, alt=[
                    ("after", "model = MMDataParallel(model, device_ids=range(cfg.gpus)).cuda()", _ND)])))] +
                [(v, ("after", "if distributed:", dict(_TD, n=1, of=2, note=
                      "after the whole `if distributed: ... else: ...` that wraps the model (the second "
                      "`if distributed:` registers DistSamplerSeedHook)") if v == 1 else dict(_TD, n=1, of=2)))
                 for v in range(1, 11)]),
        },
        "base_lr": {
            "text": 'flor.log("base_lr", cfg.optimizer.lr)',
            "intent": "configured learning rate the optimizer is built with (after automatic LR scaling where "
                      "there is one)",
            "newest": ("after", "auto_scale_lr(cfg, distributed, logger)"),
            "versions": dict(
                [(0, ("before", "optimizer = build_optimizer(model, cfg.optimizer)", dict(_D, note=
                      _TWO + "; no auto LR scaling: right before the optimizer is built", alt=[
                          ("before", "optimizer = build_optimizer(model, cfg.optimizer)", _ND)])))] +
                [(v, ("before", "optimizer = build_optimizer(model, cfg.optimizer)", {
                    "note": "before 2.24.0 there is no auto_scale_lr: the probe keeps its place right before "
                            "the optimizer is built, after the model wrapping"} if v == 1 else {}))
                 for v in range(1, 9)] +
                [(v, ("after", "auto_scale_lr(cfg, distributed, logger)")) for v in (9, 10)]),
        },
        "runner_type": {
            "text": 'flor.log("runner_type", runner_type)',
            "intent": "runner type (epoch- or iteration-based) that the training loaders are built for",
            "newest": ("after", "runner_type = 'EpochBasedRunner' if"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "runner_type arrives in 2.18.0; before it the loaders do not depend on the runner type "
                      "(0.6.0 .. 2.3.0/2.6.0 always use an epoch-based Runner; 2.10.0 .. 2.16.0 only fill "
                      "cfg.runner later, after the optimizer is built)",
                      {"scope": "_dist_train" if v == 0 else "train_detector"})) for v in range(0, 5)] +
                [(v, ("after", "runner_type = 'EpochBasedRunner' if")) for v in range(5, 11)]),
        },
        "fp16_cfg": {
            "text": 'flor.log("fp16_cfg", fp16_cfg)',
            "intent": "mixed-precision configuration in effect, once it is final",
            "newest": ("after", "if fp16_cfg is None and cfg.get('device', None) == 'npu':"),
            "versions": dict(
                [(0, ("na", "missing_dependency", "0.6.0 has no fp16 support in train.py (no fp16_cfg)",
                      {"scope": "_dist_train"}))] +
                [(v, ("after", "fp16_cfg = cfg.get('fp16', None)", {
                    "note": "before 2.26.0 there is no NPU override: fp16_cfg is final right after it is read"}
                      if v == 1 else {})) for v in range(1, 11)]),
        },
        "optimizer_hook": {
            "text": 'flor.log("optimizer_hook", type(optimizer_config).__name__)',
            "intent": "kind of optimizer hook (fp16, plain OptimizerHook or config dict) passed to the runner",
            "newest": ("after", "if fp16_cfg is not None:"),
            "versions": dict(
                [(0, ("after", "optimizer_config = DistOptimizerHook(**cfg.optimizer_config)", dict(_D, note=
                      "0.6.0 binds optimizer_config only in _dist_train (DistOptimizerHook); _non_dist_train passes "
                      "cfg.optimizer_config straight to register_training_hooks, so the dist place is the only "
                      "one")))] +
                [(v, ("after", "if fp16_cfg is not None:", {
                    "note": "after the whole if/elif/else"} if v == 1 else {})) for v in range(1, 11)]),
        },
        "val_samples_per_gpu": {
            "text": "flor.log(\"val_samples_per_gpu\", val_dataloader_args['samples_per_gpu'])",
            "intent": "per-GPU batch size of the validation loader, when validating",
            "newest": ("after", "val_dataloader_args = {"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.6.0 builds no validation loader in train.py (the eval hooks get cfg.data.val)",
                      {"scope": "_dist_train"}))] +
                [(1, ("na", "missing_dependency",
                      "2.3.0 builds the validation loader with the constant samples_per_gpu=1; there is no "
                      "variable holding it (a constant is not a rename)", {"scope": "train_detector"}))] +
                [(v, ("after", "val_samples_per_gpu = cfg.data.val.pop('samples_per_gpu', 1)", {
                    "renames": {"val_dataloader_args['samples_per_gpu']": "val_samples_per_gpu"},
                    "note": "2.6.0 .. 2.21.0 pop the validation batch size from cfg.data.val into "
                            "val_samples_per_gpu, which is what the validation loader is built with: same value, "
                            "other name (inside `if validate:`, before the replace_ImageToTensor check)"}
                      if v == 2 else {"renames": {"val_dataloader_args['samples_per_gpu']": "val_samples_per_gpu"}}))
                 for v in range(2, 9)] +
                [(v, ("after", "val_dataloader_args = {")) for v in (9, 10)]),
        },
        "eval_cfg": {
            "text": 'flor.log("eval_cfg", eval_cfg)',
            "intent": "evaluation hook configuration (interval, metric, by_epoch), when validating",
            "newest": ("after", "eval_cfg['by_epoch'] = cfg.runner['type'] != 'IterBasedRunner'"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.6.0 reads no evaluation config: the eval hooks are built from cfg.data.val alone",
                      {"scope": "_dist_train"}))] +
                [(v, ("after", "eval_cfg = cfg.get('evaluation', {})", {
                    "note": "before 2.10.0 there is no by_epoch entry: right after eval_cfg is read"}
                      if v == 1 else {})) for v in (1, 2)] +
                [(v, ("after", "eval_cfg['by_epoch'] = cfg.runner['type'] != 'IterBasedRunner'"))
                 for v in range(3, 11)]),
        },
        "resume_from": {
            "text": 'flor.log("resume_from", cfg.resume_from)',
            "intent": "checkpoint the run will resume from (None when not resuming), right before resume/load",
            "newest": ("after", "if resume_from is not None:"),
            "versions": dict(
                [(0, ("before", "if cfg.resume_from:", dict(_D, note=_TWO, alt=[
                    ("before", "if cfg.resume_from:", _ND)])))] +
                [(v, ("before", "if cfg.resume_from:", {
                    "note": "before 2.20.0 there is no auto-resume: right before the resume/load if"}
                      if v == 1 else {})) for v in range(1, 7)] +
                [(v, ("after", "if resume_from is not None:")) for v in range(7, 11)]),
        },
    },
}
