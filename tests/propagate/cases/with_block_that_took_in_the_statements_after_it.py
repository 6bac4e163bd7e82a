# case: today's `with` took in the statements that followed the old one: a statement last in it goes after their old counterparts, outside the old `with`
# === new
import flor
def step(self, batches):
    all_stats = []
    for _ in range(self.ppo_epochs):
        for batch in batches:
            with self.accelerator.accumulate(self.model):
                logprobs, vpreds = self.forward_pass(self.model, batch)
                train_stats = self.train_minibatch(batch, logprobs, vpreds)
                all_stats.append(train_stats)
                flor.log("n_stats", len(all_stats))
    return all_stats
# === old
def step(self, batches):
    all_stats = []
    for _ in range(self.ppo_epochs):
        for batch in batches:
            with self.accelerator.accumulate(self.model):
                logprobs, vpreds = self.forward_pass(self.model, batch)
            train_stats = self.train_minibatch(batch, logprobs, vpreds)
            all_stats.append(train_stats)
    return all_stats
# === expected
import flor
def step(self, batches):
    all_stats = []
    for _ in range(self.ppo_epochs):
        for batch in batches:
            with self.accelerator.accumulate(self.model):
                logprobs, vpreds = self.forward_pass(self.model, batch)
            train_stats = self.train_minibatch(batch, logprobs, vpreds)
            all_stats.append(train_stats)
            flor.log("n_stats", len(all_stats))
    return all_stats
# === diagnostics
placed n_stats at step/for:_/for:batch/stmt:3
