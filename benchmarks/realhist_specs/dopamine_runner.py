# dopamine-rl dopamine/discrete_domains/run_experiment.py (Runner._run_one_phase / _run_one_episode / _run_train_phase / run_experiment), PyPI 1.0.0 .. 4.1.2 (v00 .. v10).
# Round 13, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "dopamine_runner" / "versions.json").read_text())
OLDER = range(10)
# v00 (1.0.0) .. v02 (1.0.4) live at dopamine/atari/run_experiment.py; moved to discrete_domains in 2.0.0 (v03).
# v05 (3.1.0): absl logging, average_steps_per_second.  v06 (3.1.9): `if self._clip_rewards:`, _end_episode(reward,
# is_terminal).  v07 (4.0.5): collector dispatcher, `if self._fine_grained_print_to_console:`, summary writer may be
# None.  v08 (4.0.7): reformatted, tqdm iteration loop.  v09 (4.1.0): _run_continued_episode (max_steps_per_episode=None).
_EPISODE = {"within": "def _run_one_episode("}
_PHASE = {"within": "def _run_one_phase("}
_RUNNER = {"within": "class Runner("}
_TRAIN_RUNNER = {"within": "class TrainRunner("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "dopamine_runner",
    "title": "dopamine Runner episode/phase/iteration loops across 1.0.0 .. 4.1.2 (atari -> discrete_domains, "
             "tf.logging -> absl, steps/second statistic, optional reward clipping and terminal-aware _end_episode, "
             "collector dispatcher and optional console print, tqdm loop, continued episodes)",
    "stories": _V,
    "probes": {
        "iteration": {
            "text": 'flor.log("iteration", iteration)',
            "intent": "iteration number at the start of each train/eval iteration, right after the start message",
            "newest": ("after", "logging.info('Starting iteration %d', iteration)"),
            "versions": dict(
                [(0, ("after", "statistics = iteration_statistics.IterationStatistics()", _w(_RUNNER, note=
                      "1.0.0 has no 'Starting iteration' message: after the statistics object is created, before "
                      "the train phase (the position it keeps relative to the surviving statements)")))] +
                [(v, ("after", "tf.logging.info('Starting iteration %d', iteration)")) for v in range(1, 5)] +
                [(v, ("after", "logging.info('Starting iteration %d', iteration)")) for v in range(5, 10)]),
        },
        "episode_length": {
            "text": 'flor.log("episode_length", episode_length)',
            "intent": "length of each episode of a phase, right after the episode has been run",
            "newest": ("after", "if self._max_steps_per_episode is None:", _PHASE),
            "versions": dict(
                [(v, ("after", "episode_length, episode_return = self._run_one_episode()", {
                      "note": "before 4.1.0 there is no continued-episode branch: the single unconditional "
                              "_run_one_episode() call is the image of the whole if/else"})) for v in range(9)] +
                [(9, ("after", "if self._max_steps_per_episode is None:", _PHASE))]),
        },
        "phase_steps": {
            "text": 'flor.log("phase_steps", step_count)',
            "intent": "steps executed so far in the phase, at the end of each episode iteration (after the console print)",
            "newest": ("after", "if self._fine_grained_print_to_console:"),
            "versions": dict(
                [(v, ("after", "sys.stdout.flush()", {
                      "note": "before 4.0.5 the console print is unconditional: after sys.stdout.flush(), the end "
                              "of the episode-loop body"})) for v in range(7)] +
                [(v, ("after", "if self._fine_grained_print_to_console:")) for v in range(7, 10)]),
        },
        "clipped_reward": {
            "text": 'flor.log("clipped_reward", reward)',
            "intent": "reward of each environment step after (optional) clipping",
            "newest": ("after", "if self._clip_rewards:", _EPISODE),
            "versions": dict(
                [(v, ("after", "reward = np.clip(reward, -1, 1)", {
                      "note": "before 3.1.9 rewards are always clipped: after the unconditional np.clip"}))
                 for v in range(6)] +
                [(v, ("after", "if self._clip_rewards:")) for v in (6, 7, 8)] +
                [(9, ("after", "if self._clip_rewards:", _EPISODE))]),
        },
        "life_lost_step": {
            "text": 'flor.log("life_lost_step", step_number)',
            "intent": "step of the episode at which a life is lost (artificial end of episode), in the elif branch",
            "newest": ("after", "self._end_episode(reward, is_terminal)", {"n": 1, "of": 4}),
            "versions": dict(
                [(v, ("after", "self._agent.end_episode(reward)", {
                      "within": "while True:",
                      "note": "before 3.1.9 the elif branch calls self._agent.end_episode(reward) directly; same "
                              "statement (its image), inside `elif is_terminal:`"})) for v in range(6)] +
                [(v, ("after", "self._end_episode(reward, is_terminal)", {"n": 1, "of": 2})) for v in (6, 7, 8)] +
                [(9, ("after", "self._end_episode(reward, is_terminal)", {"n": 1, "of": 4}))]),
        },
        "steps_per_sec": {
            "text": 'flor.log("steps_per_sec", average_steps_per_second)',
            "intent": "training throughput of each train phase, right after it is computed",
            "newest": ("after", "average_steps_per_second = number_steps / time_delta"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 3.1.0 the throughput is only computed inline inside the tf.logging.info call "
                      "(number_steps / time_delta); no variable average_steps_per_second exists and substituting "
                      "the expression is not a rename", {"scope": "_run_train_phase"})) for v in range(5)] +
                [(v, ("after", "average_steps_per_second = number_steps / time_delta")) for v in range(5, 10)]),
        },
        "eval_return": {
            "text": 'flor.log("eval_return", average_reward_eval)',
            "intent": "average evaluation return of the iteration, after the summaries are written, before the return",
            "newest": ("after", "if self._summary_writer is not None:", {"n": 1, "of": 3}),
            "versions": dict(
                [(v, ("after", "self._save_tensorboard_summaries(iteration, num_episodes_train,", {
                      "n": 1, "of": 2,
                      "note": "before 4.0.5 the Runner's tensorboard summary call is unconditional: after it"}))
                 for v in range(7)] +
                [(v, ("after", "if self._summary_writer is not None:", {"n": 1, "of": 3})) for v in (7, 8, 9)]),
        },
        "checkpointed_iteration": {
            "text": 'flor.log("checkpointed_iteration", iteration)',
            "intent": "iteration just finished and checkpointed, at the end of each run_experiment loop iteration",
            "newest": ("after", "if self._has_collector_dispatcher:", {"within": "for iteration in"}),
            "versions": dict(
                [(v, ("after", "self._checkpoint_experiment(iteration)", {
                      "note": "before 4.0.5 there is no collector-dispatcher flush: after the checkpoint, the last "
                              "statement of the iteration loop"})) for v in range(7)] +
                [(v, ("after", "if self._has_collector_dispatcher:", {"within": "for iteration in"}))
                 for v in (7, 8, 9)]),
        },
        "continued_steps": {
            "text": 'flor.log("continued_steps", step_number)',
            "intent": "steps taken by one call of _run_continued_episode, after its step loop",
            "newest": ("after", "while start_step_count + step_number <= max_step_count:"),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "_run_continued_episode (episodes continued across phases when max_steps_per_episode is None) "
                      "only exists from 4.1.0; _run_one_episode is a different, still-existing function",
                      {"scope": "_run_continued_episode"})) for v in range(9)] +
                [(9, ("after", "while start_step_count + step_number <= max_step_count:"))]),
        },
        "train_only_return": {
            "text": 'flor.log("train_only_return", average_reward_train)',
            "intent": "TrainRunner: average training return of the iteration, after the metrics are dispatched",
            "newest": ("after", "self._collector_dispatcher.write([", _TRAIN_RUNNER),
            "versions": dict(
                [(v, ("after", "num_episodes_train, average_reward_train = self._run_train_phase(", _w(
                      _TRAIN_RUNNER, note="no collector dispatcher before 4.0.5: after the train phase, before the "
                                          "summaries (the position it keeps)"))) for v in range(5)] +
                [(v, ("after", "num_episodes_train, average_reward_train, average_steps_per_second = (", _w(
                      _TRAIN_RUNNER, note="no collector dispatcher before 4.0.5: after the train phase, before the "
                                          "summaries"))) for v in (5, 6)] +
                [(v, ("after", "self._collector_dispatcher.write([", _TRAIN_RUNNER)) for v in (7, 8, 9)]),
        },
    },
}
