# case: a progress print(...) of the old version is the logger.info(...) that reports the same values today: the statement goes after it
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
            print('statistics:{}'.format(agent.get_statistics()))
            episode_r = 0
            episode_idx += 1
            obs = env.reset()
# === expected
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
# === diagnostics
placed episode_return at train_agent/while/if/stmt:2
