# agilerl agilerl/training/train_off_policy.py (train_off_policy; training/train.py `train` before 0.1.20), PyPI 0.1.0 .. 2.58.0 (v00 .. v11).
# Round 23, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "agilerl_off_policy" / "versions.json").read_text())
OLDER = range(11)
_EPI = range(4)          # v00-v03: episode loop `for idx_epi in pbar:`, evolution under `if (idx_epi + 1) % evo_epochs == 0:`
_STEPS = range(4, 11)    # v04-v10: `while ...` over steps, per-env done loop, checkpoint_count
_POP = range(9)          # v00-v08: the population is the list `pop` (v09+: `Population` object, `population.agents`)
_STEP = {"within": "for idx_step in range("}
_NA = lambda kind, why: ("na", kind, why)
_ACT_NOTE = ("after the whole action-selection if/else; the action-histogram block and `if not is_vectorised: "
             "action = action[0]` have no counterpart in the newest version: after either of them is also accepted")
CASE = {
    "name": "agilerl_off_policy",
    "title": "AgileRL off-policy evolutionary training loop across 0.1.0 .. 2.58.0 "
             "(episode loop -> step budget, vectorised envs, PER/n-step, losses, fps, TensorDict transitions, "
             "state -> obs, Population object with _learn_from_buffer, env -> vec_env, selection_strategy)",
    "stories": _V,
    "probes": {
        "obs_shape": {
            "text": 'flor.log("obs_shape", obs.shape)',
            "intent": "shape of the first observation of each agent's training rollout, right after the reset",
            "newest": ("after", "obs, info = vec_env.reset()"),
            "versions": dict(
                [(v, ("after", "state = env.reset()[0]", {"renames": {"obs": "state"},
                      "note": "before 2.6 the observation is called `state`"})) for v in range(5)] +
                [(v, ("after", "state, info = env.reset()", {"renames": {"obs": "state"}})) for v in (5, 6, 7)] +
                [(v, ("after", "obs, info = env.reset()")) for v in (8, 9)] +
                [(10, ("after", "obs, info = vec_env.reset()"))]),
        },
        "action": {
            "text": 'flor.log("action", action)',
            "intent": "action chosen by the agent at each step, once the per-algorithm selection is done",
            "newest": ("after", "if isinstance(agent, DQN):", _STEP),
            "versions": {
                0: ("after", "action = agent.getAction(state, epsilon)"),
                1: ("after", "action = agent.getAction(state, epsilon)"),
                2: ("after", "if noisy:", {
                    "alt": [("after", "if not is_vectorised:", _STEP)],
                    "note": "action chosen by `if noisy: ... else: ...`; `if not is_vectorised: action = action[0]` "
                            "has no counterpart in the newest version (DummyVecEnv) and may be on either side"}),
                3: ("after", "if noisy:", {
                    "alt": [("after", 'if algo in ["DQN", "Rainbow DQN"]:', _STEP),
                            ("after", "if not is_vectorised:", _STEP)],
                    "note": "the action-histogram block and `action = action[0]` have no counterpart in the newest "
                            "version: right after the selection, or after either of them"}),
                4: ("after", 'if algo in ["DQN"]:', dict(_STEP, note=_ACT_NOTE, alt=[
                    ("after", 'if algo in ["DQN", "Rainbow DQN"]:', _STEP),
                    ("after", "if not is_vectorised:", dict(_STEP, n=1, of=2))])),
                5: ("after", 'if algo in ["Rainbow DQN"]:', dict(_STEP, alt=[
                    ("after", 'if algo in ["DQN", "Rainbow DQN"]:', _STEP),
                    ("after", "if not is_vectorised:", dict(_STEP, n=1, of=2))],
                    note="1.0.20 writes the selection as `if DQN: ...` followed by a separate "
                         "`if Rainbow DQN: ... else: ...` (no elif): the image of the newest if/elif/else is both "
                         "statements, the probe goes after the second")),
                6: ("after", 'if algo in ["DQN"]:', dict(_STEP, note=_ACT_NOTE, alt=[
                    ("after", 'if algo in ["DQN", "Rainbow DQN"]:', _STEP),
                    ("after", "if not is_vectorised:", dict(_STEP, n=1, of=2))])),
                7: ("after", "if isinstance(agent, DQN):", dict(_STEP, note=_ACT_NOTE, alt=[
                    ("after", "if isinstance(agent, (DQN, RainbowDQN)):", _STEP),
                    ("after", "if not is_vectorised:", dict(_STEP, n=1, of=3))])),
                8: ("after", "if isinstance(agent, DQN):", dict(_STEP, note=_ACT_NOTE, alt=[
                    ("after", "if isinstance(agent, (DQN, RainbowDQN)):", _STEP),
                    ("after", "if not is_vectorised:", dict(_STEP, n=1, of=3))])),
                9: ("after", "if isinstance(agent, DQN):", _STEP),
                10: ("after", "if isinstance(agent, DQN):", _STEP),
            },
        },
        "reward": {
            "text": 'flor.log("reward", float(np.mean(reward)))',
            "intent": "mean reward over the envs of each environment step, right after env.step",
            "newest": ("after", "next_obs, reward, done, trunc, info = vec_env.step(action)"),
            "versions": dict(
                [(v, ("after", "next_state, reward, done, _, _ = env.step(action)")) for v in (0, 1)] +
                [(v, ("after", "next_state, reward, done, trunc, _ = env.step(")) for v in (2, 3, 4)] +
                [(v, ("after", "next_state, reward, done, trunc, info = env.step(action)")) for v in (5, 6, 7)] +
                [(v, ("after", "next_obs, reward, done, trunc, info = env.step(action)")) for v in (8, 9)] +
                [(10, ("after", "next_obs, reward, done, trunc, info = vec_env.step(action)"))]),
        },
        "episode_score": {
            "text": 'flor.log("episode_score", scores[idx])',
            "intent": "score of an episode that just ended in env idx, as soon as it is recorded",
            "newest": ("after", "completed_episode_scores.append(scores[idx])"),
            "versions": dict(
                [(v, _NA("missing_dependency",
                         "before 1.0 there is no per-env running score and no per-env done loop: `idx` is never "
                         "bound (the episode score is computed once after the step loop)")) for v in _EPI] +
                [(v, ("after", "completed_episode_scores.append(scores[idx])", {
                    "alt": [("after", "agent.scores.append(scores[idx])")],
                    "note": "`agent.scores.append(scores[idx])` (replaced by agent.add_scores after the loop in the "
                            "newest version) has no counterpart inside the loop: either side"}))
                 for v in range(4, 9)] +
                [(v, ("after", "completed_episode_scores.append(scores[idx])")) for v in (9, 10)]),
        },
        "epsilon": {
            "text": 'flor.log("epsilon", epsilon)',
            "intent": "exploration epsilon right after it is decayed",
            "newest": ("after", "epsilon = max("),
            "versions": dict(
                [(v, ("after", "epsilon = max(", {
                    "note": "before 1.0 epsilon is decayed once per episode for every algorithm, after the "
                            "population loop (no DQN condition): after that decay, unconditionally"})) for v in _EPI] +
                [(v, ("after", "epsilon = max(", {"note": "inside the DQN branch of the action selection"}
                      if v == 4 else {})) for v in _STEPS]),
        },
        "buffer_size": {
            "text": 'flor.log("buffer_size", len(memory))',
            "intent": "replay buffer size after each step's transition is stored (after the whole n-step if/else)",
            "newest": ("after", "if n_step_memory is not None:", _STEP),
            "versions": dict(
                [(0, ("after", "memory.save2memoryVectEnvs(state, action, reward, next_state, done)"))] +
                [(1, ("after", "if swap_channels:", dict(_STEP, n=2, of=2, note=
                      "the store is `if swap_channels: ... else: ...`: after the whole if/else")))] +
                [(v, ("after", "if n_step_memory is not None:", dict(_STEP, n=1, of=k, note=
                      "the first of the `if n_step_memory is not None:` statements in the step loop (the others are "
                      "inside the learning block): after the whole if/else, not in its else branch")))
                 for v, k in ((2, 2), (3, 3), (4, 3), (5, 5), (6, 5), (7, 5), (8, 5))] +
                [(v, ("after", "if n_step_memory is not None:", _STEP)) for v in (9, 10)]),
        },
        "beta": {
            "text": 'flor.log("beta", n_step_agent.beta)',
            "intent": "prioritized-replay importance-sampling beta right after it is annealed (PER only)",
            "newest": ("after", "n_step_agent.beta += fraction"),
            "versions": dict(
                [(v, _NA("no_anchor", "no prioritized replay before 0.1.15: beta is never annealed (no `if per:`)"))
                 for v in (0, 1)] +
                [(v, ("after", "agent.beta += fraction", {
                    "renames": {"n_step_agent": "agent"},
                    "note": "before 2.10 beta is annealed on `agent` itself (n_step_agent is `agent` seen through a "
                            "protocol)"})) for v in range(2, 10)] +
                [(10, ("after", "n_step_agent.beta += fraction"))]),
        },
        "fitnesses": {
            "text": 'flor.log("fitnesses", [agent.fitness[-1] for agent in population.agents])',
            "intent": "latest evaluation fitness of every agent, right after the population is evaluated",
            "newest": ("after", "for agent in population.agents:", {"n": 2, "of": 2}),
            "versions": dict(
                [(0, ("after", "fitnesses = [agent.test(", {
                    "renames": {"population.agents": "pop"},
                    "alt": [("after", "pop_fitnesses.append(fitnesses)", {"renames": {"population.agents": "pop"}})],
                    "note": "evaluation happens only every evo_epochs episodes, inside `if (idx_epi+1) % evo_epochs "
                            "== 0:` (the equivalent of one iteration of the newest evolution loop); "
                            "pop_fitnesses.append has no counterpart: either side"}))] +
                [(v, ("after", "fitnesses = [", {
                    "renames": {"population.agents": "pop"},
                    "alt": [("after", "pop_fitnesses.append(fitnesses)", {"renames": {"population.agents": "pop"}})],
                    "note": ("inside the evo_epochs condition; " if v < 4 else "") +
                            "the population list is `pop` before 2.8; pop_fitnesses.append has no counterpart"}))
                 for v in range(1, 9)] +
                [(v, ("after", "for agent in population.agents:", {"n": 2, "of": 2})) for v in (9, 10)]),
        },
        "pop_size": {
            "text": 'flor.log("pop_size", len(population.agents))',
            "intent": "population size after each selection/mutation step (after the whole HPO block)",
            "newest": ("after", "if selection_strategy is not None and mutation is not None:"),
            "versions": dict(
                [(v, ("after", "if tournament and mutation is not None:", {
                    "renames": {"population.agents": "pop"},
                    "note": ("inside `if (idx_epi + 1) % evo_epochs == 0:`, the evolution step of the episode loop; "
                             if v < 4 else "") + "after the whole tournament block; before 2.10 the HPO condition reads "
                            "`if tournament and mutation is not None:` and the population list is `pop`"}))
                 for v in _POP] +
                [(9, ("after", "if tournament and mutation is not None:"))] +
                [(10, ("after", "if selection_strategy is not None and mutation is not None:"))]),
        },
        "checkpoint_count": {
            "text": 'flor.log("checkpoint_count", checkpoint_count)',
            "intent": "number of checkpoints written so far, each time one is written",
            "newest": ("after", "checkpoint_count += 1"),
            "versions": dict(
                [(v, _NA("missing_dependency",
                         "before 1.0 checkpoints are taken every `checkpoint` episodes without a counter: "
                         "checkpoint_count is never bound (counting the saves would be a substitute, not a rename)"))
                 for v in _EPI] +
                [(v, ("after", "checkpoint_count += 1")) for v in _STEPS]),
        },
    },
}
