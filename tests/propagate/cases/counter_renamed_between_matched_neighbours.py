# case: a counter stepped by the same constant between two matched statements is the same counter under another name (global_step -> gradient_step)
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
def train(policy, collector, epochs, updates):
    global_step = 0
    for epoch in range(epochs):
        result = collector.collect()
        for i in range(updates):
            global_step += 1
            losses = policy.learn(collector.sample())
            print(losses)
# === expected
import flor
def train(policy, collector, epochs, updates):
    global_step = 0
    for epoch in range(epochs):
        result = collector.collect()
        for i in range(updates):
            global_step += 1
            losses = policy.learn(collector.sample())
            flor.log("gradient_step", global_step)
            print(losses)
# === diagnostics
placed gradient_step at train/for:epoch/for:i/stmt:2 renames gradient_step->global_step
