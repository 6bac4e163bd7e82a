# chainerrl chainerrl/experiments/train_agent.py (train_agent + train_agent_with_evaluation), PyPI 0.1.0 .. 0.8.0 (v00 .. v06).
# Round 16, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "chainerrl_train_agent" / "versions.json").read_text())
OLDER = range(6)
_EP = {"within": "if done or "}     # the end-of-episode block (condition text changes in 0.6.0)
CASE = {
    "name": "chainerrl_train_agent",
    "title": "chainerrl train_agent loop across 0.1.0 .. 0.8.0 (print -> logger and step hooks (0.2), "
             "agent.t guarded by hasattr (0.3), `done = False` resets dropped (0.4), `reset` flag with "
             "needs_reset (0.6), max_episode_len -> train_max_episode_len (0.6), periodic checkpoints (0.8))",
    "stories": _V,
    "probes": {
        "reward": {
            "text": 'flor.log("reward", r)',
            "intent": "reward of every environment step, right after env.step",
            "newest": ("after", "obs, r, done, info = env.step(action)"),
            "versions": {v: ("after", "obs, r, done, info = env.step(action)") for v in OLDER},
        },
        "episode_len": {
            "text": 'flor.log("episode_len", episode_len)',
            "intent": "current episode length on every step, after the step hooks ran",
            "newest": ("after", "for hook in step_hooks:"),
            "versions": dict(
                [(0, ("after", "episode_len += 1", {
                    "note": "0.1.0 has no step hooks: the probe keeps its place between the step counters "
                            "and the end-of-episode `if`"}))] +
                [(v, ("after", "for hook in step_hooks:")) for v in range(1, 6)]),
        },
        "reset": {
            "text": 'flor.log("reset", reset)',
            "intent": "whether the episode is cut (time limit or needs_reset) on every step",
            "newest": ("after", "reset = (episode_len == max_episode_len"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.6.0 there is no `reset` variable: the time-limit test is inlined in the "
                      "`if done or episode_len == max_episode_len or t == steps:` condition and needs_reset "
                      "is not consulted; substituting `episode_len == max_episode_len` is not a rename",
                      {"scope": "train_agent"})) for v in range(5)] +
                [(5, ("after", "reset = (episode_len == max_episode_len"))]),
        },
        "episode_return": {
            "text": 'flor.log("episode_return", episode_r)',
            "intent": "return of each finished episode, right after it is reported",
            "newest": ("after", "logger.info('outdir:%s step:%s episode:%s R:%s',"),
            "versions": dict(
                [(0, ("after", "print('outdir:{} step:{} episode:{} R:{}'.format(", {
                    "note": "0.1.0 reports the episode with print(...) instead of logger.info(...): same statement"}))] +
                [(v, ("after", "logger.info('outdir:%s step:%s episode:%s R:%s',")) for v in range(1, 6)]),
        },
        "eval_max_score": {
            "text": 'flor.log("eval_max_score", evaluator.max_score)',
            "intent": "best evaluation score so far, after each (possible) evaluation at the end of an episode",
            "newest": ("after", "evaluator.evaluate_if_necessary("),
            "versions": {v: ("after", "evaluator.evaluate_if_necessary(", {
                "note": "0.1.0 calls evaluate_if_necessary(t); later t=t, episodes=episode_idx + 1 "
                        "over two lines: same statement, inside `if evaluator is not None:`"} if v == 0 else {})
                for v in OLDER},
        },
        "next_episode": {
            "text": 'flor.log("next_episode", episode_idx)',
            "intent": "index of the episode about to start, at the end of the new-episode reset",
            "newest": ("last_in", "if done or reset or t == steps:"),
            "versions": dict(
                [(v, ("after", "r = 0", dict(_EP, **{
                    "alt": [("after", "done = False", dict(_EP))],
                    "note": "0.1.0-0.3.0 also reset `done = False` after `r = 0`; that statement has no "
                            "counterpart in the newest version, so the probe may go on either side of it"})))
                 for v in range(3)] +
                [(v, ("after", "r = 0", dict(_EP))) for v in range(3, 6)]),
        },
        "checkpoint_step": {
            "text": 'flor.log("checkpoint_step", t)',
            "intent": "step at which a periodic checkpoint was just saved",
            "newest": ("after", "save_agent(agent, t, outdir, logger, suffix='_checkpoint')"),
            "versions": {v: ("na", "no_anchor",
                             "periodic checkpoints (checkpoint_freq) only exist from 0.8.0; before, the "
                             "agent is saved only on exception and at the end, so nothing corresponds "
                             "to `a checkpoint was just saved` inside the loop", {"scope": "train_agent"})
                         for v in OLDER},
        },
        "final_step": {
            "text": 'flor.log("final_step", t)',
            "intent": "last step counter, after the final model is saved",
            "newest": ("after", "save_agent(agent, t, outdir, logger, suffix='_finish')"),
            "versions": dict(
                [(0, ("after", "save_agent(agent, t, outdir, suffix='_finish')", {
                    "note": "0.1.0 calls save_agent without the logger argument: same statement"}))] +
                [(v, ("after", "save_agent(agent, t, outdir, logger, suffix='_finish')")) for v in range(1, 6)]),
        },
        "agent_t": {
            "text": 'flor.log("agent_t", agent.t)',
            "intent": "the agent's step counter once it is set to step_offset (only for agents that have one)",
            "newest": ("after", "agent.t = step_offset"),
            "versions": dict(
                [(v, ("after", "agent.t = step_offset", {
                    "note": "0.1.0/0.2.0 set agent.t unconditionally (no `if hasattr(agent, 't'):`): "
                            "the unconditional equivalent, right after the assignment"})) for v in (0, 1)] +
                [(v, ("after", "agent.t = step_offset")) for v in range(2, 6)]),
        },
        "train_max_episode_len": {
            "text": 'flor.log("train_max_episode_len", train_max_episode_len)',
            "intent": "training episode-length limit passed to train_agent, once the eval defaults are filled",
            "newest": ("after", "if eval_max_episode_len is None:"),
            "versions": dict(
                [(v, ("after", "if eval_max_episode_len is None:", {
                    "renames": {"train_max_episode_len": "max_episode_len"},
                    "note": "before 0.6.0 the train_agent_with_evaluation parameter is `max_episode_len` "
                            "(renamed train_max_episode_len in 0.6.0, same role: passed as max_episode_len "
                            "to train_agent and the default of eval_max_episode_len)"})) for v in range(5)] +
                [(5, ("after", "if eval_max_episode_len is None:"))]),
        },
    },
}
