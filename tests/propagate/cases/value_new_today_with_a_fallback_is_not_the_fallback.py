# case: Today reads discounts = replay_data.discounts if replay_data.discounts is not None else self.gamma, n-step discounts new today with the old constant as their fallback: the two are not one value reached two ways, so the version without n-step discounts declines.
# === new
import flor


class DQN:
    def train(self, gradient_steps, batch_size):
        for _ in range(gradient_steps):
            replay_data = self.replay_buffer.sample(batch_size)
            discounts = replay_data.discounts if replay_data.discounts is not None else self.gamma
            flor.log("discounts", discounts)
            next_q = self.q_target(replay_data.next_observations).max(dim=1)[0]
            target = replay_data.rewards + (1 - replay_data.dones) * discounts * next_q
            loss = F.smooth_l1_loss(self.q_net(replay_data.observations), target)
            loss.backward()
# === old
class DQN:
    def train(self, gradient_steps, batch_size):
        for _ in range(gradient_steps):
            replay_data = self.replay_buffer.sample(batch_size)
            next_q = self.q_target(replay_data.next_observations).max(dim=1)[0]
            target = replay_data.rewards + (1 - replay_data.dones) * self.gamma * next_q
            loss = F.smooth_l1_loss(self.q_net(replay_data.observations), target)
            loss.backward()
# === expected
<declined>
# === diagnostics
declined discounts: reads `discounts`, computed today by the statement at line 8, which has no counterpart in this version
