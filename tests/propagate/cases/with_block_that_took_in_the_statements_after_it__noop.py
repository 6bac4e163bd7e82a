# case: the old version already logs after the statements that followed its `with`: nothing changes
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
# === expected
<unchanged>
# === diagnostics
present n_stats
