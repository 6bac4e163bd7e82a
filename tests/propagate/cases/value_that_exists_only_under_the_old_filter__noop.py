# case: The same site already placed: nothing to do.
# === new
import flor


def rollout(envs, agent, steps):
    for _ in range(steps):
        actions = agent.act()
        info = envs.step(actions)
        for i, ep_rew, ep_len in episode_stats(info):
            print(f"env {i}: reward {ep_rew}")
            flor.log("ep_rew", ep_rew)
# === old
import flor
def rollout(envs, agent, steps):
    for _ in range(steps):
        actions = agent.act()
        info = envs.step(actions)
        for i, agent_ep_info in enumerate(info["final_info"]):
            if agent_ep_info is not None:
                ep_rew = agent_ep_info["episode"]["r"]
                ep_len = agent_ep_info["episode"]["l"]
                print(f"env {i}: reward {ep_rew}")
                flor.log("ep_rew", ep_rew)
# === expected
<unchanged>
# === diagnostics
present ep_rew
