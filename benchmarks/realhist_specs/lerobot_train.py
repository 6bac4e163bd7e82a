# lerobot lerobot/scripts/lerobot_train.py (train + update_policy; lerobot/scripts/train.py before 0.4), PyPI 0.1.0 .. 0.4.4 (v00 .. v05).
# Round 27, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "lerobot_train" / "versions.json").read_text())
# v00 (0.1.0): hydra script, TorchRL buffers, policy.update() does the optimisation, one offline loop
#   `for offline_step in range(cfg.offline_steps):` followed by an online loop (no counterpart in later versions);
# v01 (0.3.x): update_policy() with GradScaler, single process, MetricsTracker;
# v02-v05 (0.4.x): Accelerator, is_main_process guards, pre/post processors; v04 adds PEFT and RA-BC weights,
#   v05 a tqdm progress bar.
_OFF = {"within": "for offline_step in range(cfg.offline_steps):"}
_NO_UPDATE = ("na", "no_anchor", "0.1.0 has no update_policy(): forward/backward/clipping/optimizer step all "
              "happen inside policy.update() in the policy class, outside this file")
CASE = {
    "name": "lerobot_train",
    "title": "lerobot training script (train() loop + update_policy) across 0.1.0 .. 0.4.4 (hydra/TorchRL "
             "offline+online loops -> TrainPipelineConfig + MetricsTracker + GradScaler -> Accelerator, "
             "pre/post processors, PEFT, RA-BC sample weights)",
    "stories": _V,
    "probes": {
        "device": {
            "text": 'flor.log("device", str(device))',
            "intent": "the torch device training runs on, once it is determined",
            "newest": ("after", "device = accelerator.device"),
            "versions": {
                0: ("na", "missing_dependency", "0.1.0 has no `device` variable, only the string cfg.device "
                    "(a substitute, not a rename)"),
                1: ("after", "device = get_safe_torch_device(", {
                    "note": "0.3.x gets the device from get_safe_torch_device(cfg.policy.device) instead of "
                            "the accelerator: same statement role, same name"}),
                2: ("after", "device = accelerator.device"),
                3: ("after", "device = accelerator.device"),
                4: ("after", "device = accelerator.device"),
            },
        },
        "has_eval_env": {
            "text": 'flor.log("has_eval_env", eval_env is not None)',
            "intent": "whether an evaluation environment was created, after the (conditional) env creation",
            "newest": ("after", "if cfg.eval_freq > 0 and cfg.env is not None and is_main_process:"),
            "versions": {
                0: ("after", "env = make_env(cfg, transform=offline_buffer._transform)", {
                    "renames": {"eval_env": "env"},
                    "note": "0.1.0 always builds one env, named `env`, used for evaluation (and online rollouts); "
                            "unconditional there"}),
                1: ("after", "if cfg.eval_freq > 0 and cfg.env is not None:"),
                2: ("after", "if cfg.eval_freq > 0 and cfg.env is not None:", {
                    "note": "is_main_process is tested inside the block (only around the log line) in 0.4.0-0.4.2; "
                            "after the whole if"}),
                3: ("after", "if cfg.eval_freq > 0 and cfg.env is not None:"),
                4: ("after", "if cfg.eval_freq > 0 and cfg.env is not None and is_main_process:"),
            },
        },
        "num_learnable_params": {
            "text": 'flor.log("num_learnable_params", num_learnable_params)',
            "intent": "number of trainable parameters of the policy",
            "newest": ("after", "num_learnable_params = sum("),
            "versions": {v: ("after", "num_learnable_params = sum(") for v in range(5)},
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm.item())',
            "intent": "gradient norm of each update, after the (optional) clipping",
            "newest": ("after", "if grad_clip_norm > 0:"),
            "versions": {
                0: _NO_UPDATE,
                1: ("after", "grad_norm = torch.nn.utils.clip_grad_norm_(", {
                    "note": "0.3.x always clips (no `if grad_clip_norm > 0` / else): after the single clip call, "
                            "before grad_scaler.step"}),
                2: ("after", "if grad_clip_norm > 0:"),
                3: ("after", "if grad_clip_norm > 0:"),
                4: ("after", "if grad_clip_norm > 0:"),
            },
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the optimizer and (optional) scheduler step of each update",
            "newest": ("after", "if lr_scheduler is not None:"),
            "versions": dict([(0, _NO_UPDATE)] +
                             [(v, ("after", "if lr_scheduler is not None:")) for v in range(1, 5)]),
        },
        "rabc_mean_weight": {
            "text": 'flor.log("rabc_mean_weight", rabc_batch_stats["raw_mean_weight"])',
            "intent": "raw mean RA-BC sample weight of the batch, in the weighted-loss branch",
            "newest": ("after", "loss = (per_sample_loss * rabc_batch_weights).sum()"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "RA-BC sample weighting (rabc_batch_stats) only exists from 0.4.3 (v04)"))
                 for v in range(4)] +
                [(4, ("after", "loss = (per_sample_loss * rabc_batch_weights).sum()"))]),
        },
        "step": {
            "text": 'flor.log("step", step)',
            "intent": "policy-update counter, right after it is advanced in the training loop",
            "newest": ("after", "step += 1"),
            "versions": dict(
                [(0, ("after", "step += 1", dict(_OFF, note=
                      "0.1.0 advances `step` at the end of the offline loop body (after log/eval/checkpoint); the "
                      "newest loop is the offline one; the online loop's `step += 1` has no counterpart")))] +
                [(v, ("after", "step += 1")) for v in range(1, 5)]),
        },
        "log_step": {
            "text": 'flor.log("log_step", step)',
            "intent": "the step at which training metrics are logged, first thing in the log branch",
            "newest": ("first_in", "if is_log_step:"),
            "versions": dict(
                [(0, ("first_in", "if step % cfg.log_freq == 0:", dict(_OFF, note=
                      "0.1.0 tests the log condition inline, in the offline loop (before `step += 1`, so step is "
                      "one lower there; same place in the loop's logging)")))] +
                [(v, ("first_in", "if is_log_step:")) for v in range(1, 5)]),
        },
        "eval_info": {
            "text": 'flor.log("eval_info", eval_info)',
            "intent": "evaluation results, right after the evaluation rollouts",
            "newest": ("after", "with torch.no_grad(), accelerator.autocast():"),
            "versions": {
                0: ("after", "eval_info, first_video = eval_policy(", dict(_OFF, note=
                    "0.1.0 evaluates in the offline loop under `if step > 0 and step % cfg.eval_freq == 0:` "
                    "(equivalent condition), with no no_grad/autocast context")),
                1: ("after", "with (", {
                    "note": "0.3.x: single process, no is_main_process guard; parenthesised no_grad/autocast with"}),
                2: ("after", "with torch.no_grad(), accelerator.autocast():"),
                3: ("after", "with torch.no_grad(), accelerator.autocast():"),
                4: ("after", "with torch.no_grad(), accelerator.autocast():"),
            },
        },
        "checkpoint_dir": {
            "text": 'flor.log("checkpoint_dir", str(checkpoint_dir))',
            "intent": "directory of each saved checkpoint, after it is marked as the last one",
            "newest": ("after", "update_last_checkpoint(checkpoint_dir)"),
            "versions": dict(
                [(0, ("na", "missing_dependency", "0.1.0 saves through logger.save_model(policy, identifier=step); "
                      "there is no checkpoint_dir"))] +
                [(v, ("after", "update_last_checkpoint(checkpoint_dir)")) for v in range(1, 5)]),
        },
    },
}
