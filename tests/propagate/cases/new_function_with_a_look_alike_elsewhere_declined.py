# case: a function new today shares one look-alike statement with an old function that is gone today: no counterpart, declined
# === new
import flor


def train_multi(net, train_iter, test_iter, trainer, num_epochs, devices):
    timer, num_batches = Timer(), len(train_iter)
    net = nn.DataParallel(net, device_ids=devices).to(devices[0])
    for epoch in range(num_epochs):
        metric = Accumulator(4)
        for i, (features, labels) in enumerate(train_iter):
            timer.start()
            l, acc = train_batch(net, features, labels, trainer, devices)
            metric.add(l, acc, labels.shape[0], labels.numel())
            timer.stop()
        test_acc = evaluate_accuracy_gpu(net, test_iter)
        flor.log("test_acc", test_acc)
        print(f"epoch {epoch}: {test_acc:.3f}")
# === old
def train_softmax(net, train_iter, test_iter, loss, num_epochs, updater):
    animator = Animator(xlabel="epoch", xlim=[1, num_epochs], legend=["train loss", "test acc"])
    for epoch in range(num_epochs):
        train_metrics = train_epoch_softmax(net, train_iter, loss, updater)
        test_acc = evaluate_accuracy_gpu(net, test_iter)
        animator.add(epoch + 1, train_metrics + (test_acc,))
    train_loss, train_acc = train_metrics
    assert train_loss < 0.5, train_loss
# === expected
<declined>
# === diagnostics
declined test_acc: its function is new and its neighbours' counterparts are look-alikes in another function
