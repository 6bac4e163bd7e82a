# mmpose mmpose/apis/train.py (train_model: builds the training loaders, wraps the model, builds optimizer(s),
# EpochBasedRunner and hooks, registers the eval hook and runs training; init_random_seed since 0.21.0),
# PyPI 0.7.0 .. 0.28.0 of the 0.x series (v00 .. v11; 1.x has no apis/train.py, training moved to mmengine).
# Round 33, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mmpose_train" / "versions.json").read_text())
OLDER = range(11)
# v00 0.7.0: mmcv build_optimizer, plain fp16 if/elif/else, train and val loader configs both called
#            dataloader_setting (`dataloader_setting = dict(dataloader_setting, **...)` twice)
# v01 0.8.0: use_adverserial_train: DistributedDataParallelWrapper branch, build_optimizers (mmpose.core),
#            optimizer_config = None for adversarial training, fp16 if/elif/else moved into its else branch
# v02 0.11.0: val loader drop_last=False (0.10.0: a comment removed)
# v03 0.14.0: Fp16OptimizerHook imported from mmcv with a fallback
# v04 0.18.0: copyright header
# v05 0.19.0: loader_cfg / train_loader_cfg dicts (step 1 / step 2), one-line data_loaders comprehension
# v06 0.20.0: val workers_per_gpu default 1
# v07 0.21.0: init_random_seed(seed, device) (not called in this file)
# v08 0.23.0: MMDataParallel(model, ...) without .cuda()  (0.22.0: blank lines only)
# v09 0.24.0: mmcv >= 1.4.4 / CUDA check around MMDataParallel (nested if/else in the non-distributed branch)
# v10 0.25.0: register_training_hooks(..., custom_hooks_config=cfg.get('custom_hooks_config', None))
# v11 0.28.0 (= 0.29.0): custom_hooks_cfg read from 'custom_hooks' with the deprecated 'custom_hooks_config' fallback
_OLD_LOADER = range(0, 5)      # v00-v04: dataloader_setting for the training loader
_NO_ADV = (0,)                 # v00: no adversarial training option
_NO_SEED = range(0, 7)         # v00-v06: no init_random_seed
_TM = {"within": "def train_model("}
CASE = {
    "name": "mmpose_train",
    "title": "mmpose train_model across 0.7.0 .. 0.28.0: adversarial-training branch (DDP wrapper, no optimizer "
             "hook), build_optimizers, dataloader_setting -> loader_cfg/train_loader_cfg, init_random_seed, "
             "CPU-training check, custom hooks config",
    "stories": _V,
    "probes": {
        "n_loaders": {
            "text": 'flor.log("n_loaders", len(data_loaders))',
            "intent": "number of training data loaders (one per dataset / workflow stage) once they are built",
            "newest": ("after", "data_loaders = [build_dataloader(ds, **train_loader_cfg) for ds in dataset]"),
            "versions": {v: ("after", "data_loaders = [", {
                "note": "before 0.19.0 the comprehension spans three lines and reads dataloader_setting"}
                if v == 0 else {}) for v in OLDER},
        },
        "samples_per_gpu": {
            "text": 'flor.log("samples_per_gpu", train_loader_cfg.get("samples_per_gpu"))',
            "intent": "per-GPU training batch size in the final training-loader config (after the "
                      "cfg.data.train_dataloader override)",
            "newest": ("after", "train_loader_cfg = dict(loader_cfg, **cfg.data.get('train_dataloader', {}))"),
            "versions": dict(
                [(v, ("after", "dataloader_setting = dict(dataloader_setting,", {
                    "n": 1, "of": 2,
                    "renames": {"train_loader_cfg": "dataloader_setting"},
                    "note": "before 0.19.0 the final training-loader config (defaults overridden by "
                            "cfg.data.train_dataloader, the dict passed to build_dataloader for the training "
                            "loaders) is called dataloader_setting: same role and value, other name. The same "
                            "statement text occurs again inside `if validate:` for the validation loader (the "
                            "second match); the probe belongs after the first, at function level"}
                      if v == 0 else {"n": 1, "of": 2, "renames": {"train_loader_cfg": "dataloader_setting"}}))
                 for v in _OLD_LOADER] +
                [(v, ("after", "train_loader_cfg = dict(loader_cfg, **cfg.data.get('train_dataloader', {}))"))
                 for v in range(5, 11)]),
        },
        "model_wrapper": {
            "text": 'flor.log("model_wrapper", type(model).__name__)',
            "intent": "which parallel wrapper the model got (distributed, adversarial DDP wrapper or data-parallel), "
                      "once it is wrapped",
            "newest": ("after", "if distributed:", dict(_TM, n=1, of=2)),
            "versions": {v: ("after", "if distributed:", dict(_TM, n=1, of=2, note=
                "after the whole `if distributed: ... else: ...` that wraps the model (the second "
                "`if distributed:` registers DistSamplerSeedHook)") if v == 0 else dict(_TM, n=1, of=2))
                for v in OLDER},
        },
        "use_adversarial_train": {
            "text": 'flor.log("use_adversarial_train", use_adverserial_train)',
            "intent": "whether the adversarial training process (no optimizer hook, DDP wrapper) is used",
            "newest": ("after", "use_adverserial_train = cfg.get('use_adversarial_train', False)"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.7.0 has no adversarial training option: use_adverserial_train arrives in 0.8.0 "
                      "(a constant False would be a substitute, not a rename)", {"scope": "train_model"}))] +
                [(v, ("after", "use_adverserial_train = cfg.get('use_adversarial_train', False)"))
                 for v in range(1, 11)]),
        },
        "optimizer_type": {
            "text": 'flor.log("optimizer_type", type(optimizer).__name__)',
            "intent": "type of what the optimizer builder returned (one optimizer, or a dict of optimizers for "
                      "multi-optimizer / adversarial models), right after it is built",
            "newest": ("after", "optimizer = build_optimizers(model, cfg.optimizer)"),
            "versions": dict(
                [(0, ("after", "optimizer = build_optimizer(model, cfg.optimizer)", {
                    "note": "0.7.0 builds the optimizer with mmcv's build_optimizer (single optimizer) instead of "
                            "mmpose's build_optimizers: same statement role, same variable"}))] +
                [(v, ("after", "optimizer = build_optimizers(model, cfg.optimizer)")) for v in range(1, 11)]),
        },
        "fp16_cfg": {
            "text": 'flor.log("fp16_cfg", fp16_cfg)',
            "intent": "mixed-precision configuration read from the config (when the optimizer hook is built)",
            "newest": ("after", "fp16_cfg = cfg.get('fp16', None)"),
            "versions": {v: ("after", "fp16_cfg = cfg.get('fp16', None)", {
                "note": "0.7.0 has no adversarial branch: fp16_cfg is read unconditionally at function level, "
                        "the unconditional equivalent of the newest `else:` branch of `if use_adverserial_train:`"}
                if v == 0 else {}) for v in OLDER},
        },
        "optimizer_hook": {
            "text": 'flor.log("optimizer_hook", type(optimizer_config).__name__)',
            "intent": "kind of optimizer hook passed to the runner (None for adversarial training, fp16 hook, "
                      "OptimizerHook or the plain config dict), once it is decided",
            "newest": ("after", "if use_adverserial_train:", dict(_TM, n=2, of=2)),
            "versions": dict(
                [(0, ("after", "if fp16_cfg is not None:", {
                    "note": "0.7.0 has no adversarial branch: after the whole fp16 if/elif/else that decides "
                            "optimizer_config"}))] +
                [(v, ("after", "if use_adverserial_train:", dict(_TM, n=2, of=2, note=
                      "after the whole second `if use_adverserial_train: ... else:` (the first one, inside "
                      "`if distributed:`, picks the DDP wrapper)") if v == 1 else dict(_TM, n=2, of=2)))
                 for v in range(1, 11)]),
        },
        "custom_hooks": {
            "text": 'flor.log("custom_hooks", custom_hooks_cfg)',
            "intent": "custom hooks configuration passed to register_training_hooks",
            "newest": ("after", "if custom_hooks_cfg is None:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.25.0 no custom hooks are registered in train.py (no custom_hooks_cfg)",
                      {"scope": "train_model"})) for v in range(0, 10)] +
                [(10, ("na", "missing_dependency",
                       "0.25.0 passes cfg.get('custom_hooks_config', None) inline to register_training_hooks; "
                       "there is no variable holding it (and it does not read the 'custom_hooks' key the newest "
                       "custom_hooks_cfg prefers): an expression that could stand in for it, not a rename",
                       {"scope": "train_model"}))]),
        },
        "eval_cfg": {
            "text": 'flor.log("eval_cfg", eval_cfg)',
            "intent": "evaluation hook configuration (interval, metric, save_best), when validating",
            "newest": ("after", "eval_cfg = cfg.get('evaluation', {})"),
            "versions": {v: ("after", "eval_cfg = cfg.get('evaluation', {})", {
                "note": "inside `if validate:`"} if v == 0 else {}) for v in OLDER},
        },
        "val_samples_per_gpu": {
            "text": 'flor.log("val_samples_per_gpu", dataloader_setting["samples_per_gpu"])',
            "intent": "per-GPU batch size of the validation loader (1 unless cfg.data.val_dataloader overrides it), "
                      "once its config is final",
            "newest": ("after", "dataloader_setting = dict(dataloader_setting,"),
            "versions": {v: ("after", "dataloader_setting = dict(dataloader_setting,", {
                "within": "if validate:",
                "note": "before 0.19.0 the identical statement also builds the training-loader config at function "
                        "level (first match); the probe reads the validation config: the one inside "
                        "`if validate:`"} if v == 0 else {"within": "if validate:"}) for v in OLDER},
        },
        "random_seed": {
            "text": 'flor.log("random_seed", seed)',
            "intent": "the seed drawn at random when none is configured, before it is broadcast to all ranks",
            "newest": ("after", "seed = np.random.randint(2**31)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "init_random_seed arrives in 0.21.0; before it nothing in this file draws a random seed "
                      "(the loaders get cfg.seed / cfg.get('seed') as a keyword, which may be None)",
                      {"scope": "<module>"})) for v in _NO_SEED] +
                [(v, ("after", "seed = np.random.randint(2**31)")) for v in range(7, 11)]),
        },
    },
}
