# alibi-detect alibi_detect/models/tensorflow/trainer.py (alibi_detect/models/trainer.py before 0.6.0; function trainer),
# PyPI 0.1.0 .. 0.13.0 (v00 .. v08).
# Round 33, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "alibidetect_trainer" / "versions.json").read_text())
OLDER = range(8)
# v00 0.1.0: X_train; dataset built into train_data; n_minibatch = ceil(X_train.shape[0] / batch_size);
#            `for step, train_batch in enumerate(train_data)`, X_train_batch / y_train_batch split by an if/else,
#            preds = model(X_train_batch), ground_truth by if/else, loss_fn(*args[, **loss_fn_kwargs]);
#            verbose block pads loss_val with a one-line condition, pbar 'loss'
# v01 0.3.0: loss_val padding handles 2-d losses (`if loss_val.shape:` + nested ifs)
# v02 0.3.1: preprocess_fn applied to X_train_batch after the batch split
# v03 0.4.1: `if isinstance(loss_fn, Callable):` ... else loss = 0.
# v04 0.7.1: dataset (Sequence) parameter, x_train; `n_minibatch = len(dataset)`; loss_fn_kwargs via partial;
#            dataset.on_epoch_end(); `for step, data in enumerate(dataset)`: x, y, y_hat
# v05 0.7.2: reg_loss_fn; running mean loss_val_ma shown as 'loss_ma'
# v06 0.10.0: return_xy computed once before the loop (instead of len(data) == 2 per batch)
# v07 0.11.2: optimizer may be a class: `optimizer = optimizer() if isinstance(optimizer, type) else optimizer`
# v08 0.13.0: pbar_values arrays averaged by a `for i, (name, value) in enumerate(pbar_values):` loop (newest)
_OLDNAMES = range(4)     # v00-v03: X_train_batch / preds / ground_truth
_NOPRE = (0, 1)          # v00-v01: no preprocess_fn
_STEP_IF1 = {"within": "for step, train_batch in enumerate(train_data):", "n": 1, "of": 2}
CASE = {
    "name": "alibidetect_trainer",
    "title": "alibi-detect TensorFlow trainer() across 0.1.0 .. 0.13.0 (X_train/train_data/X_train_batch/preds -> "
             "x_train/dataset/x/y_hat, preprocess_fn, optional loss_fn, Sequence datasets, reg_loss_fn and running "
             "mean loss, return_xy, optimizer class instantiation, pbar array averaging)",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", float(optimizer.learning_rate))',
            "intent": "learning rate of the optimizer the loop will use, once it is instantiated, before anything else",
            "newest": ("after", "optimizer = optimizer() if isinstance(optimizer, type) else optimizer"),
            "versions": dict(
                [(v, ("before", "if y_train is None:", {
                    "n": 1, "of": 3,
                    "note": "before 0.11.2 the optimizer parameter is already an instance (default "
                            "Adam(learning_rate=1e-3)) and is never reassigned: the probe keeps its place as the "
                            "first statement of the body after the docstring, before the dataset is built "
                            "(the function-level `if y_train is None:`)"})) for v in range(0, 4)] +
                [(v, ("before", "if not isinstance(dataset, tf.keras.utils.Sequence):", {
                    "note": "no instantiation statement before 0.11.2 (optimizer is an instance parameter): first "
                            "statement after the docstring, before the dataset is built"})) for v in (4, 5)] +
                [(6, ("before", "return_xy = ", {
                    "note": "no instantiation statement before 0.11.2: first statement after the docstring, "
                            "before return_xy as in the newest version"}))] +
                [(7, ("after", "optimizer = optimizer() if isinstance(optimizer, type) else optimizer"))]),
        },
        "return_xy": {
            "text": 'flor.log("return_xy", return_xy)',
            "intent": "whether the batches carry labels (x, y) or inputs only, decided once before training",
            "newest": ("after", "return_xy = "),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.10.0 there is no return_xy: 0.7.x tests `len(data) == 2` on every batch and "
                      "0.1-0.4 test `y_train is None`; those are different expressions, not a rename",
                      {"scope": "trainer"})) for v in range(0, 6)] +
                [(v, ("after", "return_xy = ")) for v in (6, 7)]),
        },
        "n_minibatch": {
            "text": 'flor.log("n_minibatch", n_minibatch)',
            "intent": "number of minibatches per epoch, once computed",
            "newest": ("after", "n_minibatch = len(dataset)"),
            "versions": dict(
                [(v, ("after", "n_minibatch = int(np.ceil(X_train.shape[0] / batch_size))", {
                    "note": "before 0.7.1 n_minibatch is computed from X_train.shape[0] instead of len(dataset): "
                            "same variable, same role (after the dataset is built, before the epoch loop)"}))
                 for v in range(0, 4)] +
                [(v, ("after", "n_minibatch = len(dataset)")) for v in range(4, 8)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch counter at the start of every epoch",
            "newest": ("first_in", "for epoch in range(epochs):"),
            "versions": {v: ("first_in", "for epoch in range(epochs):") for v in OLDER},
        },
        "batch_rows": {
            "text": 'flor.log("batch_rows", int(x.shape[0]))',
            "intent": "number of rows in the (preprocessed) input batch, just before the forward pass",
            "newest": ("after", "if isinstance(preprocess_fn, Callable):"),
            "versions": dict(
                [(v, ("after", "if y_train is None:", dict(_STEP_IF1, renames={"x": "X_train_batch"}, note=(
                    "0.1.0/0.3.0 have no preprocess_fn; the input batch X_train_batch is split off by the first "
                    "`if y_train is None: ... else: ...` in the step loop: after that whole if/else, before the "
                    "GradientTape block (the second `if y_train is None:` is inside the tape block)"))))
                 for v in _NOPRE] +
                [(v, ("after", "if isinstance(preprocess_fn, Callable):", {
                    "renames": {"x": "X_train_batch"},
                    "note": "after the whole preprocess `if` (unconditional); the input batch is X_train_batch"}))
                 for v in (2, 3)] +
                [(v, ("after", "if isinstance(preprocess_fn, Callable):")) for v in range(4, 8)]),
        },
        "n_outputs": {
            "text": 'flor.log("n_outputs", 1 if tf.is_tensor(y_hat) else len(y_hat))',
            "intent": "number of model outputs the loss is computed from (a tensor or a tuple), right after the forward pass",
            "newest": ("after", "y_hat = model(x)"),
            "versions": dict(
                [(v, ("after", "preds = model(X_train_batch)", {
                    "renames": {"y_hat": "preds"},
                    "note": "the model output is `preds` before 0.7.1 (inside the GradientTape block)"}))
                 for v in _OLDNAMES] +
                [(v, ("after", "y_hat = model(x)")) for v in range(4, 8)]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", float(tf.reduce_mean(loss)))',
            "intent": "total loss of each batch (model loss + extra losses), once the GradientTape block is closed",
            "newest": ("after", "with tf.GradientTape() as tape:"),
            "versions": {v: ("after", "with tf.GradientTape() as tape:") for v in OLDER},
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(tf.linalg.global_norm(grads)))',
            "intent": "global gradient norm of each batch, before the optimizer step",
            "newest": ("after", "grads = tape.gradient(loss, model.trainable_weights)"),
            "versions": {v: ("after", "grads = tape.gradient(loss, model.trainable_weights)") for v in OLDER},
        },
        "loss_val": {
            "text": 'flor.log("loss_val", float(np.mean(loss_val)))',
            "intent": "the batch loss as shown by the progress bar, after it has been padded to batch_size (verbose only)",
            "newest": ("after", "if loss_val.shape:"),
            "versions": dict(
                [(0, ("after", "if loss_val.shape != (batch_size,) and loss_val.shape:", {
                    "note": "0.1.0 pads with a one-line condition (1-d losses only); same role: after the whole "
                            "padding `if`, inside `if verbose:`"}))] +
                [(v, ("after", "if loss_val.shape:")) for v in range(1, 8)]),
        },
        "loss_ma": {
            "text": 'flor.log("loss_ma", float(np.mean(loss_val_ma)))',
            "intent": "running mean of the batch loss over the epoch (verbose only)",
            "newest": ("after", "loss_val_ma = loss_val_ma + "),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "the running mean loss_val_ma arrives in 0.7.2; before it the progress bar shows the "
                      "batch loss_val itself (a different value, not a rename)", {"scope": "trainer"}))
                 for v in range(0, 5)] +
                [(v, ("after", "loss_val_ma = loss_val_ma + ")) for v in (5, 6, 7)]),
        },
        "pbar_values": {
            "text": 'flor.log("pbar_values", dict(pbar_values))',
            "intent": "the values handed to the progress bar for this batch, just before pbar.add (verbose only)",
            "newest": ("after", "for i, (name, value) in enumerate(pbar_values):"),
            "versions": {v: ("after", "if log_metric is not None:", {
                "note": "the array-averaging loop arrives in 0.13.0; before it the probe keeps its place "
                        "between the optional metric `if log_metric is not None:` block and pbar.add(...)"})
                for v in OLDER},
        },
    },
}
