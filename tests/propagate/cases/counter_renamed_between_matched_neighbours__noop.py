# case: the old version already logs the counter: nothing changes
# === new
import flor
def train(policy, collector, epochs, updates):
    gradient_step = 0
    for epoch in range(epochs):
        result = collector.collect()
        for _ in range(updates):
            gradient_step += 1
            losses = policy.update(collector.buffer)
            flor.log("gradient_step", gradient_step)
            logger.log_update_data(losses, gradient_step)
# === old
import flor
def train(policy, collector, epochs, updates):
    global_step = 0
    for epoch in range(epochs):
        result = collector.collect()
        for i in range(updates):
            global_step += 1
            losses = policy.learn(collector.sample())
            flor.log("gradient_step", global_step)
# === expected
<unchanged>
# === diagnostics
present gradient_step
