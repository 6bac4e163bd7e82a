# case: reward_ is bound by an if/else new today on a feature the old version lacks (self._vec_normalize_env); its else branch, reward_ = reward, is the old behaviour: the statement reads reward
# === new
import flor


def learn(self, total_timesteps):
    obs = self.env.reset()
    episode_rewards = [0.0]
    for step in range(total_timesteps):
        action = self.policy_tf.step(obs[None]).flatten()
        new_obs, reward, done, info = self.env.step(action)
        if self._vec_normalize_env is not None:
            new_obs_ = self._vec_normalize_env.get_original_obs().squeeze()
            reward_ = self._vec_normalize_env.get_original_reward().squeeze()
        else:
            obs_, new_obs_, reward_ = obs, new_obs, reward
        self.replay_buffer.add(obs_, action, reward_, new_obs_, float(done))
        obs = new_obs
        episode_rewards[-1] += reward_
        flor.log("reward", float(reward_))
        if done:
            obs = self.env.reset()
            episode_rewards.append(0.0)
# === old
def learn(self, total_timesteps):
    obs = self.env.reset()
    episode_rewards = [0.0]
    for step in range(total_timesteps):
        action = self.policy_tf.step(obs[None]).flatten()
        new_obs, reward, done, info = self.env.step(action)
        self.replay_buffer.add(obs, action, reward, new_obs, float(done))
        obs = new_obs
        episode_rewards[-1] += reward
        if done:
            obs = self.env.reset()
            episode_rewards.append(0.0)
# === expected
import flor
def learn(self, total_timesteps):
    obs = self.env.reset()
    episode_rewards = [0.0]
    for step in range(total_timesteps):
        action = self.policy_tf.step(obs[None]).flatten()
        new_obs, reward, done, info = self.env.step(action)
        self.replay_buffer.add(obs, action, reward, new_obs, float(done))
        obs = new_obs
        episode_rewards[-1] += reward
        flor.log("reward", float(reward))
        if done:
            obs = self.env.reset()
            episode_rewards.append(0.0)
# === diagnostics
placed reward at learn/for:step/stmt:5 renames reward_->reward
