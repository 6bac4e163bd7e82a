# case: the old version already logs the epoch's test reward: nothing changes
# === new
import flor


def trainer(policy, collector, max_epoch, stop_fn):
    for epoch in range(1, max_epoch + 1):
        for step in range(100):
            result = collector.collect(n_step=10)
            if result["n/ep"] > 0 and stop_fn(result["rew"]):
                test_result = test_episode(policy, epoch)
                if stop_fn(test_result["rew"]):
                    return test_result
            policy.update(collector.buffer)
        test_result = test_episode(policy, epoch)
        flor.log("test_rew", test_result["rew"])
        if stop_fn(test_result["rew"]):
            break
# === old
import flor


def trainer(policy, collector, max_epoch, stop_fn):
    for epoch in range(1, max_epoch + 1):
        for step in range(100):
            result = collector.collect(n_step=10)
            if stop_fn(result["rew"]):
                test_result = test_episode(policy, epoch)
                if stop_fn(test_result["rew"]):
                    return test_result
            policy.update(collector.buffer)
        result = test_episode(policy, epoch)
        flor.log("test_rew", result["rew"])
        if stop_fn(result["rew"]):
            break
# === expected
<unchanged>
# === diagnostics
present test_rew
