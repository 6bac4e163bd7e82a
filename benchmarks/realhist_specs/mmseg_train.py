# mmsegmentation mmseg/apis/train.py: train_segmentor (builds the training data loaders, wraps the model for
# (distributed) data parallel, builds optimizer and runner, registers training / eval / custom hooks, resumes and
# runs), PyPI 0.5.0, 0.8.0, 0.17.0, 0.19.0, 0.20.0, 0.21.0, 0.24.0, 0.25.0 (= 0.30.0) (v00 .. v07; the 0.x line;
# 0.6.0/0.7.0, 0.9.0 .. 0.16.0, 0.18.0, 0.20.2, 0.21.1 .. 0.23.0, 0.24.1 and 0.26.0 .. 0.30.0 have the same file as
# the release before them).
# Round 32, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mmseg_train" / "versions.json").read_text())
OLDER = range(7)
# v00 0.5.0: data loaders from positional cfg.data.samples_per_gpu / workers_per_gpu, MMDistributedDataParallel /
#            MMDataParallel(model.cuda(...)), IterBasedRunner built directly, eval hook with samples_per_gpu=1,
#            runner.run(..., cfg.total_iters)
# v01 0.8.0: build_runner with a `runner` config section (fallback to IterBasedRunner + warning),
#            eval_cfg['by_epoch']
# v02 0.17.0: eval hook registered with priority='LOW'
# v03 0.19.0: user-defined custom_hooks loop
# v04 0.20.0: init_random_seed added (module level; train_segmentor unchanged)
# v05 0.21.0: CPU training (MMDataParallel without .cuda(), mmcv version assert), auto_resume via
#             find_latest_checkpoint
# v06 0.24.0: loader_cfg / train_loader_cfg / val_loader_cfg dicts, DistSamplerSeedHook under a second
#             `if distributed:`, build_optimizer from mmseg.core
# v07 0.25.0 .. 0.30.0: build_ddp / build_dp with cfg.device
_TS = {"within": "def train_segmentor("}
CASE = {
    "name": "mmseg_train",
    "title": "mmseg train_segmentor across 0.5.0 .. 0.30.0: IterBasedRunner -> build_runner, custom hooks, "
             "auto-resume, CPU training, loader-config dicts, DistSamplerSeedHook, build_ddp / build_dp",
    "stories": _V,
    "probes": {
        "n_loaders": {
            "text": 'flor.log("n_loaders", len(data_loaders))',
            "intent": "number of training data loaders (one per training dataset) once they are built",
            "newest": ("after", "data_loaders = [build_dataloader(ds, **train_loader_cfg) for ds in dataset]"),
            "versions": dict(
                [(v, ("after", "data_loaders = [", {
                    "note": "before 0.24.0 the loaders are built by a multi-line comprehension with positional "
                            "cfg.data arguments"} if v == 0 else {})) for v in range(0, 6)] +
                [(6, ("after", "data_loaders = [build_dataloader(ds, **train_loader_cfg) for ds in dataset]"))]),
        },
        "train_batch": {
            "text": "flor.log(\"train_batch\", train_loader_cfg['samples_per_gpu'])",
            "intent": "per-GPU training batch size actually passed to the training loaders",
            "newest": ("after", "train_loader_cfg = {**loader_cfg"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "train_loader_cfg (and loader_cfg) arrive in 0.24.0; before it the loaders get "
                      "cfg.data.samples_per_gpu positionally, a config value that could stand in for it but is not "
                      "the same variable", {"scope": "train_segmentor"})) for v in range(0, 6)] +
                [(6, ("after", "train_loader_cfg = {**loader_cfg"))]),
        },
        "ddp_device_ids": {
            "text": 'flor.log("ddp_device_ids", model.device_ids)',
            "intent": "device ids of the distributed wrapper, right after the model is wrapped for DDP",
            "newest": ("after", "model = build_ddp("),
            "versions": dict(
                [(v, ("after", "model = MMDistributedDataParallel(", {
                    "note": "before 0.25.0 the model is wrapped by MMDistributedDataParallel(model.cuda(), ...) "
                            "in the same `if distributed:` branch (build_ddp later); the probe stays inside the "
                            "branch, right after the wrapping"} if v == 0 else {})) for v in range(0, 7)]),
        },
        "base_lr": {
            "text": "flor.log(\"base_lr\", optimizer.param_groups[0]['lr'])",
            "intent": "learning rate of the optimizer as built, before any LR hook changes it",
            "newest": ("after", "optimizer = build_optimizer(model, cfg.optimizer)"),
            "versions": {v: ("after", "optimizer = build_optimizer(model, cfg.optimizer)") for v in range(7)},
        },
        "runner_type": {
            "text": 'flor.log("runner_type", type(runner).__name__)',
            "intent": "class of the runner actually built (iteration- or epoch-based)",
            "newest": ("after", "runner = build_runner("),
            "versions": dict(
                [(0, ("after", "runner = IterBasedRunner(", {
                    "note": "0.5.0 builds IterBasedRunner directly (no build_runner, no `runner` config): the "
                            "statement that builds the runner is the equivalent anchor"}))] +
                [(v, ("after", "runner = build_runner(")) for v in range(1, 7)]),
        },
        "n_hooks": {
            "text": 'flor.log("n_hooks", len(runner.hooks))',
            "intent": "number of hooks registered once the training hooks (and the distributed sampler-seed hook) "
                      "are in place, before the eval and custom hooks",
            "newest": ("after", "if distributed:", dict(_TS, n=2, of=2)),
            "versions": dict(
                [(v, ("after", "runner.register_training_hooks(", {
                    "note": "before 0.24.0 there is no DistSamplerSeedHook block (the second `if distributed:`): "
                            "the probe follows the registration of the training hooks, before the timestamp "
                            "and the eval hooks"} if v == 0 else {})) for v in range(0, 6)] +
                [(6, ("after", "if distributed:", dict(_TS, n=2, of=2, note=
                      "after the second `if distributed:` (the DistSamplerSeedHook block), not the first (model "
                      "wrapping)")))]),
        },
        "n_val": {
            "text": 'flor.log("n_val", len(val_dataset))',
            "intent": "size of the validation set, once the validation loader is built (when validating)",
            "newest": ("after", "val_dataloader = build_dataloader(val_dataset, **val_loader_cfg)"),
            "versions": dict(
                [(v, ("after", "val_dataloader = build_dataloader(", {
                    "note": "inside `if validate:`, after the multi-line build_dataloader(val_dataset, "
                            "samples_per_gpu=1, ...) call (val_loader_cfg only from 0.24.0)"} if v == 0 else {}))
                 for v in range(0, 6)] +
                [(6, ("after", "val_dataloader = build_dataloader(val_dataset, **val_loader_cfg)"))]),
        },
        "eval_cfg": {
            "text": 'flor.log("eval_cfg", dict(eval_cfg))',
            "intent": "evaluation hook configuration (interval, metric, by_epoch) when validating, once final",
            "newest": ("after", "eval_cfg['by_epoch'] = cfg.runner['type'] != 'IterBasedRunner'"),
            "versions": dict(
                [(0, ("after", "eval_cfg = cfg.get('evaluation', {})", {
                    "note": "0.5.0 has no by_epoch entry (always iteration-based): eval_cfg is final right after "
                            "it is read, before eval_hook is chosen"}))] +
                [(v, ("after", "eval_cfg['by_epoch'] = cfg.runner['type'] != 'IterBasedRunner'"))
                 for v in range(1, 7)]),
        },
        "hook_priority": {
            "text": 'flor.log("hook_priority", priority)',
            "intent": "priority of each user-defined custom hook as it is registered",
            "newest": ("after", "priority = hook_cfg.pop('priority', 'NORMAL')"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "custom_hooks (and the loop that pops each hook's priority) arrive in 0.19.0",
                      {"scope": "train_segmentor"})) for v in range(0, 3)] +
                [(v, ("after", "priority = hook_cfg.pop('priority', 'NORMAL')")) for v in range(3, 7)]),
        },
        "auto_resume_ckpt": {
            "text": 'flor.log("auto_resume_ckpt", resume_from)',
            "intent": "latest checkpoint found by auto-resume (None if none), when auto-resume is on",
            "newest": ("after", "resume_from = find_latest_checkpoint(cfg.work_dir)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "auto_resume / find_latest_checkpoint arrive in 0.21.0: no checkpoint is looked up before",
                      {"scope": "train_segmentor"})) for v in range(0, 5)] +
                [(v, ("after", "resume_from = find_latest_checkpoint(cfg.work_dir)")) for v in (5, 6)]),
        },
        "resume_from": {
            "text": 'flor.log("resume_from", cfg.resume_from)',
            "intent": "checkpoint the run will resume from (None when not resuming), right before resume/load",
            "newest": ("before", "if cfg.resume_from:"),
            "versions": dict(
                [(v, ("before", "if cfg.resume_from:", {
                    "note": "before 0.21.0 there is no auto-resume block: right before the resume/load if "
                            "(after the eval-hook block, from 0.19.0 after the custom-hooks block)"}
                      if v == 0 else {})) for v in range(0, 5)] +
                [(v, ("before", "if cfg.resume_from:")) for v in (5, 6)]),
        },
    },
}
