# case: the old version already logs the gradient steps before the call: nothing changes
# === new
import flor


class Algorithm:
    def learn(self, total_timesteps):
        while self.num_timesteps < total_timesteps:
            rollout = self.collect_rollouts(self.env)
            if self.num_timesteps > self.learning_starts:
                gradient_steps = self.gradient_steps if self.gradient_steps >= 0 else rollout.episode_timesteps
                # a user may pass gradient_steps=0
                if gradient_steps > 0:
                    flor.log("gradient_steps", gradient_steps)
                    self.train(batch_size=self.batch_size, gradient_steps=gradient_steps)
        return self
# === old
import flor


class Algorithm:
    def learn(self, total_timesteps):
        while self.num_timesteps < total_timesteps:
            rollout = self.collect_rollouts(self.env)
            if self.num_timesteps > self.learning_starts:
                gradient_steps = self.gradient_steps if self.gradient_steps > 0 else rollout.episode_timesteps
                flor.log("gradient_steps", gradient_steps)
                self.train(batch_size=self.batch_size, gradient_steps=gradient_steps)
        return self
# === expected
<unchanged>
# === diagnostics
present gradient_steps
