# keras-rl rl/core.py (Agent.fit / Agent.test), PyPI 0.2.0 .. 0.4.2 (v00 .. v04).
# Round 21, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "kerasrl_core" / "versions.json").read_text())
OLDER = range(4)
_FIT = {"within": "while self.step < nb_steps:"}
_TEST = {"within": "def test("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "kerasrl_core",
    "title": "keras-rl Agent.fit/Agent.test across 0.2.0 .. 0.4.2 (actions passed through "
             "processor.process_action (0.3.0), docstrings and _on_train_begin/_on_test_begin hooks moved (0.3.1), "
             "MultiInputProcessor removed (0.4.0), numpy-typed counters np.int16/np.float32 in fit (0.4.2))",
    "stories": _V,
    "probes": {
        "nb_steps": {
            "text": 'flor.log("nb_steps", nb_steps)',
            "intent": "training budget, once the fit() step counter is initialised",
            "newest": ("after", "self.step = np.int16(0)"),
            "versions": {v: ("after", "self.step = 0", {"within": "def fit(", "note":
                             "before 0.4.2 fit() initialises the counter as `self.step = 0`; test() has the same "
                             "`self.step = 0` statement, but nb_steps is a fit() parameter: the fit() one"})
                         for v in OLDER},
        },
        "episode": {
            "text": 'flor.log("episode", episode)',
            "intent": "training episode index at the start of each episode, after the per-episode counters are reset",
            "newest": ("after", "episode_reward = np.float32(0)"),
            "versions": {v: ("after", "episode_reward = 0.", {"within": "if observation is None:", "note":
                             "before 0.4.2 the episode reward is reset as `episode_reward = 0.` (same statement); "
                             "test() has its own `episode_reward = 0.` in the episode for-loop, not this one"})
                         for v in OLDER},
        },
        "action": {
            "text": 'flor.log("action", action)',
            "intent": "action sent to the environment on each training step (after the processor)",
            "newest": ("before", "reward = np.float32(0)"),
            "versions": dict(
                [(0, ("before", "reward = 0.", _w(_FIT, note=
                      "0.2.x has no processor.process_action: the previous sibling (the processor if) does not "
                      "exist, the probe keeps its place between `action = self.forward(observation)` and the "
                      "reward reset (the logged action is the raw forward() output there)")))] +
                [(v, ("before", "reward = 0.", _w(_FIT, note=
                      "after the whole `if self.processor is not None:` block (the probe is unconditional), "
                      "before `reward = 0.` (np.float32(0) in 0.4.2)"))) for v in range(1, 4)]),
        },
        "start_action": {
            "text": 'flor.log("start_action", action)',
            "intent": "action of every random start step of a test episode, right before it is executed",
            "newest": ("before", "callbacks.on_action_begin(action)", _w(_TEST, n=1, of=2)),
            "versions": dict(
                [(0, ("before", "callbacks.on_action_begin(action)", _w(_TEST, n=1, of=2, note=
                      "0.2.x has no processor.process_action in the random-start loop: after the whole "
                      "`if start_step_policy is None: ... else: ...`, before callbacks.on_action_begin")))] +
                [(v, ("before", "callbacks.on_action_begin(action)", _w(_TEST, n=1, of=2, note=
                      "after the whole processor if (not inside it), first of test()'s two on_action_begin calls"
                      if v == 1 else ""))) for v in range(1, 4)]),
        },
        "processed_action": {
            "text": 'flor.log("processed_action", action)',
            "intent": "action as returned by the processor, on training steps of agents that have one",
            "newest": ("after", "action = self.processor.process_action(action)", _w(_FIT, n=2, of=2)),
            "versions": dict(
                [(0, ("na", "no_anchor",
                      "0.2.x never passes actions through the processor (no process_action call, no "
                      "`if self.processor is not None:` around the action): the probe observes a step that does "
                      "not exist; logging the raw forward() output unconditionally would be a guessed substitute "
                      "(that place is probe `action`)", {"note": "judgment call: not the unconditional equivalent, "
                      "because the observed statement itself is missing, not just its condition"}))] +
                [(v, ("after", "action = self.processor.process_action(action)", _w(_FIT, n=2, of=2, note=
                      "inside the step's `if self.processor is not None:` (second of fit()'s two process_action "
                      "calls; the first is in the random-start loop)" if v == 1 else ""))) for v in range(1, 4)]),
        },
        "done": {
            "text": 'flor.log("done", done)',
            "intent": "terminal flag of each training step, after the forced-terminal check",
            "newest": ("after", "if nb_max_episode_steps and episode_step >= nb_max_episode_steps - 1:", _FIT),
            "versions": {v: ("after", "if nb_max_episode_steps and episode_step >= nb_max_episode_steps - 1:",
                             _w(_FIT, note="after the whole `if` (the probe is unconditional), not inside it"))
                         for v in OLDER},
        },
        "metrics": {
            "text": 'flor.log("metrics", metrics)',
            "intent": "named metrics returned by backward() on each training step",
            "newest": ("after", "metrics = self.backward(reward, terminal=done)"),
            "versions": {v: ("after", "metrics = self.backward(reward, terminal=done)") for v in OLDER},
        },
        "episode_reward": {
            "text": 'flor.log("episode_reward", episode_reward)',
            "intent": "return of each finished training episode",
            "newest": ("after", "callbacks.on_episode_end(episode, episode_logs)", _FIT),
            "versions": {v: ("after", "callbacks.on_episode_end(episode, episode_logs)", _FIT) for v in OLDER},
        },
        "test_episode_reward": {
            "text": 'flor.log("test_episode_reward", episode_reward)',
            "intent": "return of each test episode",
            "newest": ("after", "callbacks.on_episode_end(episode, episode_logs)", _TEST),
            "versions": {v: ("after", "callbacks.on_episode_end(episode, episode_logs)", _w(_TEST, note=
                             "test()'s on_episode_end (unconditional in the episode for-loop), not fit()'s "
                             "identical call under `if done:`" if v == 0 else "")) for v in OLDER},
        },
        "did_abort": {
            "text": 'flor.log("did_abort", did_abort)',
            "intent": "whether training was interrupted, after the try/except around the training loop",
            "newest": ("before", "callbacks.on_train_end(logs={'did_abort': did_abort})"),
            "versions": {v: ("before", "callbacks.on_train_end(logs={'did_abort': did_abort})") for v in OLDER},
        },
    },
}
