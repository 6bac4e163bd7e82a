# case: the epoch's `test_result = test_episode(...)` is the old `result = test_episode(...)`; the old in-training test still binds a `test_result`, which is another value: the statement reads `result`
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
        if stop_fn(result["rew"]):
            break
# === expected
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
# === diagnostics
placed test_rew at trainer/for:epoch/stmt:2 renames test_result->result
