# case: Propagating twice changes nothing: the old version already logs the action after selecting it
# === new
import flor


def train(env, pop, memory, n_episodes, max_steps, eps_end, eps_decay):
    for episode in range(n_episodes):
        for agent in pop:
            obs, info = env.reset()
            for step in range(max_steps):
                if isinstance(agent, DQN):
                    action_mask = info.get("action_mask", None)
                    action = agent.get_action(obs, epsilon, action_mask=action_mask)
                    epsilon = max(eps_end, epsilon * eps_decay)
                else:
                    raw_action = agent.get_action(obs)
                    action = rescale(raw_action, agent.action_low, agent.action_high)
                flor.log("action", action)
                next_obs, reward, terminated, truncated, info = env.step(action)
                memory.add(Transition(obs=obs, action=action, reward=reward, next_obs=next_obs))
                obs = next_obs
# === old
import flor


def train(env, pop, memory, n_episodes, max_steps, eps_end, eps_decay):
    for episode in range(n_episodes):
        for agent in pop:
            state = env.reset()[0]
            for step in range(max_steps):
                if noisy:
                    action = agent.getAction(state)
                else:
                    action = agent.getAction(state, epsilon)
                if not is_vectorised:
                    action = action[0]
                flor.log("action", action)
                next_state, reward, done, _, _ = env.step(action)
                memory.save2memory(state, action, reward, next_state, done)
                state = next_state
        epsilon = max(eps_end, epsilon * eps_decay)
# === expected
<unchanged>
# === diagnostics
present action
