# case: a name given today to a call's result (not an access expression) whose statement has no counterpart: still declined
# === new
import flor
def train(policy, collectors, epochs):
    best_reward = -1.0
    for epoch in range(epochs):
        test_result = test_episode(policy, collectors.test, epoch)
        rew = summarize(test_result)
        flor.log("test_rew", rew)
        if best_reward < rew:
            best_reward = rew
# === old
def train(policy, collectors, epochs):
    best_reward = -1.0
    for epoch in range(epochs):
        result = test_episode(policy, collectors.test, epoch)
        if best_reward < result["rew"]:
            best_reward = result["rew"]
# === expected
<declined>
# === diagnostics
declined test_rew: reads `rew`, computed today by the statement at line 6, which has no counterpart in this version
