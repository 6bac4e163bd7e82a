# imitation imitation/algorithms/bc.py (BC.train and its batch loop), PyPI 0.1.0 .. 1.0.1 (v00 .. v07).
# Round 13, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "imitation_bc" / "versions.json").read_text())
OLDER = range(7)
_TF = (0, 1)          # v00-v01: TensorFlow, one sess.run does forward + backward + step
_MINI = (4, 5, 6)     # v04-v06: minibatch accumulation, process_batch() closure, like the newest
CASE = {
    "name": "imitation_bc",
    "title": "imitation BC.train across 0.1.0 .. 1.0.1 (TF BCTrainer with trange/sess.run -> TF BC with stats_dict "
             "-> torch _calculate_loss -> BehaviorCloningTrainer functor + enumerate_batches + _on_epoch_end closure "
             "-> inlined step with minibatch accumulation and a process_batch() closure)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", training_metrics.loss.item())',
            "intent": "BC loss (neglogp + entropy + l2) of each minibatch, right after it is computed",
            "newest": ("after", "training_metrics = self.loss_calculator("),
            "versions": {
                0: ("after", "_, loss = self.sess.run(", {
                    "renames": {"training_metrics.loss": "loss"},
                    "note": "0.1.0 (TF) fetches the loss (only the neglogp term there: it is the whole objective) "
                            "as `loss` from the sess.run that also applies the train op"}),
                1: ("after", "_, stats_dict = self.sess.run(", {
                    "renames": {"training_metrics.loss": 'stats_dict["loss"]'},
                    "note": "0.1.1 (TF) fetches all loss components as the dict stats_dict (the ancestor of "
                            "BCTrainingMetrics: same fields, logged the same way); the loss is stats_dict[\"loss\"]. "
                            "Unsure: attribute -> dict key rather than a plain identifier rename"}),
                2: ("after", "loss, stats_dict = self._calculate_loss(", {
                    "renames": {"training_metrics.loss": "loss"},
                    "note": "0.2.0: _calculate_loss returns the loss tensor as `loss` (plus a float stats_dict)"}),
                3: ("after", "loss = self.trainer(batch)", {
                    "renames": {"training_metrics": "loss"},
                    "note": "0.3.1: the BehaviorCloningTrainer functor returns the BCTrainingMetrics, bound to the "
                            "misleading name `loss` in train() (passed to log_batch where the newest passes "
                            "training_metrics)"}),
                **{v: ("after", "training_metrics = self.loss_calculator(") for v in _MINI},
            },
        },
        "scaled_loss": {
            "text": 'flor.log("scaled_loss", loss.item())',
            "intent": "the (minibatch-renormalised) loss that was just backpropagated",
            "newest": ("after", "loss.backward()"),
            "versions": {
                0: ("after", "_, loss = self.sess.run(", {
                    "note": "TF: no separate backward, the train op runs in the same sess.run that fetches `loss`"}),
                1: ("after", "_, stats_dict = self.sess.run(", {
                    "renames": {"loss": 'stats_dict["loss"]'},
                    "note": "TF: no separate backward, the train op runs in the same sess.run that fetches the "
                            "stats; no minibatch renormalisation, the loss is stats_dict[\"loss\"] (unsure, as for "
                            "probe `loss`)"}),
                2: ("after", "loss.backward()", {
                    "note": "no minibatches before 0.3.2: the backpropagated loss is unscaled"}),
                3: ("after", "training_metrics.loss.backward()", {
                    "renames": {"loss": "training_metrics.loss"},
                    "alt": [("after", "loss = self.trainer(batch)", {"renames": {"loss": "loss.loss"}})],
                    "note": "0.3.1 does zero_grad/backward/step inside BehaviorCloningTrainer.__call__: the probe "
                            "follows the backward into the functor; right after `loss = self.trainer(batch)` in "
                            "train() (the call that contains it; same value) is also accepted"}),
                **{v: ("after", "loss.backward()") for v in _MINI},
            },
        },
        "samples": {
            "text": 'flor.log("samples", num_samples_so_far)',
            "intent": "number of demonstration samples consumed so far, at the start of each minibatch step",
            "newest": ("first_in", "for ("),
            "versions": {
                0: ("na", "missing_dependency", "0.1.0 keeps no sample counter (only a per-epoch batch iterator)",
                    {"scope": "BCTrainer.train"}),
                1: ("after", "samples_so_far += self.batch_size", {
                    "renames": {"num_samples_so_far": "samples_so_far"},
                    "note": "the counter is advanced inside the loop body (in the newest enumerate_batches advances "
                            "it before yielding): after the increment, so that the same count is observed"}),
                2: ("after", "samples_so_far += batch_size", {
                    "renames": {"num_samples_so_far": "samples_so_far"},
                    "note": "as 0.1.1: after the in-loop increment, not first in the loop"}),
                3: ("first_in", "for (batch_num, batch_size, num_samples_so_far), batch in batches_with_stats:"),
                **{v: ("first_in", "for (") for v in _MINI},
            },
        },
        "batch_num": {
            "text": 'flor.log("batch_num", batch_num)',
            "intent": "index of the (full) batch, once it is known, right after the backward pass",
            "newest": ("after", "batch_num = batch_num * self.minibatch_size // self.batch_size"),
            "versions": {
                0: ("na", "missing_dependency", "0.1.0 counts no batches", {"scope": "BCTrainer.train"}),
                1: ("after", "_, stats_dict = self.sess.run(", {
                    "note": "no minibatch->batch conversion; the training step is the sess.run: after it, before "
                            "the stats/logging (batch_num is incremented at the loop start, and again at its end)"}),
                2: ("after", "loss.backward()", {
                    "note": "no minibatch->batch conversion before 0.3.2: the place keeps its position after the "
                            "backward and before the optimizer step (process_batch in the newest); batch_num is a "
                            "1-based counter incremented at the loop start"}),
                3: ("after", "loss = self.trainer(batch)", {
                    "note": "the backward happens inside self.trainer(batch): after it, before the logging if"}),
                **{v: ("after", "batch_num = batch_num * self.minibatch_size // self.batch_size") for v in _MINI},
            },
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch_number)',
            "intent": "the epoch that just ended, at the end of each epoch",
            "newest": ("after", "self._bc_logger.log_epoch(epoch_number + 1)"),
            "versions": {
                0: ("after", "epoch_iter.set_postfix(", {
                    "renames": {"epoch_number": "epoch_num"},
                    "note": "before 0.3.1 the epoch end is the end of the epoch loop body (no _on_epoch_end "
                            "closure): after the epoch progress-bar update, before the on_epoch_end callback"}),
                1: ("after", "while samples_so_far < (epoch_num + 1) * self.expert_dataset.size():", {
                    "renames": {"epoch_number": "epoch_num"},
                    "note": "end of the epoch loop body: after the inner batch loop, before the on_epoch_end callback"}),
                2: ("after", "for batch in self.expert_data_loader:", {
                    "renames": {"epoch_number": "epoch_num"},
                    "note": "end of the epoch loop body: after the inner batch loop, before the on_epoch_end callback"}),
                **{v: ("after", "self._bc_logger.log_epoch(epoch_number + 1)") for v in (3,) + _MINI},
            },
        },
        "rollout_stats": {
            "text": 'flor.log("rollout_stats", rollout_stats)',
            "intent": "rollout statistics computed at each logging step",
            "newest": ("after", "rollout_stats = compute_rollout_stats("),
            "versions": {
                **{v: ("na", "missing_dependency", "no rollout statistics are computed in train() before 0.3.1",
                       {"scope": "train"}) for v in (0, 1, 2)},
                **{v: ("after", "rollout_stats = compute_rollout_stats(", {
                    "note": "0.3.1: in the train loop under the logging if (no process_batch closure yet)"} if v == 3 else {})
                   for v in (3,) + _MINI},
            },
        },
        "n_minibatches": {
            "text": 'flor.log("n_minibatches", n_minibatches)',
            "intent": "number of minibatches the training run will draw (None when training by epochs)",
            "newest": ("after", "n_minibatches = n_batches * mini_per_batch if n_batches is not None else None"),
            "versions": {
                **{v: ("na", "missing_dependency", "train() takes n_epochs only before 0.3.1: there is no batch "
                       "budget", {"scope": "train"}) for v in (0, 1, 2)},
                3: ("before", "demonstration_batches = BatchIteratorWithEpochEndCallback(", {
                    "renames": {"n_minibatches": "n_batches"},
                    "note": "0.3.1 has no minibatches: n_batches is passed where the newest passes n_minibatches "
                            "(BatchIteratorWithEpochEndCallback, tqdm total), so it is the renamed value; the "
                            "assignment does not exist, the place is after _on_epoch_end's def and before "
                            "demonstration_batches. Unsure: could also be judged a substitute (n/a)"}),
                **{v: ("after", "n_minibatches = n_batches * mini_per_batch if n_batches is not None else None")
                   for v in _MINI},
            },
        },
        "log_step": {
            "text": 'flor.log("log_step", batch_num)',
            "intent": "batch index at each logging step, first thing in the logging branch",
            "newest": ("first_in", "if batch_num % log_interval == 0:"),
            "versions": {
                0: ("na", "missing_dependency", "0.1.0 has no batch counter and no log_interval",
                    {"scope": "BCTrainer.train"}),
                **{v: ("first_in", "if batch_num % log_interval == 0:", {
                    "note": "the logging branch is in the batch loop of train() before 0.3.2 (in the process_batch "
                            "closure from 0.3.2)"} if v in (1, 2, 3) else {}) for v in (1, 2, 3) + _MINI},
            },
        },
    },
}
