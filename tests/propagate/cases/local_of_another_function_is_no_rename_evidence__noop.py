# case: The old version already logs the per-batch metrics under their old name: nothing to do.
# === new
import flor


class Controller:
    def _aggregate(self, training_metrics):
        batch_metrics = combine(training_metrics)
        metrics = make_metrics(None, batch_metrics)
        return metrics

    def _train_batch(self, batch, batch_idx):
        training_metrics = self.trial.train_batch(batch, batch_idx)
        if isinstance(training_metrics, torch.Tensor):
            training_metrics = {"loss": training_metrics}
        return training_metrics

    def _train_steps(self, loader):
        training_metrics = []
        for batch_idx, batch in enumerate(loader):
            batch_metrics = self._train_batch(batch, batch_idx)
            flor.log("batch_metrics", batch_metrics)
            training_metrics.append(batch_metrics)
            self._step_batch()
        return self._aggregate(training_metrics)
# === old
import flor
class Controller:
    def _train_steps(self, loader):
        per_batch_metrics = []
        for batch_idx, batch in enumerate(loader):
            tr_metrics = self.trial.train_batch(batch, batch_idx)
            if isinstance(tr_metrics, torch.Tensor):
                tr_metrics = {"loss": tr_metrics}
            flor.log("batch_metrics", tr_metrics)
            per_batch_metrics.append(tr_metrics)
        per_batch_metrics = combine(per_batch_metrics)
        metrics = make_metrics(num_inputs, per_batch_metrics)
        return metrics
# === expected
<unchanged>
# === diagnostics
present batch_metrics
