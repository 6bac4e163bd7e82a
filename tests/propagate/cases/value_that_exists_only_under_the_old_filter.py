# case: Today a helper yields only finished episodes; before, an if on the episode info bound the reward: the statement reading it stays inside that if.
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
def rollout(envs, agent, steps):
    for _ in range(steps):
        actions = agent.act()
        info = envs.step(actions)
        for i, agent_ep_info in enumerate(info["final_info"]):
            if agent_ep_info is not None:
                ep_rew = agent_ep_info["episode"]["r"]
                ep_len = agent_ep_info["episode"]["l"]
                print(f"env {i}: reward {ep_rew}")
# === expected
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
# === diagnostics
placed ep_rew at rollout/for:_/for:(i,agent_ep_info)/if/stmt:3
