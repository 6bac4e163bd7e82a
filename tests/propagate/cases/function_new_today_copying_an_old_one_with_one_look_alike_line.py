# case: the statement is in `_run_continued_episode`, new today, a copy of `_run_one_episode`, which is still there; one line of the copy looks like a line of the old episode loop, whose copy in the function kept today has the better claim to it: declined
# === new
import flor
import numpy as np


class Runner:
    def _run_one_episode(self):
        step_number = 0
        total_reward = 0.0
        action = self._initialize_episode()
        while True:
            observation, reward, is_terminal = self._run_one_step(action)
            total_reward += reward
            step_number += 1
            if self._clip_rewards:
                reward = np.clip(reward, -1, 1)
            if self._environment.game_over or step_number == self._max_steps_per_episode:
                break
            action = self._agent.step(reward, observation)
        self._end_episode(reward, is_terminal)
        return step_number, total_reward

    def _run_continued_episode(self, start_step_count, max_step_count):
        step_number = 0
        total_reward = 0.0
        if self.episode_ended:
            self.action = self._initialize_episode()
            self.episode_ended = False
        while start_step_count + step_number <= max_step_count:
            observation, reward, is_terminal = self._run_one_step(self.action)
            total_reward += reward
            step_number += 1
            if self._clip_rewards:
                reward = np.clip(reward, -1, 1)
            if self._environment.game_over:
                self._end_episode(reward, is_terminal)
                self.episode_ended = True
                break
            self.action = self._agent.step(reward, observation)
        flor.log("continued_steps", step_number)
        return step_number, total_reward
# === old
import numpy as np


class Runner:
    def _run_one_episode(self):
        step_number = 0
        total_reward = 0.0
        action = self._initialize_episode()
        while True:
            observation, reward, is_terminal = self._run_one_step(action)
            total_reward += reward
            step_number += 1
            reward = np.clip(reward, -1, 1)
            if self._environment.game_over or step_number == self._max_steps_per_episode:
                break
            action = self._agent.step(reward, observation)
        self._end_episode(reward)
        return step_number, total_reward
# === expected
<declined>
# === diagnostics
declined continued_steps: no statement around it and no enclosing block has a counterpart
