# case: both arms of a new if/else end with the old optimizer step, rewritten; no copy has a counterpart until the shared code is aligned with the old step
# === new
import flor
import tensorflow as tf


class Trainer:
    def compute_gradients(self, batch):
        outputs = self.model(batch, training=True)
        loss = self.compute_loss(batch, outputs)
        gradients = tf.gradients(loss, self.trainable_variables)
        if self.accumulation_steps > 1:
            self.accumulator(gradients)
        self.update_metrics(loss)
        return gradients, loss

    def train_step(self, batch):
        if self.accumulation_steps == 1:
            gradients, loss = self.compute_gradients(batch)
            self.optimizer.apply_gradients(zip(gradients, self.trainable_variables), 1.0)
            flor.log("grad_norm", tf.linalg.global_norm(gradients))
        else:
            loss = 0.0
            for part in tf.split(batch, self.accumulation_steps):
                _, part_loss = self.compute_gradients(part)
                loss += part_loss
            gradients = self.accumulator.gradients
            self.optimizer.apply_gradients(zip(gradients, self.trainable_variables), 1.0)
            self.accumulator.reset()
        return loss
# === old
import tensorflow as tf


class Trainer:
    def train_step(self, batch):
        with tf.GradientTape() as tape:
            outputs = self.model(batch, training=True)
            loss = self.compute_loss(batch, outputs)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables), 1.0)
        self.update_metrics(loss)
        return loss
# === expected
import flor
import tensorflow as tf


class Trainer:
    def train_step(self, batch):
        with tf.GradientTape() as tape:
            outputs = self.model(batch, training=True)
            loss = self.compute_loss(batch, outputs)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables), 1.0)
        flor.log("grad_norm", tf.linalg.global_norm(gradients))
        self.update_metrics(loss)
        return loss
# === diagnostics
placed grad_norm at Trainer/train_step/stmt:3
