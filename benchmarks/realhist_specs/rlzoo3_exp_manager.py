# rl-zoo3 rl_zoo3/exp_manager.py (ExperimentManager: setup_experiment, learn, _preprocess_hyperparams,
# create_callbacks, read_hyperparameters, and the optuna loop: objective / hyperparameters_optimization),
# PyPI 1.6.2 .. 2.9.2 (v00 .. v11).
# Round 31, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "rlzoo3_exp_manager" / "versions.json").read_text())
OLDER = range(11)
# v00 1.6.2: yaml_file, TQDMCallback, `hyperparams, saved_hyperparams = self.read_hyperparameters()`; objective hacks
#            trial.n_actions / trial.using_her_replay_buffer / trial.her_kwargs onto the trial, samples with
#            HYPERPARAMS_SAMPLER[algo](trial), then n_envs; learn: `if self.log_interval > -1:` only
# v01 1.6.2.post1: package default_path; skopt import moved into _create_sampler
# v02 1.6.3: ProgressBarCallback, progress bar closed in learn's finally, hyperparams always printed
# v03 1.7.0: config (yaml / .py / module), self.monitor_kwargs (monitor_kwargs preprocessing), custom policy class,
#            make_env from gym.spec
# v04 1.8.0: lint only; v05 2.0.0: gymnasium (+ gym 0.26 fallback), is_minigrid, entry_point()
# v06 2.2.1: eval_env_kwargs; `unprocessed_hyperparams, saved_hyperparams = ...`; objective: n_envs first, then
#            additional_args = {using_her_replay_buffer, her_kwargs} passed to the sampler (no trial.* hacks);
#            asserts for mypy
# v07 2.5.0: builtin generics (dict/list/tuple)
# v08 2.6.0: default_vec_env_cls, trial_id + load_trial (study_hyperparams in read_hyperparameters),
#            `elif self.log_interval < -1:` in learn, command.txt, n_actions computed for every Box space, journal
#            storage, optunahub auto sampler, user attrs printed
# v09 2.7.0: SimpleLinearSchedule / ConstantSchedule
# v10 2.8.0: X | None annotations, env_kwargs printed / command-line env_kwargs override, "default" hyperparams,
#            study user attrs saved
# v11 2.9.2: objective frees the envs in `finally:`, gc_after_trial=True
_OBJ = {"within": "def objective("}
_HOPT = {"within": "def hyperparameters_optimization("}
CASE = {
    "name": "rlzoo3_exp_manager",
    "title": "rl-zoo3 ExperimentManager across 1.6.2 .. 2.9.2 (gym -> gymnasium, yaml_file -> config, monitor_kwargs, "
             "hyperparams -> unprocessed_hyperparams, optuna objective: trial attribute hacks -> additional_args, "
             "load_trial, log_interval elif, envs freed in finally)",
    "stories": _V,
    "probes": {
        "n_hyperparams": {
            "text": 'flor.log("n_hyperparams", len(unprocessed_hyperparams))',
            "intent": "number of hyperparameters read for this env (before preprocessing removes n_envs, n_timesteps, ...)",
            "newest": ("after", "unprocessed_hyperparams, saved_hyperparams = self.read_hyperparameters()"),
            "versions": dict(
                [(v, ("after", "hyperparams, saved_hyperparams = self.read_hyperparameters()", {
                    "renames": {"unprocessed_hyperparams": "hyperparams"},
                    "note": "before 2.2.1 the dict returned by read_hyperparameters is called hyperparams (the same "
                            "name is then rebound to the preprocessed dict on the next line): right after the read, "
                            "it is the unprocessed dict"}))
                 for v in range(6)] +
                [(v, ("after", "unprocessed_hyperparams, saved_hyperparams = self.read_hyperparameters()"))
                 for v in range(6, 11)]),
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in model.policy.parameters()))',
            "intent": "number of policy parameters of the model about to be trained (built from scratch or loaded)",
            "newest": ("after", "if self.continue_training:"),
            "versions": {v: ("after", "if self.continue_training:", {
                "note": "after the whole if/elif/else (model is bound by the if or the else; the elif returns), "
                        "not at the end of the else branch"} if v == 0 else {}) for v in OLDER},
        },
        "log_interval": {
            "text": 'flor.log("log_interval", kwargs.get("log_interval"))',
            "intent": "log_interval actually passed to model.learn, once learn() has decided it",
            "newest": ("after", "if self.log_interval > -1:"),
            "versions": dict(
                [(v, ("after", "if self.log_interval > -1:", {
                    "note": "before 2.6.0 there is no `elif self.log_interval < -1:` branch: after the plain if"}))
                 for v in range(8)] +
                [(v, ("after", "if self.log_interval > -1:")) for v in range(8, 11)]),
        },
        "num_timesteps": {
            "text": 'flor.log("num_timesteps", model.num_timesteps)',
            "intent": "timesteps the model actually trained for, when model.learn returns normally (inside the try)",
            "newest": ("after", "model.learn(self.n_timesteps, **kwargs)"),
            "versions": {v: ("after", "model.learn(self.n_timesteps, **kwargs)") for v in OLDER},
        },
        "monitor_kwargs": {
            "text": 'flor.log("monitor_kwargs", self.monitor_kwargs)',
            "intent": "Monitor wrapper kwargs after the hyperparameter preprocessing has (maybe) taken them from the config",
            "newest": ("after", 'if "monitor_kwargs" in hyperparams.keys():'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.7.0 there is no self.monitor_kwargs: monitor kwargs are not configurable, create_envs "
                      "builds a local monitor_kwargs dict for robotics envs only", {"scope": "_preprocess_hyperparams"}))
                 for v in range(3)] +
                [(v, ("after", 'if "monitor_kwargs" in hyperparams.keys():')) for v in range(3, 11)]),
        },
        "eval_freq": {
            "text": 'flor.log("eval_freq", self.eval_freq)',
            "intent": "evaluation frequency per env step once divided by n_envs, when an eval callback is created",
            "newest": ("after", "self.eval_freq = max(self.eval_freq // self.n_envs, 1)"),
            "versions": {v: ("after", "self.eval_freq = max(self.eval_freq // self.n_envs, 1)") for v in OLDER},
        },
        "using_her": {
            "text": 'flor.log("using_her", additional_args["using_her_replay_buffer"])',
            "intent": "whether the trial's sampler is told a HER replay buffer is used, once the sampler's extra "
                      "arguments are set up, before sampling",
            "newest": ("after", "additional_args = {"),
            "versions": dict(
                [(v, ("after", "if trial.using_her_replay_buffer:", {
                    "renames": {'additional_args["using_her_replay_buffer"]': "trial.using_her_replay_buffer"},
                    "alt": [("after", "trial.using_her_replay_buffer = ", {
                        "renames": {'additional_args["using_her_replay_buffer"]': "trial.using_her_replay_buffer"}})],
                    "note": "before 2.2.1 the same flag (same expression, kwargs.get('replay_buffer_class') == "
                            "HerReplayBuffer) is stored on the trial (`trial.using_her_replay_buffer = ...`) and "
                            "her_kwargs is set by the `if trial.using_her_replay_buffer:` that follows; together they "
                            "are the old additional_args: primary after that if (right before the sampler call, as in "
                            "the newest), also accepted right after the flag's assignment"}))
                 for v in range(6)] +
                [(v, ("after", "additional_args = {")) for v in range(6, 11)]),
        },
        "trial_n_envs": {
            "text": 'flor.log("trial_n_envs", n_envs)',
            "intent": "number of training envs of each optuna trial",
            "newest": ("after", 'n_envs = 1 if self.algo == "ars" else self.n_envs'),
            "versions": {v: ("after", 'n_envs = 1 if self.algo == "ars" else self.n_envs', {
                "note": "before 2.2.1 n_envs is computed after sampling (after kwargs.update(sampled_hyperparams)), "
                        "not at the top of objective: the probe follows the statement it observes"} if v < 6 else {})
                for v in OLDER},
        },
        "trial_reward": {
            "text": 'flor.log("trial_reward", reward)',
            "intent": "last mean evaluation reward of each optuna trial (its objective value)",
            "newest": ("after", "reward = eval_callback.last_mean_reward"),
            "versions": {v: ("after", "reward = eval_callback.last_mean_reward") for v in OLDER},
        },
        "completed_trials": {
            "text": 'flor.log("completed_trials", completed_trials)',
            "intent": "number of trials already in the study when max_total_trials is set, before optimizing",
            "newest": ("after", "completed_trials = len("),
            "versions": {v: ("after", "completed_trials = len(") for v in OLDER},
        },
        "study_hyperparams": {
            "text": 'flor.log("study_hyperparams", study_hyperparams)',
            "intent": "hyperparameters loaded from a previous optuna study (--trial-id), when given",
            "newest": ("after", "study_hyperparams = self.load_trial("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "loading hyperparameters from an optuna study (trial_id, load_trial) arrives in 2.6.0",
                      {"scope": "read_hyperparameters"})) for v in range(8)] +
                [(v, ("after", "study_hyperparams = self.load_trial(")) for v in range(8, 11)]),
        },
    },
}
