# case: the if/else before the site calls a helper new today whose last statement was inline after the old optimizer step: the site follows it too
# === new
import flor
import tensorflow as tf


def compute_gradients(model, batch, metrics):
    outputs = model(batch, training=True)
    loss = tf.reduce_mean(outputs)
    gradients = tf.gradients(loss, model.trainable_variables)
    metrics.update_state(loss)
    return gradients, loss


def train_step(model, batch, optimizer, metrics, accumulator, steps):
    if steps == 1:
        gradients, loss = compute_gradients(model, batch, metrics)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    else:
        loss = 0.0
        for part in tf.split(batch, steps):
            gradients, part_loss = compute_gradients(model, part, metrics)
            accumulator(gradients)
            loss += part_loss
        optimizer.apply_gradients(zip(accumulator.gradients, model.trainable_variables))
        accumulator.reset()
    flor.log("loss", loss)
    return loss
# === old
import tensorflow as tf


def train_step(model, batch, optimizer, metrics):
    with tf.GradientTape() as tape:
        outputs = model(batch, training=True)
        loss = tf.reduce_mean(outputs)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))

    metrics.update_state(loss)
    return loss
# === expected
import flor
import tensorflow as tf


def train_step(model, batch, optimizer, metrics):
    with tf.GradientTape() as tape:
        outputs = model(batch, training=True)
        loss = tf.reduce_mean(outputs)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))

    metrics.update_state(loss)
    flor.log("loss", loss)
    return loss
# === diagnostics
placed loss at train_step/stmt:4
