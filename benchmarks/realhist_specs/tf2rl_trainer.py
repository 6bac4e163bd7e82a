# tf2rl tf2rl/experiments/trainer.py (Trainer.__call__ + evaluate_policy + checkpoint restore), PyPI 0.1.5 .. 1.1.5 (v00 .. v07).
# Round 28, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tf2rl_trainer" / "versions.json").read_text())
OLDER = range(7)
_INLINE_CKPT = range(3)     # v00-v02: checkpoint built and restored inline in __init__ (checkpoint, path_ckpt)
_NO_NORM = range(2)         # v00-v01: evaluate_policy has no observation-normalizer block
_DONE = {"within": "if done or episode_steps == self._episode_max_steps"}
_EVAL_LOOP = {"within": "for _ in range(self._episode_max_steps)"}
_CONT = {"n": 2, "of": 2}   # the warm-up `continue` guard (the first match is the action-sampling if/else)
_UPDATE = {"within": "total_steps % self._policy.update_interval == 0"}
CASE = {
    "name": "tf2rl_trainer",
    "title": "tf2rl Trainer across 0.1.5 .. 1.1.5 (evaluation nested in the update block -> its own block "
             "after a warm-up `continue`, train() wrapped in tf.summary.record_if, checkpoint restore moved "
             "from __init__ into _set_check_point with path_ckpt -> self._latest_path_ckpt, observation "
             "normalizer, evaluate-only mode, episode-length metrics)",
    "stories": _V,
    "probes": {
        "restored_ckpt": {
            "text": 'flor.log("restored_ckpt", self._latest_path_ckpt)',
            "intent": "path of the checkpoint restored when a model directory is given",
            "newest": ("after", "self._checkpoint.restore(self._latest_path_ckpt)", {"within": "if model_dir is not None"}),
            "versions": dict(
                [(v, ("after", "checkpoint.restore(path_ckpt)", {
                    "renames": {"self._latest_path_ckpt": "path_ckpt"},
                    "note": "before 0.1.12 the restore is inline in __init__ under `if args.model_dir is not None:` "
                            "and the restored path is the local `path_ckpt` (moved code + rename)"}))
                 for v in _INLINE_CKPT] +
                [(v, ("after", "self._checkpoint.restore(self._latest_path_ckpt)", {"within": "if model_dir is not None"}))
                 for v in range(3, 7)]),
        },
        "max_steps": {
            "text": 'flor.log("max_steps", self._max_steps)',
            "intent": "training budget, at the start of every training run (after the evaluate-only branch)",
            "newest": ("after", "if self._evaluate:"),
            "versions": {v: ("first_in", "def __call__(self):", {
                "note": "the `if self._evaluate:` branch is new in 1.1.x: the probe keeps its place before "
                        "`total_steps = 0`, the first statement of __call__"}) for v in OLDER},
        },
        "fps": {
            "text": 'flor.log("fps", fps)',
            "intent": "environment steps per second of each finished episode",
            "newest": ("after", "fps = episode_steps / (time.perf_counter() - episode_start_time)"),
            "versions": dict(
                [(0, ("after", "fps = episode_steps / (time.time() - episode_start_time)", {
                    "note": "0.1.5 times episodes with time.time(); same statement"}))] +
                [(v, ("after", "fps = episode_steps / (time.perf_counter() - episode_start_time)")) for v in range(1, 7)]),
        },
        "episode_return": {
            "text": 'flor.log("episode_return", episode_return)',
            "intent": "return of each finished training episode, after its summaries, before the counters are reset",
            "newest": ("after", 'tf.summary.scalar(name="Common/training_episode_length"'),
            "versions": {v: ("before", "episode_steps = 0", dict(_DONE, note=
                "the training_episode_length summary is new in 1.1.x: after the training_return summary, "
                "before the counters are reset")) for v in OLDER},
        },
        "learning_steps": {
            "text": 'flor.log("learning_steps", total_steps - self._policy.n_warmup)',
            "intent": "steps since warm-up ended, on every post-warm-up iteration (after the warm-up `continue`)",
            "newest": ("after", "if total_steps < self._policy.n_warmup:", _CONT),
            "versions": dict(
                [(0, ("before", "if total_steps >= self._policy.n_warmup and total_steps % self._policy.update_interval == 0:", {
                    "note": "judgment call: 0.1.5 has no warm-up `continue`; the warm-up test is a conjunct of the "
                            "update condition (together with update_interval), so no place has exactly the newest "
                            "condition. Taken as the unconditional equivalent between the episode-end block and "
                            "the update block; not inside the update block (that would add the update_interval "
                            "condition)"}))] +
                [(v, ("after", "if total_steps < self._policy.n_warmup:", _CONT))
                 for v in range(1, 7)]),
        },
        "batch_mean_reward": {
            "text": 'flor.log("batch_mean_reward", float(np.mean(samples["rew"])))',
            "intent": "mean reward of each sampled training batch, right after the policy update",
            "newest": ("after", "with tf.summary.record_if(total_steps % self._save_summary_interval == 0):"),
            "versions": dict(
                [(0, ("after", "self._policy.train(", dict(_UPDATE, note=
                    "0.1.5 calls self._policy.train(...) bare, without the tf.summary.record_if wrapper: after the "
                    "train call inside the (warm-up and update_interval) update block")))] +
                [(v, ("after", "with tf.summary.record_if(total_steps % self._save_summary_interval == 0):"))
                 for v in range(1, 7)]),
        },
        "avg_test_return": {
            "text": 'flor.log("avg_test_return", avg_test_return)',
            "intent": "average evaluation return, at the end of every evaluation block",
            "newest": ("after", 'tf.summary.scalar(name="Common/fps", data=fps)'),
            "versions": dict(
                [(0, ("after", 'tf.summary.scalar(name="Common/fps", data=fps)', {
                    "alt": [("after", "self.writer.flush()")],
                    "note": "0.1.5 evaluates inside the update block (`if total_steps >= n_warmup and ... "
                            "update_interval == 0:` -> `if total_steps % self._test_interval == 0:`): that nested "
                            "test block is the equivalent condition. self.writer.flush() (gone in 1.1.x) may be on "
                            "either side"}))] +
                [(v, ("after", 'tf.summary.scalar(name="Common/fps", data=fps)', {
                    "alt": [("after", "self.writer.flush()")],
                    "note": "self.writer.flush() ends the test block before 1.1.x and has no counterpart in the "
                            "newest version: either side of it"}))
                 for v in range(1, 7)]),
        },
        "avg_test_steps": {
            "text": 'flor.log("avg_test_steps", avg_test_steps)',
            "intent": "average evaluation episode length, right after each evaluation",
            "newest": ("after", "avg_test_return, avg_test_steps = self.evaluate_policy(total_steps)"),
            "versions": {v: ("na", "missing_dependency",
                             "evaluate_policy returns only the average return before 1.1.x; no episode-length "
                             "average exists (a substitute such as self._episode_max_steps is not a rename)")
                         for v in OLDER},
        },
        "test_episodes": {
            "text": 'flor.log("test_episodes", self._test_episodes)',
            "intent": "number of evaluation episodes, once per evaluation, after the normalizer sync",
            "newest": ("after", "if self._normalize_obs:", {"within": "def evaluate_policy("}),
            "versions": dict(
                [(v, ("before", "avg_test_return = 0.", {
                    "note": "before 0.1.10 evaluate_policy has neither the set_step call nor the normalizer block: "
                            "the first statement of evaluate_policy, before `avg_test_return = 0.`"}))
                 for v in _NO_NORM] +
                [(v, ("after", "if self._normalize_obs:", {"within": "def evaluate_policy("})) for v in range(2, 7)]),
        },
        "test_reward": {
            "text": 'flor.log("test_reward", reward)',
            "intent": "reward of every evaluation step, after the step counter",
            "newest": ("after", "avg_test_steps += 1", _EVAL_LOOP),
            "versions": {v: ("after", "next_obs, reward, done, _ = self._test_env.step(action)", {
                "note": "the per-step avg_test_steps counter is new in 1.1.x: right after the evaluation env step"})
                for v in OLDER},
        },
    },
}
