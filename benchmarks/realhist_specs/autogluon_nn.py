# autogluon-tabular autogluon/tabular/models/tabular_nn/torch/tabular_nn_torch.py (TabularNeuralNetTorchModel._train_net), PyPI 0.4.0 .. 1.6.3 (v00 .. v08).
# Round 14, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "autogluon_nn" / "versions.json").read_text())
OLDER = range(8)
# v00 0.4.0   first torch NN: temp checkpoint file `net_filename = self.path + ...`, NaN check inline,
#             early stopping by `epoch - val_improve_epoch >= epochs_wo_improve`, num_updates_per_epoch = len(loader)
# v01 0.5.2   self.score(..., _reset_threads=False)
# v02 0.6.2   net_filename = os.path.join(...)
# v03 0.7.0   num_updates_per_epoch = max(round(len(train_dataset) / batch_size) + 1, 1)
# v04 0.8.3   black formatting of _train_net
# v05 1.1.1   per-batch timing time_cur_tmp / time_elapsed_batch, estimated_time = min(v1, v2)
# v06 1.2     learning curves (generate_curves), SimpleES early_stopping_method / early_stop, in-memory
#             io_buffer checkpoint instead of the temp file, _assert_valid_metric, no save in the num_epochs == 0 branch
# v07 1.5.0   val_improve_epoch dropped, time_epoch_average = time_elapsed / max(epoch, 1)
# v08 1.6.3   state_dict checkpoint (save/load_state_dict)
_LOOP = {"within": "while do_update:"}
_DUMMY = {"within": "if num_epochs == 0:"}
_BEST = {"within": "if (val_metric >= best_val_metric) or best_epoch == 0:"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "autogluon_nn",
    "title": "AutoGluon TabularNeuralNetTorchModel._train_net across 0.4.0 .. 1.6.3 (temp-file checkpoint -> "
             "in-memory io_buffer -> state_dict, inline NaN check -> _assert_valid_metric, patience counter -> "
             "SimpleES early_stop, per-batch timing estimate, learning-curve generation)",
    "stories": _V,
    "probes": {
        "updates_per_epoch": {
            "text": 'flor.log("updates_per_epoch", num_updates_per_epoch)',
            "intent": "number of optimizer updates expected per epoch, right after it is computed",
            "newest": ("after", "num_updates_per_epoch = "),
            "versions": {v: ("after", "num_updates_per_epoch = ", {
                "note": "0.4.0-0.6.2 compute it as len(train_dataloader); same variable, same role"} if v < 3 else {})
                for v in OLDER},
        },
        "batch_time": {
            "text": 'flor.log("batch_time", time_elapsed_batch)',
            "intent": "wall time of each batch (only measured under a time limit), right after time_cur advances",
            "newest": ("after", "time_cur = time_cur_tmp", _LOOP),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.1.1 the batch loop only takes `time_cur = time.time()`; no per-batch duration "
                      "time_elapsed_batch is computed (time_cur - time_start_epoch would be a substitute)",
                      {"scope": "_train_net"})) for v in range(5)] +
                [(v, ("after", "time_cur = time_cur_tmp", _LOOP)) for v in range(5, 8)]),
        },
        "est_epoch_time": {
            "text": 'flor.log("est_epoch_time", estimated_time)',
            "intent": "estimated duration of the first epoch at the time-check update, right after it is computed "
                      "(inside `if epoch == 0 and update_cur == update_to_check_time:`)",
            "newest": ("after", "estimated_time = ", _LOOP),
            "versions": {v: ("after", "estimated_time = ", _w(_LOOP, **({
                "note": "before 1.1.1 estimated_time is the single v1 estimate "
                        "(time_elapsed_epoch / update_cur * num_updates_per_epoch): same variable, same role"}
                if v < 5 else {}))) for v in OLDER},
        },
        "untrained_loss": {
            "text": 'flor.log("untrained_loss", loss.item())',
            "intent": "loss of the single dummy update when num_epochs == 0, after the dummy loop",
            "newest": ("after", "for batch_idx, data_batch in enumerate(train_dataloader):", _DUMMY),
            "versions": dict(
                [(v, ("after", "for batch_idx, data_batch in enumerate(train_dataloader):", _w(_DUMMY, **{
                    "alt": [("before", "return", _DUMMY)],
                    "note": "before 1.2 the num_epochs == 0 branch also saves the untrained model to net_filename "
                            "and logs it after the dummy loop; those statements have no counterpart in the newest "
                            "version, so right after the loop or right before `return` are both right"})))
                 for v in range(6)] +
                [(v, ("after", "for batch_idx, data_batch in enumerate(train_dataloader):", _DUMMY))
                 for v in (6, 7)]),
        },
        "epoch_train_loss": {
            "text": 'flor.log("epoch_train_loss", total_train_loss / total_train_size)',
            "intent": "mean training loss of each completed epoch, after the learning-curve step and before validation",
            "newest": ("after", "if generate_curves:", _LOOP),
            "versions": dict(
                [(v, ("after", "epoch += 1", _w(_LOOP, **{
                    "note": "no learning curves before 1.2: after `epoch += 1`, before the validation block "
                            "(the position the probe keeps relative to the statements that exist)"})))
                 for v in range(6)] +
                [(v, ("after", "if generate_curves:", _LOOP)) for v in (6, 7)]),
        },
        "val_metric": {
            "text": 'flor.log("val_metric", val_metric)',
            "intent": "validation score of each epoch once it is known to be valid (not NaN)",
            "newest": ("after", "if not self._assert_valid_metric("),
            "versions": dict(
                [(v, ("after", "if np.isnan(val_metric):", {
                    "note": "before 1.2 the NaN check is inline (`if np.isnan(val_metric):` raise / break); "
                            "after that whole if, same role as the _assert_valid_metric check"}))
                 for v in range(6)] +
                [(v, ("after", "if not self._assert_valid_metric(")) for v in (6, 7)]),
        },
        "ckpt_epoch": {
            "text": 'flor.log("ckpt_epoch", epoch)',
            "intent": "epoch of each new best checkpoint, right after the model is saved",
            "newest": ("after", "torch.save(self.model.state_dict(), io_buffer)"),
            "versions": dict(
                [(v, ("after", "torch.save(self.model, net_filename)", _w(_BEST, **{
                    "note": "before 1.2 the best model is saved to the temp file net_filename "
                            "(inside the best-validation if; the other save is in the num_epochs == 0 branch)"})))
                 for v in range(6)] +
                [(v, ("after", "torch.save(self.model, io_buffer)", {
                    "note": "1.2-1.5 save the whole model into io_buffer"})) for v in (6, 7)]),
        },
        "early_stop": {
            "text": 'flor.log("early_stop", early_stop)',
            "intent": "early-stopping decision of each validated epoch, right after the strategy is updated",
            "newest": ("after", "early_stop = early_stopping_method.update("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.2 there is no early-stopping strategy object and no early_stop flag; the patience "
                      "test `epoch - val_improve_epoch >= epochs_wo_improve` is evaluated inline in an if "
                      "(logging that expression would be a substitute, not a rename)",
                      {"scope": "_train_net"})) for v in range(6)] +
                [(v, ("after", "early_stop = early_stopping_method.update(")) for v in (6, 7)]),
        },
        "epoch_time_avg": {
            "text": 'flor.log("epoch_time_avg", time_epoch_average)',
            "intent": "average epoch time used by the end-of-epoch time-limit check",
            "newest": ("after", "time_epoch_average = "),
            "versions": {v: ("after", "time_epoch_average = ", {
                "note": "before 1.5 it is time_elapsed / (epoch + 1); same variable, same role"} if v < 7 else {})
                for v in OLDER},
        },
        "restored_params": {
            "text": 'flor.log("restored_params", sum(p.numel() for p in self.model.parameters()))',
            "intent": "size of the best model right after it is restored from the checkpoint",
            "newest": ("after", "self.model.load_state_dict(torch.load(io_buffer, weights_only=True))"),
            "versions": dict(
                [(v, ("after", "self.model = torch.load(net_filename)", {
                    "alt": [("after", "os.remove(net_filename)")],
                    "note": "before 1.2 the best model is reloaded from the temp file inside "
                            "`try: ... except FileNotFoundError: pass` (the counterpart of `if io_buffer is not None:`: "
                            "only when a checkpoint was written); right after the load, or after the os.remove that "
                            "follows it in the try (does not touch the model)"}))
                 for v in range(6)] +
                [(v, ("after", "self.model = torch.load(io_buffer, weights_only=False)", {
                    "note": "1.2-1.5 load the whole model from io_buffer"})) for v in (6, 7)]),
        },
    },
}
