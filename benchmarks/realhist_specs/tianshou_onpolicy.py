# tianshou tianshou/trainer/onpolicy.py (onpolicy_trainer), PyPI tianshou 0.2.0 .. 0.4.4 (v00 .. v06).
# Round 10, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tianshou_onpolicy" / "versions.json").read_text())
ALL = range(6)
_OLD_STEP = range(4)      # 0.2.0 .. 0.3.0: one global_step counter, no env_step / gradient_step
_LEARN = range(2)         # 0.2.0 .. 0.2.4: policy.learn(train_collector.sample(0), ...) instead of policy.update
_RES = range(5)           # 0.2.0 .. 0.3.2: the per-epoch test result is bound to `result`, not `test_result`
CASE = {
    "name": "tianshou_onpolicy",
    "title": "tianshou onpolicy_trainer across 0.2.0 .. 0.4.4 (global_step split into env_step/gradient_step, "
             "learn -> update, writer -> logger, initial test before training, n/ep guard around test-in-train)",
    "stories": _V,
    "probes": {
        "collect_n_st": {
            "text": 'flor.log("collect_n_st", result["n/st"])',
            "intent": "number of environment steps gathered by each train_collector.collect call, right after it",
            "newest": ("after", "result = train_collector.collect("),
            "versions": {v: ("after", "result = train_collector.collect(", {
                "note": "collect arguments change (n_episode=collect_per_step, log_fn, n_step/n_episode); "
                        "same statement"} if v < 5 else {}) for v in ALL},
        },
        "env_step": {
            "text": 'flor.log("env_step", env_step)',
            "intent": "environment-step counter, right after it is advanced by the collected transitions",
            "newest": ("after", "env_step += int(result"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.3.2 there is no environment-step counter: the only counter, global_step, is "
                      "advanced by the number of update steps (times collect_per_step from 0.2.7) after "
                      "the policy update, not by the collected transitions; env_step is not bound",
                      {"scope": "onpolicy_trainer", "probe_site": ("after", "result = train_collector.collect(")}))
                 for v in _OLD_STEP] +
                [(v, ("after", "env_step += int(result")) for v in (4, 5)]),
        },
        "losses": {
            "text": 'flor.log("losses", losses)',
            "intent": "the loss dict returned by each policy update, right after it",
            "newest": ("after", "losses = policy.update("),
            "versions": dict(
                [(v, ("after", "losses = policy.learn(", {
                    "note": "0.2.0/0.2.4 call policy.learn(train_collector.sample(0), ...): the same update "
                            "step returning the same losses dict"})) for v in _LEARN] +
                [(v, ("after", "losses = policy.update(")) for v in range(2, 6)]),
        },
        "gradient_step": {
            "text": 'flor.log("gradient_step", gradient_step)',
            "intent": "update-step counter, right after it is advanced by the steps of this update",
            "newest": ("after", "gradient_step += step"),
            "versions": dict(
                [(v, ("after", "global_step += step", {
                    "renames": {"gradient_step": "global_step"},
                    "note": "before 0.3.2 the counter advanced after each update (and used as the writer's "
                            "global_step for the losses) is global_step; from 0.2.7 it is advanced by "
                            "step * collect_per_step, same statement and role (cf. a loss that changed scale)"}))
                 for v in _OLD_STEP] +
                [(v, ("after", "gradient_step += step")) for v in (4, 5)]),
        },
        "test_rew": {
            "text": 'flor.log("test_rew", test_result["rew"])',
            "intent": "mean test reward of the per-epoch evaluation, right after test_episode returns",
            "newest": ("after", "test_result = test_episode(", {"n": 3, "of": 3}),
            "versions": dict(
                [(v, ("after", "result = test_episode(", {
                    "renames": {"test_result": "result"},
                    "note": "the per-epoch test result is stored in `result` (rebinding the collect result) "
                            "before 0.4.0; `test_result` there is only the test-in-train result inside the "
                            "while loop"})) for v in _RES] +
                [(5, ("after", "test_result = test_episode(", {
                    "n": 3, "of": 3,
                    "note": "third of: initial test before training, test-in-train, per-epoch test"}))]),
        },
        "best_reward": {
            "text": 'flor.log("best_reward", best_reward)',
            "intent": "new best test reward, inside the branch taken when it improves (after the best_* update)",
            "newest": ("after", "best_epoch, best_reward, best_reward_std = epoch"),
            "versions": dict(
                [(v, ("after", "best_epoch = epoch", {
                    "alt": [("after", "best_reward = result[")],
                    "note": "the newest one-statement update of best_epoch/best_reward is two statements "
                            "here; after either (both inside the improvement branch) observes the new "
                            "best_reward"})) for v in range(4)] +
                [(4, ("after", "best_epoch = epoch", {
                    "alt": [("after", "best_reward, best_reward_std = result[")],
                    "note": "two statements for the newest one; after either"}))] +
                [(5, ("after", "best_epoch = epoch", {
                    "alt": [("after", "best_reward, best_reward_std = rew")],
                    "note": "two statements for the newest one; after either (not after the initial "
                            "`best_reward, best_reward_std = test_result[...]` before the epoch loop)"}))]),
        },
        "train_time": {
            "text": 'flor.log("train_time", time.time() - start_time)',
            "intent": "elapsed wall time when the training phase of an epoch ends (after the tqdm block, before the test)",
            "newest": ("after", "with tqdm.tqdm("),
            "versions": {v: ("after", "with tqdm.tqdm(", {
                "note": "after the whole `with tqdm.tqdm(...) as t:` block, not inside it"}) for v in ALL},
        },
        "early_stop_rew": {
            "text": 'flor.log("early_stop_rew", test_result["rew"])',
            "intent": "test reward that triggers the early return from the test-in-train check (first in that branch)",
            "newest": ("first_in", "if stop_fn(test_result"),
            "versions": dict(
                [(v, ("first_in", "if stop_fn and stop_fn(test_result", {
                    "note": "the branch condition reads `stop_fn and stop_fn(...)` before 0.3.0; no "
                            "`result['n/ep'] > 0` guard (0.4.4) and, in 0.2.0, no test_in_train: the "
                            "probe goes into the equivalent (less guarded) branch"})) for v in range(3)] +
                [(v, ("first_in", "if stop_fn(test_result", {
                    "note": "no `result['n/ep'] > 0` guard before 0.4.4; same branch"})) for v in (3, 4, 5)]),
        },
    },
}
