# case: the old version takes the directory under today's name and logs it already: nothing changes
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
import flor


def fit(sess, train_op, cost, X_train, y_train, n_epoch=100, tensorboard_dir=None, print_freq=5):
    if tensorboard_dir is not None:
        writer = SummaryWriter(tensorboard_dir)
        flor.log("tensorboard_dir", tensorboard_dir)
    for epoch in range(n_epoch):
        loss = sess.run(cost)
# === expected
<unchanged>
# === diagnostics
present tensorboard_dir
