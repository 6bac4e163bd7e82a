# case: today's parameter `tensorboard_dir=None` (a directory) is not the old `tensorboard=False` (a switch): parameters whose defaults say one is a flag and the other a value are not paired, and the statement reading the directory is declined
# === new
import flor


def fit(sess, train_op, cost, X_train, y_train, n_epoch=100, tensorboard_dir=None, print_freq=5):
    if tensorboard_dir is not None:
        writer = SummaryWriter(tensorboard_dir)
        flor.log("tensorboard_dir", tensorboard_dir)
    for epoch in range(n_epoch):
        for X_batch, y_batch in minibatches(X_train, y_train):
            loss, _ = sess.run([cost, train_op], feed_dict={x: X_batch, y_: y_batch})
# === old
def fit(sess, train_op, cost, X_train, y_train, n_epoch=100, tensorboard=False, print_freq=5):
    if tensorboard:
        writer = SummaryWriter("logs/")
    for epoch in range(n_epoch):
        for X_batch, y_batch in minibatches(X_train, y_train):
            loss, _ = sess.run([cost, train_op], feed_dict={x: X_batch, y_: y_batch})
# === expected
<declined>
# === diagnostics
declined tensorboard_dir: reads `tensorboard_dir`, which is not bound there in this version
