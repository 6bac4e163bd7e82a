# sample-factory sample_factory/algo/learning/learner.py (Learner._train, Learner.train), PyPI 1.0.5 .. 2.1.1 (v00 .. v05).
# Round 20, held out: written before the round's fixes, scored before any change made for it.
# Before 2.0 the file is sample_factory/algorithms/appo/learner.py and train() is _process_training_data().
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "samplefactory_learner" / "versions.json").read_text())
OLDER = range(5)
_V1 = range(4)          # v00-v03: 1.x APPO learner (ppo_epochs, inline losses, aux loss module, policy_versions)
_V2 = (4,)              # v04: 2.0.3, _train identical to the newest (2.1.1)
CASE = {
    "name": "samplefactory_learner",
    "title": "sample-factory Learner._train across 1.0.5 .. 2.1.1 (ppo_epochs -> num_epochs, inline loss "
             "computation -> _calculate_losses, valids masking, KL loss and per-minibatch KL, LR schedulers, "
             "curr_lr/actual_lr, sampled summaries epoch/batch, _process_training_data -> train())",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "PPO epoch index, at the start of every epoch",
            "newest": ("first_in", "for epoch in range(self.cfg.num_epochs):"),
            "versions": dict(
                [(v, ("first_in", "for epoch in range(self.cfg.ppo_epochs):", {
                    "note": "1.x loops over cfg.ppo_epochs (renamed cfg.num_epochs in 2.0); same loop"}))
                 for v in _V1] +
                [(4, ("first_in", "for epoch in range(self.cfg.num_epochs):"))]),
        },
        "value_loss": {
            "text": 'flor.log("value_loss", float(value_loss))',
            "intent": "critic loss of every minibatch, right after the losses are computed and before they are combined",
            "newest": ("after", 'with timing.add_time("calculate_losses"):'),
            "versions": dict(
                [(v, ("after", "value_loss = self._value_loss(", {
                    "note": "1.x computes the losses inline in the 'losses' block, interleaved with the combination "
                            "(actor_loss and epoch_actor_losses come before value_loss); the probe goes right after "
                            "value_loss is computed and before `critic_loss = value_loss`, as in the newest version"}))
                 for v in _V1] +
                [(4, ("after", 'with timing.add_time("calculate_losses"):'))]),
        },
        "actor_loss": {
            "text": 'flor.log("actor_loss", float(actor_loss))',
            "intent": "actor (policy + exploration + kl) loss of every minibatch, after it is stored for early stopping",
            "newest": ("after", "epoch_actor_losses[batch_num] = float(actor_loss)"),
            "versions": dict(
                [(v, ("after", "epoch_actor_losses.append(actor_loss.item())", {
                    "note": "1.x appends to epoch_actor_losses instead of assigning by batch_num; same statement"}))
                 for v in _V1] +
                [(4, ("after", "epoch_actor_losses[batch_num] = float(actor_loss)"))]),
        },
        "loss": {
            "text": 'flor.log("loss", float(loss))',
            "intent": "total minibatch loss, right after actor and critic losses are summed",
            "newest": ("after", "loss: Tensor = actor_loss + critic_loss"),
            "versions": dict(
                [(0, ("after", "loss = actor_loss + critic_loss", {
                    "note": "1.0.5 adds the aux loss only after the high-loss warning `if` (which follows the probe "
                            "in the newest version), so only the place right after the sum keeps the order"}))] +
                [(v, ("after", "loss = actor_loss + critic_loss", {
                    "alt": [("after", "if self.aux_loss_module is not None:", {"within": "add_time('losses')"})],
                    "note": "the `if self.aux_loss_module is not None: ... loss = loss + aux_loss` block right after "
                            "the sum has no counterpart in 2.x (no aux losses): either side of it"}))
                 for v in (1, 2, 3)] +
                [(4, ("after", "loss: Tensor = actor_loss + critic_loss"))]),
        },
        "kl_old_mean": {
            "text": 'flor.log("kl_old_mean", kl_old_mean)',
            "intent": "mean KL divergence to the behaviour policy of every minibatch",
            "newest": ("after", "recent_kls.append(kl_old_mean)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.123 the KL divergence to the behaviour policy is computed only inside "
                      "_record_summaries (when summaries are written); _train binds no kl_old_mean",
                      {"scope": "_train", "probe_site": ("before", "with timing.add_time('update'):")}))
                 for v in (0, 1, 2)] +
                [(3, ("after", "recent_kls.append(kl_old_mean)"))] +
                [(4, ("after", "recent_kls.append(kl_old_mean)"))]),
        },
        "actual_lr": {
            "text": 'flor.log("actual_lr", actual_lr)',
            "intent": "learning rate actually applied for this minibatch (scaled down for masked data)",
            "newest": ("after", "self._apply_lr(actual_lr)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "1.x has no per-minibatch scaled learning rate (no actual_lr, no curr_lr); the optimizer's "
                      "param-group lr would be a substitute value, not a rename", {"scope": "_train"}))
                 for v in _V1] +
                [(4, ("after", "self._apply_lr(actual_lr)"))]),
        },
        "summary_grad_norm": {
            "text": 'flor.log("summary_grad_norm", stats_and_summaries.grad_norm)',
            "intent": "gradient norm from the train summaries, whenever summaries are recorded",
            "newest": ("after", "stats_and_summaries = self._record_summaries(AttrDict(summary_vars))"),
            "versions": dict(
                [(v, ("after", "stats_and_summaries = self._record_summaries(AttrDict(locals()))", {
                    "note": "inside `if with_summaries and not summary_this_epoch:` (1.x: first due minibatch of "
                            "an epoch), the equivalent of `if should_record_summaries:` (2.x: a sampled "
                            "epoch/minibatch); _record_summaries computes grad_norm in every version"}))
                 for v in _V1] +
                [(4, ("after", "stats_and_summaries = self._record_summaries(AttrDict(summary_vars))"))]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "optimizer param-group learning rate at the end of every epoch, after the per-epoch LR scheduler step",
            "newest": ("after", "if self.lr_scheduler.invoke_after_each_epoch():"),
            "versions": dict(
                [(v, ("after", "for batch_num in range(len(minibatches)):", {
                    "alt": [("after", "self.policy_versions[self.policy_id] = self.train_step")],
                    "note": "no LR scheduler before 1.123: first statement of the epoch end, after the minibatch "
                            "loop and before new_epoch_actor_loss; the epoch-level policy_versions update has no "
                            "counterpart there in 2.x (moved into the minibatch loop): either side of it"}))
                 for v in (0, 1, 2)] +
                [(3, ("after", "if self.lr_scheduler.invoke_after_each_epoch():", {
                    "alt": [("after", "self.policy_versions[self.policy_id] = self.train_step")],
                    "note": "after the whole per-epoch scheduler `if`; the epoch-level policy_versions update "
                            "that follows it has no counterpart there in 2.x: either side of it"}))] +
                [(4, ("after", "if self.lr_scheduler.invoke_after_each_epoch():"))]),
        },
        "epoch_actor_loss": {
            "text": 'flor.log("epoch_actor_loss", new_epoch_actor_loss)',
            "intent": "mean actor loss of the epoch, before the early-stopping check",
            "newest": ("after", "new_epoch_actor_loss = float(np.mean(epoch_actor_losses))"),
            "versions": dict(
                [(v, ("after", "new_epoch_actor_loss = np.mean(epoch_actor_losses)")) for v in _V1] +
                [(4, ("after", "new_epoch_actor_loss = float(np.mean(epoch_actor_losses))"))]),
        },
        "env_steps": {
            "text": 'flor.log("env_steps", self.env_steps)',
            "intent": "learner's env-step counter, right after it is advanced for a training batch",
            "newest": ("after", "if self.cfg.summaries_use_frameskip:"),
            "versions": dict(
                [(v, ("after", "self.env_steps += env_steps", {
                    "note": "1.x advances env_steps in _process_training_data (the counterpart of 2.x train()) "
                            "from the batch's env_steps, before calling _train; after the increment, "
                            "unconditional (1.x has no all-invalid-batch branch)"}))
                 for v in _V1] +
                [(4, ("after", "if self.cfg.summaries_use_frameskip:"))]),
        },
    },
}
