# u8darts darts/models/forecasting/torch_forecasting_model.py (TorchForecastingModel.fit / fit_from_dataset / _train / _evaluate_validation_loss), PyPI 0.1.0 .. 0.16.1 (v00 .. v09).
# Round 16, held out: written before the round's fixes, scored before any change made for it.
# (darts/models/torch_forecasting_model.py before 0.12.0, i.e. v00 .. v05; all releases predate PyTorch Lightning.)
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "darts_torch_model" / "versions.json").read_text())
ALL = range(9)
_TR = {"within": "def _train("}
_EV = {"within": "def _evaluate_validation_loss("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "darts_torch_model",
    "title": "darts TorchForecastingModel training loop across 0.1.0 .. 0.16.1 (loss-of-differences term dropped "
             "(0.6), fit() split into fit()/fit_from_dataset() (0.6), resumable epochs via total_epochs and "
             "train_num_epochs (0.9), tuple batches train_batch[:-1]/train_batch[-1] (0.10), _batch_to_device "
             "(0.10.1/0.11), optional checkpoints behind save_checkpoints (0.13), ReduceLROnPlateau branch and "
             "black formatting (0.16))",
    "stories": _V,
    "probes": {
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss.item())',
            "intent": "training loss of each batch, right after it is computed (before zero_grad/backward)",
            "newest": ("after", "loss = self._compute_loss(output, target)", _TR),
            "versions": dict(
                [(v, ("after", "loss = self.criterion(output, target)", _w(_TR, **{
                    "alt": [("after", "loss = loss + loss_of_diff", _TR)],
                    "note": "0.1.x-0.5.x compute the loss with self.criterion and then add a loss-of-differences "
                            "term in an if/else followed by `loss = loss + loss_of_diff` (no counterpart in the "
                            "newest version): right after the criterion call (image of the previous sibling) or "
                            "after the sum (the value that is backpropagated, right before zero_grad) are both "
                            "accepted"}))) for v in (0, 1)] +
                [(2, ("after", "loss = self.criterion(output, target)", _w(_TR, **{
                    "note": "0.6.0 calls self.criterion directly (no _compute_loss yet): same statement"})))] +
                [(v, ("after", "loss = self._compute_loss(output, target)", _TR)) for v in range(3, 9)]),
        },
        "target_shape": {
            "text": 'flor.log("target_shape", tuple(target.shape))',
            "intent": "shape of the target tensor of each training batch, once the target is taken from the batch",
            "newest": ("after", "target = train_batch[", _TR),
            "versions": dict(
                [(v, ("after", "data, target = data.to(self.device), target.to(self.device)", _w(_TR, **{
                    "alt": [("after", "output = self.", _TR)],
                    "note": "before 0.10 the batch is unpacked as `(data, target)` by the for loop and moved to "
                            "the device by `data, target = data.to(...), target.to(...)` BEFORE the forward pass; "
                            "from 0.10 `target = train_batch[-1]` comes after `output = ...`. Right after the "
                            "statement that binds target (image of the previous sibling) or after the forward "
                            "(keeps the order output -> probe -> loss) are both accepted; target is the same "
                            "device tensor at both"}))) for v in range(0, 4)] +
                [(v, ("after", "target = train_batch[", _TR)) for v in range(4, 9)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "learning rate at the end of each epoch, after the scheduler step",
            "newest": ("after", "if isinstance(", _TR),
            "versions": dict(
                [(v, ("after", "if self.lr_scheduler is not None:", _w(_TR, **{
                    "note": "before 0.16 the scheduler step is a single `if self.lr_scheduler is not None:` (no "
                            "ReduceLROnPlateau branch): after that if"}))) for v in ALL]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", param.grad.norm().item())',
            "intent": "gradient norm of each trainable parameter, where its gradient histogram is written to "
                      "TensorBoard (inside `if param.requires_grad:`)",
            "newest": ("after", "tb_writer.add_histogram(", _TR),
            "versions": dict(
                [(v, ("after", "tb_writer.add_histogram(", _w(_TR, **{
                    "note": "0.1.x-0.6.0 have no `if param.requires_grad:` guard: the histogram (and the probe) "
                            "run unconditionally for every parameter in the named_parameters() loop"})))
                 for v in (0, 1, 2)] +
                [(v, ("after", "tb_writer.add_histogram(", _TR)) for v in range(3, 9)]),
        },
        "total_epochs": {
            "text": 'flor.log("total_epochs", self.total_epochs)',
            "intent": "number of epochs the model has been trained for, right after it is advanced",
            "newest": ("after", "self.total_epochs = epoch + 1", _TR),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.9 the model always trains range(self.n_epochs) from scratch and never keeps a "
                      "self.total_epochs counter (epoch + 1 would be a substitute, not a rename)",
                      {"scope": "_train"})) for v in (0, 1, 2)] +
                [(v, ("after", "self.total_epochs = epoch + 1", _TR)) for v in range(3, 9)]),
        },
        "ckpt_folder": {
            "text": 'flor.log("ckpt_folder", _get_checkpoint_folder(self.work_dir, self.model_name))',
            "intent": "checkpoint folder, right after the per-epoch (not best-model) checkpoint is saved",
            "newest": ("after", "self._save_model_from_fit(", _w(_TR, n=1, of=2)),
            "versions": dict(
                [(v, ("after", "self._save_model(False", _w(_TR, **{
                    "note": "before 0.13 the per-epoch checkpoint is saved unconditionally by "
                            "`self._save_model(False, ...)` (no save_checkpoints flag): the probe goes "
                            "unconditionally after it"}))) for v in range(0, 7)] +
                [(v, ("after", "self._save_model_from_fit(", _w(_TR, n=1, of=2))) for v in (7, 8)]),
        },
        "val_batch_loss": {
            "text": 'flor.log("val_batch_loss", loss.item())',
            "intent": "validation loss of each validation batch (in _evaluate_validation_loss), right after it is "
                      "computed",
            "newest": ("after", "loss = self._compute_loss(output, target)", _EV),
            "versions": dict(
                [(v, ("after", "loss = self.criterion(output, target)", _w(_EV, **{
                    "alt": [("after", "if self.output_length == 1:", _EV)],
                    "note": "0.1.x-0.5.x compute a separate loss_of_diff in an if/else right after the loss (no "
                            "counterpart in the newest version; it does not change `loss`): before or after that "
                            "if/else are both accepted"}))) for v in (0, 1)] +
                [(2, ("after", "loss = self.criterion(output, target)", _EV))] +
                [(v, ("after", "loss = self._compute_loss(output, target)", _EV)) for v in range(3, 9)]),
        },
        "train_num_epochs": {
            "text": 'flor.log("train_num_epochs", train_num_epochs)',
            "intent": "number of epochs this fit call will train for, right after it is decided",
            "newest": ("after", "train_num_epochs = ", {}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.9 fit has no `epochs` argument and no train_num_epochs: _train always runs "
                      "self.n_epochs (a substitute value, not a rename)",
                      {"scope": "fit" if v < 2 else "fit_from_dataset"})) for v in (0, 1, 2)] +
                [(v, ("after", "train_num_epochs = ")) for v in range(3, 9)]),
        },
        "n_batches": {
            "text": 'flor.log("n_batches", len(train_loader))',
            "intent": "number of training batches per epoch, right after the training DataLoader is built",
            "newest": ("after", "train_loader = DataLoader(", {}),
            "versions": dict(
                [(v, ("after", "train_loader = DataLoader(", {
                    "note": "0.1.x-0.5.x build the DataLoader in fit() itself (there is no fit_from_dataset); "
                            "right after it, before the `len(train_loader) > 0` check"})) for v in (0, 1)] +
                [(v, ("after", "train_loader = DataLoader(")) for v in range(2, 9)]),
        },
        "n_train_samples": {
            "text": 'flor.log("n_train_samples", len(train_dataset))',
            "intent": "number of training samples, right after fit() builds the training dataset",
            "newest": ("after", "train_dataset = self._build_train_dataset(", {}),
            "versions": dict(
                [(0, ("after", "dataset = self.create_dataset(", {
                    "renames": {"train_dataset": "dataset"},
                    "note": "0.1.x builds the training dataset as `dataset = self.create_dataset(series)`"}))] +
                [(1, ("after", "dataset = self._create_dataset(", {
                    "renames": {"train_dataset": "dataset"},
                    "note": "0.3.x/0.5.x build it as `dataset = self._create_dataset(...)`"}))] +
                [(v, ("after", "train_dataset = self._build_train_dataset(")) for v in range(2, 9)]),
        },
    },
}
