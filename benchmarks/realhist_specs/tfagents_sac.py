# tf-agents tf_agents/examples/sac/haarnoja18/sac_train_eval.py (train_eval), PyPI 0.7.1 .. 0.19.0 (v00 .. v05).
# Round 19, held out: written before the round's fixes, scored before any change made for it.
# (0.7.1-0.12.0 ship the file as tf_agents/experimental/examples/sac/haarnoja18/sac_train_eval.py.)
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tfagents_sac" / "versions.json").read_text())
OLDER = range(5)
_NO_STRATEGY = (0, 1)      # v00-v01: no `strategy` argument, train_step/agent built at function level
_LAMBDA_DS = (0, 1, 2)     # v00-v02: `dataset = ...as_dataset(...)` + `experience_dataset_fn = lambda: dataset`
_LOOP_EVAL = {"within": "if eval_interval and agent_learner.train_step_numpy"}
CASE = {
    "name": "tfagents_sac",
    "title": "tf-agents SAC train_eval (Actor/Learner + Reverb) across 0.7.1 .. 0.19.0 "
             "(keras-layer networks -> sequential networks, Reverb checkpointer, strategy.scope(), "
             "lambda dataset -> experience_dataset_fn(), experimental/ -> examples/, reformatting)",
    "stories": _V,
    "probes": {
        "action_spec": {
            "text": 'flor.log("action_spec", action_tensor_spec)',
            "intent": "action tensor spec of the collect env, right after the specs are derived",
            "newest": ("after", "_, action_tensor_spec, time_step_tensor_spec = spec_utils.get_tensor_specs("),
            "versions": dict(
                [(0, ("after", "observation_tensor_spec, action_tensor_spec, time_step_tensor_spec = (", {
                    "note": "0.7.1 still binds observation_tensor_spec (used by the old network constructors); "
                            "same statement, so after it"}))] +
                [(v, ("after", "_, action_tensor_spec, time_step_tensor_spec = (")) for v in range(1, 5)]),
        },
        "critic_net": {
            "text": 'flor.log("critic_net", critic_net.name)',
            "intent": "name of the critic network, right after it is built",
            "newest": ("after", "critic_net = create_sequential_critic_network("),
            "versions": dict(
                [(0, ("after", "critic_net = critic_network.CriticNetwork(", {
                    "note": "0.7.1 builds the critic with critic_network.CriticNetwork(...): same statement, "
                            "other constructor"}))] +
                [(v, ("after", "critic_net = create_sequential_critic_network(")) for v in range(1, 5)]),
        },
        "train_step_init": {
            "text": 'flor.log("train_step_init", int(train_step.numpy()))',
            "intent": "value of the train-step counter right after it is created (restored runs start > 0)",
            "newest": ("after", "train_step = train_utils.create_train_step()"),
            "versions": dict(
                [(v, ("after", "train_step = train_utils.create_train_step()", {
                    "note": "before 0.9.0 there is no `with strategy.scope():`; the counter is created at "
                            "function level, before the actor/critic networks (it moved into the scope in "
                            "0.9.0): unconditional equivalent, right after its creation"})) for v in _NO_STRATEGY] +
                [(v, ("after", "train_step = train_utils.create_train_step()")) for v in range(2, 5)]),
        },
        "num_replicas": {
            "text": 'flor.log("num_replicas", strategy.num_replicas_in_sync)',
            "intent": "number of replicas of the distribution strategy, once agent and counter are built",
            "newest": ("after", "with strategy.scope():"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.9.0 train_eval takes no `strategy` argument and main() builds none; "
                      "a constant 1 would be a substitute, not a rename", {"scope": "train_eval"}))
                 for v in _NO_STRATEGY] +
                [(v, ("after", "with strategy.scope():", {
                    "note": "after the whole with block (before table_name = ...)"})) for v in range(2, 5)]),
        },
        "reverb_ckpt_dir": {
            "text": 'flor.log("reverb_ckpt_dir", reverb_checkpoint_dir)',
            "intent": "directory the Reverb replay buffer is checkpointed to",
            "newest": ("after", "reverb_checkpoint_dir = os.path.join("),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.7.1 does not checkpoint the replay buffer: reverb_checkpoint_dir does not exist "
                      "(reverb.Server is built without a checkpointer)", {"scope": "train_eval"}))] +
                [(v, ("after", "reverb_checkpoint_dir = os.path.join(")) for v in range(1, 5)]),
        },
        "reverb_port": {
            "text": 'flor.log("reverb_port", reverb_port)',
            "intent": "requested Reverb port, right before the server is started (after its checkpointer is built)",
            "newest": ("after", "reverb_checkpointer = reverb.platform.checkpointers_lib.DefaultCheckpointer("),
            "versions": dict(
                [(0, ("after", "table = reverb.Table(", {
                    "note": "0.7.1 has no reverb checkpoint dir/checkpointer: the probe keeps its position "
                            "between the table and `reverb_server = reverb.Server(...)`"}))] +
                [(v, ("after", "reverb_checkpointer = reverb.platform.checkpointers_lib.DefaultCheckpointer("))
                 for v in range(1, 5)]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "sample batch size of the replay dataset, once the dataset function is defined",
            "newest": ("after", "def experience_dataset_fn():"),
            "versions": dict(
                [(v, ("after", "experience_dataset_fn = lambda: dataset", {
                    "note": "before 0.10.0 the dataset is built eagerly (`dataset = ...`) and "
                            "experience_dataset_fn is a lambda returning it: the lambda assignment plays the "
                            "role of the def (previous sibling), so after it, before saved_model_dir = ..."}))
                 for v in _LAMBDA_DS] +
                [(v, ("after", "def experience_dataset_fn():")) for v in (3, 4)]),
        },
        "env_steps": {
            "text": 'flor.log("env_steps", env_step_metric.result())',
            "intent": "environment steps so far, after each collect step in the training loop",
            "newest": ("after", "collect_actor.run()"),
            "versions": {v: ("after", "collect_actor.run()") for v in OLDER},
        },
        "eval_return": {
            "text": 'flor.log("eval_return", eval_actor.metrics[0].result())',
            "intent": "average eval return after each periodic evaluation inside the training loop",
            "newest": ("after", "eval_actor.run_and_log()", _LOOP_EVAL),
            "versions": {v: ("after", "eval_actor.run_and_log()", dict(_LOOP_EVAL, note=(
                "the in-loop eval branch, not the identical `if eval_interval:` block before the loop")))
                for v in OLDER},
        },
        "learner_step": {
            "text": 'flor.log("learner_step", agent_learner.train_step_numpy)',
            "intent": "train step at the end of every loop iteration, after the (conditional) evaluation",
            "newest": ("after", "if eval_interval and agent_learner.train_step_numpy % eval_interval == 0:"),
            "versions": {v: ("after", "if eval_interval and agent_learner.train_step_numpy % eval_interval == 0:", {
                "note": "after the whole eval `if` (last statement of the loop), not inside it"})
                for v in OLDER},
        },
    },
}
