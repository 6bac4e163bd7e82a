# rl-coach rl_coach/agents/agent.py (Agent.train + act + observe/observe_transition + handle_episode_ended), PyPI 0.9.5 .. 1.0.1 (v00 .. v05).
# Round 22, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "rlcoach_agent" / "versions.json").read_text())
_TRAIN = {"within": "def train("}
CASE = {
    "name": "rlcoach_agent",
    "title": "rl-coach Agent across 0.9.5 .. 1.0.1 (0.9.5: old monolithic agent with improve() loop and a "
             "one-batch train(); 0.11: train() owns the training-step loop, act/observe split; 0.12: "
             "training_schedule (batch RL), networks_parameters[0], batch_size, training_epoch, "
             "observe_transition, act(action=None))",
    "stories": _V,
    "probes": {
        "total_loss": {
            "text": 'flor.log("total_loss", total_loss)',
            "intent": "loss of every trained batch, right after learn_from_batch",
            "newest": ("after", "total_loss, losses, unclipped_grads = self.learn_from_batch(batch)"),
            "versions": dict(
                [(0, ("after", "loss = self.learn_from_batch(batch)", {
                    "renames": {"total_loss": "loss"},
                    "note": "0.9.5 train() trains one batch and learn_from_batch returns the loss as `loss`; "
                            "there is no `if len(batch) > 0:` guard there: unconditional equivalent"}))] +
                [(v, ("after", "total_loss, losses, unclipped_grads = self.learn_from_batch(batch)", {
                    "note": "loop is `for training_step in range(...)` before 0.12"} if v < 3 else {}))
                 for v in range(1, 5)]),
        },
        "training_iteration": {
            "text": 'flor.log("training_iteration", self.training_iteration)',
            "intent": "training-iteration counter, right after it is advanced for each batch",
            "newest": ("after", "self.training_iteration += 1", _TRAIN),
            "versions": dict(
                [(0, ("after", "self.training_iteration += 1", {
                    "note": "0.9.5 advances the counter in improve()'s `for step in range(num_consecutive_training_steps)` "
                            "loop, after self.train(): after the counter there"}))] +
                [(v, ("after", "self.training_iteration += 1", _TRAIN)) for v in range(1, 5)]),
        },
        "base_lr": {
            "text": 'flor.log("base_lr", networks_parameters[0].learning_rate)',
            "intent": "configured learning rate, after the learning-rate signal if/else of each trained batch",
            "newest": ("after", "if 'main' in self.ap.network_wrappers and \\"),
            "versions": dict(
                [(0, ("after", "if self.tp.learning_rate_decay_rate != 0:", {
                    "renames": {"networks_parameters[0]": "self.tp"},
                    "note": "0.9.5 reads the learning rate from self.tp (the parallel else branch adds "
                            "self.tp.learning_rate where newest adds networks_parameters[0].learning_rate): rename"}))] +
                [(v, ("after", "if network_parameters.learning_rate_decay_rate != 0:", {
                    "renames": {"networks_parameters[0]": "network_parameters"},
                    "note": "0.11 binds the first network's parameters as network_parameters inside the step loop "
                            "(else branch adds network_parameters.learning_rate): rename; after the whole if/else"}))
                 for v in (1, 2)] +
                [(v, ("after", "if 'main' in self.ap.network_wrappers and \\")) for v in (3, 4)]),
        },
        "target_update_iter": {
            "text": 'flor.log("target_update_iter", self.training_iteration)',
            "intent": "training iteration at which the target networks are updated (inside the update branch)",
            "newest": ("first_in", "if any([network.has_target for network in self.networks.values()]) \\"),
            "versions": dict(
                [(0, ("first_in", "if self.total_steps_counter % self.tp.agent.num_steps_between_copying_online_weights_to_target == 0:", {
                    "note": "0.9.5's target-update condition is a modulo on total_steps_counter: equivalent branch"}))] +
                [(v, ("first_in", "if any([network.has_target for network in self.networks.values()]) \\"))
                 for v in range(1, 5)]),
        },
        "training_epoch": {
            "text": 'flor.log("training_epoch", self.training_epoch)',
            "intent": "batch-RL epoch counter at the start of each training phase, after it is (conditionally) advanced",
            "newest": ("after", "if self.ap.is_batch_rl_training:", _TRAIN),
            "versions": dict(
                [(v, ("na", "missing_dependency", "self.training_epoch does not exist before 0.12.0",
                      {"scope": "Agent.train"})) for v in (0, 1, 2)] +
                [(3, ("after", "self.training_epoch += 1", {
                    "note": "0.12.0 advances training_epoch unconditionally; its image of the newest "
                            "`if self.ap.is_batch_rl_training:` block is that statement"}))] +
                [(4, ("after", "if self.ap.is_batch_rl_training:", _TRAIN))]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "batch size of the training phase, right after it is read from the network parameters",
            "newest": ("after", "batch_size = networks_parameters[0].batch_size"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.9.5 train() samples with self.tp.batch_size directly; no batch_size variable "
                      "(self.tp.batch_size would be a substitute, not a rename)",
                      {"scope": "Agent.train", "probe_site": ("before", "batch = self.memory.sample(self.tp.batch_size)")}))] +
                [(v, ("na", "missing_dependency",
                      "0.11 has no batch_size variable; the batch size is network_parameters.batch_size, bound only "
                      "inside the step loop, after the place (before the loop)",
                      {"scope": "Agent.train", "probe_site": ("before", "for training_step in range(")})) for v in (1, 2)] +
                [(v, ("after", "batch_size = networks_parameters[0].batch_size")) for v in (3, 4)]),
        },
        "episode_reward": {
            "text": 'flor.log("episode_reward", self.total_reward_in_current_episode)',
            "intent": "total reward of each finished episode, after the evaluation bookkeeping and before update_log",
            "newest": ("after", "if self.phase == RunPhase.TEST:", {"within": "def handle_episode_ended("}),
            "versions": dict(
                [(0, ("first_in", "if result['done']:", {
                    "note": "0.9.5 has no handle_episode_ended(); episode end is handled in act() under "
                            "`if result['done']:` (equivalent condition), before update_log/log_to_screen; "
                            "there is no evaluation-accumulation block there"}))] +
                [(v, ("after", "if self.phase == RunPhase.TEST:", {"within": "def handle_episode_ended("}))
                 for v in range(1, 5)]),
        },
        "action": {
            "text": 'flor.log("action", self.last_action_info.action)',
            "intent": "action chosen at each act() call, right after it is recorded in last_action_info",
            "newest": ("after", "self.last_action_info = action"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.9.5 has no last_action_info / ActionInfo; act() keeps a raw local `action` plus an "
                      "action_info dict (a substitute, not a rename)", {"scope": "Agent.act"}))] +
                [(v, ("after", "if self.phase == RunPhase.HEATUP and not self.ap.algorithm.heatup_using_network_decisions:", {
                    "note": "0.11 assigns self.last_action_info inside both branches of the heatup/informed if/else: "
                            "after the whole if/else, before output_filter"})) for v in (1, 2)] +
                [(v, ("after", "self.last_action_info = action")) for v in (3, 4)]),
        },
        "shaped_reward": {
            "text": 'flor.log("shaped_reward", transition.reward)',
            "intent": "shaped reward of each observed transition, right after it is added to the episode total",
            "newest": ("after", "self.total_shaped_reward_in_current_episode += transition.reward",
                       {"within": "def observe_transition("}),
            "versions": dict(
                [(0, ("after", "if 'action_intrinsic_reward' in action_info.keys():", {
                    "renames": {"transition.reward": "shaped_reward"},
                    "note": "0.9.5 act() computes the shaped reward as the local shaped_reward (the transition is "
                            "built later from it, only in TRAIN/HEATUP) and keeps no shaped total; after the "
                            "intrinsic-reward merge, where 0.11 accumulates the shaped total, before "
                            "total_reward_in_current_episode += ... . Judgment call: rename vs n/a"}))] +
                [(v, ("after", "self.total_shaped_reward_in_current_episode += transition.reward", {
                    "within": "def observe(",
                    "note": "0.11 does it inline in observe()'s else branch (the only caller of the newest "
                            "observe_transition is that branch); the duplicate in emulate_observe_on_trainer is not it"}))
                 for v in (1, 2)] +
                [(v, ("after", "self.total_shaped_reward_in_current_episode += transition.reward",
                      {"within": "def observe_transition("})) for v in (3, 4)]),
        },
    },
}
