# case: today the statement is first under `if gradient_steps > 0:`, a condition added around a call the old version makes unconditionally; it goes right before that call (after the value it reads is computed), not first in the enclosing block
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
class Algorithm:
    def learn(self, total_timesteps):
        while self.num_timesteps < total_timesteps:
            rollout = self.collect_rollouts(self.env)
            if self.num_timesteps > self.learning_starts:
                gradient_steps = self.gradient_steps if self.gradient_steps > 0 else rollout.episode_timesteps
                self.train(batch_size=self.batch_size, gradient_steps=gradient_steps)
        return self
# === expected
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
# === diagnostics
placed gradient_steps at Algorithm/learn/while/if/stmt:1
