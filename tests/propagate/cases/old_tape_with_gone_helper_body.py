# case: an old with GradientTape held part of what a helper new today holds, the block around it the rest: the helper's metrics update is the old one after the with
# === new
import flor
import tensorflow as tf


class Trainer:
    def compute_gradients(self, batch):
        outputs = self.model(batch, training=True)
        loss = tf.reduce_mean(outputs)
        gradients = tf.gradients(loss, self.model.trainable_variables)
        self.update_train_metrics()
        return gradients, loss

    def train_step(self, batch):
        if self.accumulation_steps == 1:
            gradients, loss = self.compute_gradients(batch)
            self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))
        else:
            loss = 0.0
            for part in tf.split(batch, self.accumulation_steps):
                _, part_loss = self.compute_gradients(part)
                loss += part_loss
            self.optimizer.apply_gradients(zip(self.accumulator.gradients, self.model.trainable_variables))
            self.accumulator.reset()
        flor.log("loss", loss)
        return loss


class GanTrainer:
    def compute_generator_gradients(self, batch):
        fake = self.generator(batch, training=True)
        gen_loss = tf.reduce_mean(self.discriminator(fake))
        gradients = tf.gradients(gen_loss, self.generator.trainable_variables)
        self.update_train_metrics()
        return gradients, gen_loss

    def train_step(self, batch):
        gradients, gen_loss = self.compute_generator_gradients(batch)
        self.gen_optimizer.apply_gradients(zip(gradients, self.generator.trainable_variables))
        return gen_loss
# === old
import tensorflow as tf


class Trainer:
    def train_step(self, batch):
        with tf.GradientTape() as tape:
            outputs = self.model(batch, training=True)
            loss = tf.reduce_mean(outputs)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))

        self.update_train_metrics()
        return loss


class GanTrainer:
    def train_step(self, batch):
        with tf.GradientTape() as g_tape:
            fake = self.generator(batch, training=True)
            gen_loss = tf.reduce_mean(self.discriminator(fake))
        gradients = g_tape.gradient(gen_loss, self.generator.trainable_variables)
        self.gen_optimizer.apply_gradients(zip(gradients, self.generator.trainable_variables))

        self.update_train_metrics()
        return gen_loss
# === expected
import flor
import tensorflow as tf


class Trainer:
    def train_step(self, batch):
        with tf.GradientTape() as tape:
            outputs = self.model(batch, training=True)
            loss = tf.reduce_mean(outputs)
        gradients = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.model.trainable_variables))

        self.update_train_metrics()
        flor.log("loss", loss)
        return loss


class GanTrainer:
    def train_step(self, batch):
        with tf.GradientTape() as g_tape:
            fake = self.generator(batch, training=True)
            gen_loss = tf.reduce_mean(self.discriminator(fake))
        gradients = g_tape.gradient(gen_loss, self.generator.trainable_variables)
        self.gen_optimizer.apply_gradients(zip(gradients, self.generator.trainable_variables))

        self.update_train_metrics()
        return gen_loss
# === diagnostics
placed loss at Trainer/train_step/stmt:4
