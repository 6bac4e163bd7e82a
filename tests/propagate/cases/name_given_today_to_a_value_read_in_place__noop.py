# case: the old version already logs the expression: nothing changes
# === new
import flor
def train(policy, collectors, epochs):
    best_reward = -1.0
    for epoch in range(epochs):
        policy.train()
        collect(policy, collectors)
        test_result = test_episode(policy, collectors.test, epoch)
        rew, rew_std = test_result["rew"], test_result["rew_std"]
        flor.log("test_rew", rew)
        if best_reward < rew:
            best_reward, best_std = rew, rew_std
# === old
import flor
def train(policy, collectors, epochs):
    best_reward = -1.0
    for epoch in range(epochs):
        policy.train()
        collect(policy, collectors)
        result = test_episode(policy, collectors.test, epoch)
        flor.log("test_rew", result["rew"])
        if best_reward < result["rew"]:
            best_reward = result["rew"]
# === expected
<unchanged>
# === diagnostics
present test_rew
