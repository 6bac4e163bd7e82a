# ampligraph ampligraph/latent_features/models/EmbeddingModel.py (EmbeddingModel.fit + _perform_early_stopping_test), PyPI 1.0.0 .. 1.4.0 (v00 .. v08).
# Round 21, held out: written before the round's fixes, scored before any change made for it.
# v00-v04 are ampligraph/latent_features/models.py (all models in one file), v05-v08 the split-out
# models/EmbeddingModel.py.  2.x rewrote the package on Keras (ScoringBasedEmbeddingModel): not included.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ampligraph_model" / "versions.json").read_text())
OLDER = range(8)
_TQDM = (0, 1)          # v00-v01: `for epoch in tqdm(range(...))`, verbose msg via logger.info + tqdm.write
_NOTRY = range(4)       # v00-v03: numpy-only fit, no try/except, no large-graph mode, one sess_train.run per batch
_TRY = range(4, 8)      # v04-v07: try/except, dataset adapters, large-graph branch, feed_dict
_EPOCH = {"within": "for epoch in"}
_ES = {"within": "if early_stopping"}
CASE = {
    "name": "ampligraph_model",
    "title": "ampligraph EmbeddingModel.fit across 1.0.0 .. 1.4.0 (tqdm loop -> epoch_iterator_with_progress, "
             "inline loss graph -> _get_model_loss(dataset_iterator), try/except + large-graph lazy loading branch, "
             "is_fitted early-stop flag -> _end_training, set_training_true/false, FocusE + tensorboard)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch counter at the start of every epoch",
            "newest": ("first_in", "for epoch in epoch_iterator_with_progress:"),
            "versions": dict(
                [(v, ("first_in", "for epoch in tqdm(range(1, self.epochs + 1)", {
                    "note": "before 1.0.2 the epoch loop iterates tqdm(...) directly instead of the "
                            "epoch_iterator_with_progress variable: same loop"})) for v in _TQDM] +
                [(v, ("first_in", "for epoch in epoch_iterator_with_progress:")) for v in range(2, 8)]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", loss_batch)',
            "intent": "loss of every batch, right after the training step (after the large-graph if/else)",
            "newest": ("after", "if self.dealing_with_large_graphs:", {"within": "for batch in range"}),
            "versions": dict(
                [(v, ("after", "loss_batch, _ = self.sess_train.run([loss, train])", {
                    "note": "before 1.1 there is no large-graph if/else: the single unconditional "
                            "sess_train.run is the image of the whole if/else"})) for v in _NOTRY] +
                [(v, ("after", "if self.dealing_with_large_graphs:", {"within": "for batch in range"}))
                 for v in _TRY]),
        },
        "n_unique_entities": {
            "text": 'flor.log("n_unique_entities", unique_entities.shape[0])',
            "intent": "entities touched by the batch in large-graph mode, after the CPU embedding matrix update",
            "newest": ("after", "self.ent_emb_cpu[np.squeeze(unique_entities), :] ="),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.1 there is no large-graph mode: unique_entities is never fetched",
                      {"scope": "EmbeddingModel.fit"})) for v in _NOTRY] +
                [(v, ("after", "self.ent_emb_cpu[np.squeeze(unique_entities), :] =")) for v in _TRY]),
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", sum(losses) / (batch_size * self.batches_count))',
            "intent": "average loss of the epoch, after the batch loop and the tensorboard summary",
            "newest": ("after", "if self.tensorboard_logs_path is not None:", dict(_EPOCH, n=1, of=2)),
            "versions": {v: ("after", "for batch in range(1, self.batches_count + 1):", {
                "note": "no tensorboard summary before 1.4: right after the batch loop, before `if self.verbose:`"})
                for v in OLDER},
        },
        "epoch_msg": {
            "text": 'flor.log("epoch_msg", msg)',
            "intent": "the per-epoch progress message, right after it is logged (verbose only)",
            "newest": ("after", "logger.debug(msg)", _EPOCH),
            "versions": dict(
                [(v, ("after", "logger.info(msg)", dict(_EPOCH, note=
                      "1.0.0/1.0.1 log the message with logger.info and then tqdm.write it (later logger.debug "
                      "+ set_description): after logger.info(msg), before tqdm.write(msg)"))) for v in _TQDM] +
                [(v, ("after", "logger.debug(msg)", _EPOCH)) for v in range(2, 8)]),
        },
        "stopped_at_epoch": {
            "text": 'flor.log("stopped_at_epoch", epoch)',
            "intent": "the epoch at which early stopping fires, first thing in the stop branch",
            "newest": ("first_in", "if self._perform_early_stopping_test(epoch):"),
            "versions": dict(
                [(0, ("first_in", "if self.is_fitted:", dict(_ES, note=
                      "1.0.0 stores the test result in self.is_fitted and branches on `if self.is_fitted:` "
                      "(first statement self.sess_train.close()): same condition")))] +
                [(v, ("first_in", "if self._perform_early_stopping_test(epoch):")) for v in range(1, 8)]),
        },
        "es_stop_counter": {
            "text": 'flor.log("es_stop_counter", self.early_stopping_stop_counter)',
            "intent": "early-stopping patience counter after each (non-stopping) early-stopping test",
            "newest": ("after", "if self._perform_early_stopping_test(epoch):"),
            "versions": dict(
                [(0, ("after", "if self.is_fitted:", dict(_ES, note=
                      "1.0.0: after the whole `if self.is_fitted:` that follows "
                      "`self.is_fitted = self._perform_early_stopping_test(epoch)`, inside `if early_stopping:`")))] +
                [(v, ("after", "if self._perform_early_stopping_test(epoch):", {
                    "note": "before 1.2 there is no set_training_true try after it: last in `if early_stopping:`"}
                    if v < 5 else {})) for v in range(1, 8)]),
        },
        "es_current_value": {
            "text": 'flor.log("es_current_value", current_test_value)',
            "intent": "validation metric of each early-stopping check, after it is computed (and sent to tensorboard)",
            "newest": ("after", "if self.tensorboard_logs_path is not None:",
                       {"within": "def _perform_early_stopping_test"}),
            "versions": {v: ("after", "if self.early_stopping_criteria == 'hits10':", {
                "note": "no tensorboard block before 1.4: after the hits10/hits3/hits1/mrr if/elif chain, "
                        "before the best-value comparison"}) for v in OLDER},
        },
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "triples per batch, once computed and stored, before the parameters are initialised",
            "newest": ("after", "self.batch_size = batch_size"),
            "versions": dict(
                [(v, ("after", "batch_size = X.shape[0] // self.batches_count", {
                    "note": "before 1.1 batch_size is not stored on self; the tf dataset is built right after it "
                            "and before _initialize_parameters (1.1+ builds it after): the probe stays after "
                            "batch_size and before the dataset, as in the newest version"})) for v in _NOTRY] +
                [(v, ("after", "self.batch_size = batch_size")) for v in _TRY]),
        },
        "ent_emb_shape": {
            "text": 'flor.log("ent_emb_shape", self.trained_model_params[0].shape)',
            "intent": "shape of the saved entity embeddings after training completes without early stop",
            "newest": ("after", "self._save_trained_params()", {"within": "def fit"}),
            "versions": {v: ("after", "self._save_trained_params()", {"within": "def fit"}) for v in OLDER},
        },
    },
}
