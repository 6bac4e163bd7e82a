# case: a value stored into a preallocated slot today was appended to the same list before: the statement after the store goes after the append
# === new
import flor


def train(self, minibatches, num_epochs):
    for epoch in range(num_epochs):
        epoch_actor_losses = [0] * len(minibatches)
        for batch_num, mb in enumerate(minibatches):
            policy_loss, value_loss = self.losses(mb)
            actor_loss = policy_loss + self.entropy(mb)
            loss = actor_loss + value_loss
            epoch_actor_losses[batch_num] = float(actor_loss)
            flor.log("actor_loss", float(actor_loss))
            if torch.abs(loss) > 30.0:
                log.warning("High loss value: %.4f", loss.item())
            self.step(loss)
        self.report(sum(epoch_actor_losses))
# === old
def train(self, minibatches, num_epochs):
    for epoch in range(num_epochs):
        epoch_actor_losses = []
        for batch_num, mb in enumerate(minibatches):
            policy_loss, value_loss = self.losses(mb)
            actor_loss = policy_loss + self.entropy(mb)
            epoch_actor_losses.append(actor_loss.item())
            loss = actor_loss + value_loss
            if torch.abs(loss) > 30.0:
                log.warning("High loss value: %.4f", loss.item())
            self.step(loss)
        self.report(sum(epoch_actor_losses))
# === expected
import flor
def train(self, minibatches, num_epochs):
    for epoch in range(num_epochs):
        epoch_actor_losses = []
        for batch_num, mb in enumerate(minibatches):
            policy_loss, value_loss = self.losses(mb)
            actor_loss = policy_loss + self.entropy(mb)
            epoch_actor_losses.append(actor_loss.item())
            flor.log("actor_loss", float(actor_loss))
            loss = actor_loss + value_loss
            if torch.abs(loss) > 30.0:
                log.warning("High loss value: %.4f", loss.item())
            self.step(loss)
        self.report(sum(epoch_actor_losses))
# === diagnostics
placed actor_loss at train/for:epoch/for:(batch_num,mb)/stmt:3
