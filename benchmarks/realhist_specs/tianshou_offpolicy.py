# tianshou trainer/offpolicy.py (offpolicy_trainer), PyPI 0.2.0 .. 0.4.4 (v00 .. v06).
# Round 6: written and scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tianshou_offpolicy" / "versions.json").read_text())
CASE = {
    "name": "tianshou_offpolicy",
    "title": "tianshou offpolicy_trainer across 0.2.0 .. 0.4.4 (policy.learn -> policy.update, global_step split "
             "into env_step and gradient_step, tensorboard writer -> logger, test result unpacked)",
    "stories": _V,
    "probes": {
        "n_st": {
            "text": 'flor.log("n_st", result["n/st"])',
            "intent": "environment steps collected by each collect() call",
            "newest": ("after", "result = train_collector.collect("),
            "versions": {v: ("after", "result = train_collector.collect(") for v in range(6)},
        },
        "losses": {
            "text": 'flor.log("losses", losses)',
            "intent": "losses returned by each policy update",
            "newest": ("after", "losses = policy.update("),
            "versions": dict([(v, ("after", "losses = policy.learn(", {"note": "policy.learn on a sampled batch before 0.2.7"}))
                              for v in range(2)] + [(v, ("after", "losses = policy.update(")) for v in range(2, 6)]),
        },
        "gradient_step": {
            "text": 'flor.log("gradient_step", gradient_step)',
            "intent": "number of gradient steps so far, after each increment",
            "newest": ("after", "gradient_step += 1"),
            "versions": dict([(v, ("after", "global_step += 1", {"renames": {"gradient_step": "global_step"},
                                   "note": "global_step counts updates (+= 1 per update) before 0.2.7"})) for v in range(2)] +
                             [(v, ("na", "missing_dependency",
                                   "0.2.7-0.3.2 count global_step += collect_per_step in the update loop: no gradient-step counter"))
                              for v in (2, 3)] +
                             [(v, ("after", "gradient_step += 1")) for v in (4, 5)]),
        },
        "env_step": {
            "text": 'flor.log("env_step", env_step)',
            "intent": "environment steps so far, after each collect",
            "newest": ("after", "env_step += int("),
            "versions": dict([(v, ("na", "missing_dependency", "no env_step counter before 0.3.2 (global_step counts updates "
                                   "or collect_per_step per update)")) for v in range(4)] +
                             [(v, ("after", "env_step += int(")) for v in (4, 5)]),
        },
        "test_rew": {
            "text": 'flor.log("test_rew", rew)',
            "intent": "mean test reward of each epoch",
            "newest": ("after", "rew, rew_std = test_result["),
            "versions": dict([(v, ("after", "result = test_episode(", {"renames": {"rew": 'result["rew"]'},
                                   "note": "the test result is kept whole in `result` before 0.4.1"})) for v in range(5)] +
                             [(5, ("after", "rew, rew_std = test_result["))]),
        },
        "best_reward": {
            "text": 'flor.log("best_reward", best_reward)',
            "intent": "best test reward so far, after the best-model if",
            "newest": ("after", "if best_epoch < 0 or best_reward < rew:"),
            "versions": {v: ("after", "if best_epoch == -1 or best_reward < ") for v in range(6)},
        },
    },
}
