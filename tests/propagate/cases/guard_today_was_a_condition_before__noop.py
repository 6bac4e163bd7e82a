# case: Propagating twice changes nothing: the old version already logs inside its `if process_id == 0:`
# === new
import flor


def train(state, num_evals, process_id, save_checkpoint_path, run_evals):
    for it in range(num_evals):
        state, training_metrics = train_epoch(state)
        if process_id != 0:
            continue
        params = unpmap((state.normalizer_params, state.params.policy))
        policy_params_fn(it, make_policy, params)
        if save_checkpoint_path is not None:
            checkpoint.save(save_checkpoint_path, it, params)
        if num_evals > 0:
            metrics = training_metrics
            if run_evals:
                metrics = evaluator.run_evaluation(params, training_metrics)
            flor.log("eval_reward", metrics["eval/episode_reward"])
            logging.info(metrics)
            progress_fn(it, metrics)
    return state
# === old
import flor


def train(state, num_evals, process_id):
    for it in range(num_evals):
        state, training_metrics = train_epoch(state)
        if process_id == 0:
            metrics = evaluator.run_evaluation(unpmap((state.normalizer_params, state.params.policy)), training_metrics)
            flor.log("eval_reward", metrics["eval/episode_reward"])
            logging.info(metrics)
            progress_fn(it, metrics)
            params = unpmap((state.normalizer_params, state.params.policy))
            policy_params_fn(it, make_policy, params)
    return state
# === expected
<unchanged>
# === diagnostics
present eval_reward
