# case: today's minibatch loop holds the early stop that the old version does after its loop with a break: the statement stays right after the old loop (it runs in the epoch that stops)
# === new
import flor
import numpy as np
def train(self):
    for epoch in range(self.n_epochs):
        approx_kl_divs = []
        for rollout_data in self.rollout_buffer.get(self.batch_size):
            loss, approx_kl_div = self.step(rollout_data)
            approx_kl_divs.append(approx_kl_div)
            if self.target_kl is not None and approx_kl_div > 1.5 * self.target_kl:
                continue_training = False
                break
        flor.log("epoch_kl", float(np.mean(approx_kl_divs)))
        self._n_updates += 1
        if not continue_training:
            break
# === old
import numpy as np
def train(self):
    for epoch in range(self.n_epochs):
        approx_kl_divs = []
        for rollout_data in self.rollout_buffer.get(self.batch_size):
            loss, approx_kl_div = self.step(rollout_data)
            approx_kl_divs.append(approx_kl_div)
        if self.target_kl is not None and np.mean(approx_kl_divs) > 1.5 * self.target_kl:
            print("early stop")
            break
        self._n_updates += 1
# === expected
import flor
import numpy as np
def train(self):
    for epoch in range(self.n_epochs):
        approx_kl_divs = []
        for rollout_data in self.rollout_buffer.get(self.batch_size):
            loss, approx_kl_div = self.step(rollout_data)
            approx_kl_divs.append(approx_kl_div)
        flor.log("epoch_kl", float(np.mean(approx_kl_divs)))
        if self.target_kl is not None and np.mean(approx_kl_divs) > 1.5 * self.target_kl:
            print("early stop")
            break
        self._n_updates += 1
# === diagnostics
placed epoch_kl at train/for:epoch/stmt:2
