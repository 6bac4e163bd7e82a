# case: Today the action is chosen right after the environment step; the old loop adds up the reward first: the in-loop `act` calls are still one statement, and the statement goes after the old one
# === new
import flor


class Runner:
    def run_episode(self):
        state = self._env.reset()
        action = self._agent.act(state)
        returns = 0
        while not state.done:
            if self._render:
                self._env.render()
            state = self._env.step(action)
            action = self._agent.act(state)
            flor.log("action", action)
            returns += state.reward
        return returns
# === old
class Runner:
    def run_episode(self):
        agent = self._agent
        env = self._env
        env.reset()
        returns = 0
        action = agent.act(env.state, env.reward)
        while not env.done:
            if self._render:
                env.render()
            env.step(action)
            returns += env.reward
            action = agent.act(env.state, env.reward)
        return returns
# === expected
import flor
class Runner:
    def run_episode(self):
        agent = self._agent
        env = self._env
        env.reset()
        returns = 0
        action = agent.act(env.state, env.reward)
        while not env.done:
            if self._render:
                env.render()
            env.step(action)
            returns += env.reward
            action = agent.act(env.state, env.reward)
            flor.log("action", action)
        return returns
# === diagnostics
placed action at Runner/run_episode/while/stmt:4
