# case: the statement is already after the old print: nothing changes
# === new
import logging
import flor

logger = logging.getLogger(__name__)


def train_agent(agent, env, steps, outdir):
    t = 0
    episode_r = 0
    episode_idx = 0
    obs = env.reset()
    while t < steps:
        action = agent.act(obs)
        obs, r, done, info = env.step(action)
        t += 1
        episode_r += r
        if done or t == steps:
            agent.stop_episode(obs, r, done=done)
            logger.info('outdir:%s step:%s episode:%s R:%s', outdir, t, episode_idx, episode_r)
            flor.log("episode_return", episode_r)
            logger.info('statistics:%s', agent.get_statistics())
            episode_r = 0
            episode_idx += 1
            obs = env.reset()
# === old
import flor


def train_agent(agent, env, steps, outdir):
    t = 0
    episode_r = 0
    episode_idx = 0
    obs = env.reset()
    while t < steps:
        action = agent.act(obs)
        obs, r, done, info = env.step(action)
        t += 1
        episode_r += r
        if done or t == steps:
            agent.stop_episode(obs, r, done=done)
            print('outdir:{} step:{} episode:{} R:{}'.format(
                outdir, t, episode_idx, episode_r))
            flor.log("episode_return", episode_r)
            print('statistics:{}'.format(agent.get_statistics()))
            episode_r = 0
            episode_idx += 1
            obs = env.reset()
# === expected
<unchanged>
# === diagnostics
present episode_return
