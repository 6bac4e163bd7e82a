# cornac cornac/models/ncf/recom_ncf_base.py (NCFBase.fit + _fit_tf/_fit_pt; before 1.4 cornac/models/ncf/recom_neumf.py,
# NeuMF.fit + _fit_neumf), PyPI 1.0.0 .. 3.0.1 (v00 .. v06).
# Round 17, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "cornac_model" / "versions.json").read_text())
# v00-v01 (1.0.0, 1.2.0) have no recom_ncf_base.py: the file is cornac/models/ncf/recom_neumf.py
_V = [s.replace("recom_ncf_base.py", "recom_neumf.py") if i < 2 else s for i, s in enumerate(_V)]
OLDER = range(6)
_NEUMF = (0, 1)          # NeuMF._fit_neumf: TF1 graph built inline, `_, _loss = self.sess.run([train_op, ...])`
_BASE1 = (2, 3, 4)       # NCFBase._fit_tf(self): graph built by fit(), `_loss = self._step_update(...)`
_TF = {"within": "def _fit_tf"}
_PT = {"within": "def _fit_pt"}
_OLD_TF = {0: {"within": "def _fit_neumf"}, 1: {"within": "def _fit_neumf"},
           2: _TF, 3: _TF, 4: _TF, 5: _TF}


def _w(v, **extra):
    d = dict(_OLD_TF[v])
    d.update(extra)
    return d


CASE = {
    "name": "cornac_model",
    "title": "cornac NCF training loop across 1.0.0 .. 3.0.1 (NeuMF._fit_neumf with an inline TF1 graph -> "
             "early stopping -> generic NCFBase._fit_tf with _step_update -> tensorflow/pytorch backends "
             "(_fit_tf + _fit_pt) -> TF2 eager GradientTape loop)",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", loop.n)',
            "intent": "epoch counter (tqdm position) at the start of every TensorFlow-backend epoch",
            "newest": ("first_in", "for _ in loop:", _TF),
            "versions": {v: ("first_in", "for _ in loop:", _w(v)) for v in OLDER},
        },
        "lr": {
            "text": 'flor.log("lr", self.lr)',
            "intent": "learning rate, once the optimizer has been built, before the epoch loop",
            "newest": ("after", "optimizer = get_optimizer("),
            "versions": dict(
                [(v, ("after", "train_op = train_fn(", {
                    "renames": {"self.lr": "self.learning_rate"},
                    "note": "NeuMF stores the learning rate as self.learning_rate (train_fn(..., "
                            "learning_rate=self.learning_rate) -> get_optimizer(learning_rate=self.lr)); "
                            "train_fn builds the optimizer with the train op inside `with graph.as_default():`: "
                            "after it (image of the previous sibling), not just before the loop"}))
                 for v in _NEUMF] +
                [(v, ("before", "loop = trange(", {
                    "note": "the optimizer is built by the subclass's _build_graph (other file, called from "
                            "fit()); nothing in _fit_tf plays its role: the place keeps its position, "
                            "after the leading import (v02-v03) / first in _fit_tf (v04), before the loop"}))
                 for v in _BASE1] +
                [(5, ("after", 'if not hasattr(self, "graph"):', {
                    "within": "def _fit_tf",
                    "note": "_build_graph_tf() builds model and train op under `if not hasattr(self, 'graph')`: "
                            "after the whole if (the probe is unconditional), before the loop"}))]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", float(loss_value))',
            "intent": "loss of each TensorFlow training batch, right after the update is applied",
            "newest": ("after", "optimizer.apply_gradients("),
            "versions": dict(
                [(v, ("after", "_, _loss = self.sess.run(", _w(v, renames={"loss_value": "_loss"},
                      note="TF1: one sess.run computes the loss and applies train_op; the batch loss is "
                           "`_loss` (sum_loss += ... * _loss)")))
                 for v in (0, 1, 5)] +
                [(v, ("after", "_loss = self._step_update(", {
                    "renames": {"loss_value": "_loss"},
                    "note": "the update is delegated to _step_update, which returns the batch loss"}))
                 for v in _BASE1]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", float(tf.linalg.global_norm(grads)))',
            "intent": "global gradient norm of each TensorFlow batch (eager GradientTape)",
            "newest": ("after", "grads = tape.gradient("),
            "versions": {v: ("na", "missing_dependency",
                             "TF1 graph mode: gradients are applied inside the train op by sess.run; no "
                             "`grads` is ever bound in the training loop before the GradientTape rewrite",
                             {"scope": "_fit_neumf" if v in _NEUMF else "_fit_tf"})
                         for v in OLDER},
        },
        "samples_seen": {
            "text": 'flor.log("samples_seen", count)',
            "intent": "samples seen so far in the epoch, after the counter is advanced",
            "newest": ("after", "count += len(batch_users)", _TF),
            "versions": dict(
                [(v, ("after", "count += len(batch_ratings)", _w(v, note="counter advanced by "
                      "len(batch_ratings) before 1.18 (same length): same statement")))
                 for v in (0, 1, 2, 3, 4)] +
                [(5, ("after", "count += len(batch_users)", _TF))]),
        },
        "sum_loss": {
            "text": 'flor.log("sum_loss", sum_loss)',
            "intent": "running loss sum at the end of every batch, after the periodic progress-bar update",
            "newest": ("after", "if i % 10 == 0:", _TF),
            "versions": {v: ("after", "if i % 10 == 0:", _w(v, note="after the whole `if i % 10 == 0:` "
                                                                 "block, not inside it"))
                         for v in OLDER},
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", sum_loss / count)',
            "intent": "mean training loss of the epoch, after the batch loop and before early stopping",
            "newest": ("after", "for i, (batch_users, batch_items, batch_ratings) in enumerate(", _TF),
            "versions": {v: ("after", "for i, (batch_users, batch_items, batch_ratings) in enumerate(",
                             _w(v, note="v00 has no early-stopping check: last statement of the epoch body")
                             if v == 0 else _w(v))
                         for v in OLDER},
        },
        "stopped_at": {
            "text": 'flor.log("stopped_at", loop.n)',
            "intent": "epoch at which early stopping fires, right before the break",
            "newest": ("first_in", "if self.early_stopping is not None and self.early_stop(", _TF),
            "versions": dict(
                [(0, ("na", "no_anchor", "1.0.0 has no early stopping: the loop always runs num_epochs "
                      "epochs and there is no stop branch", {"scope": "_fit_neumf"}))] +
                [(v, ("first_in", "if self.early_stopping is not None and self.early_stop(", _w(v)))
                 for v in range(1, 6)]),
        },
        "pt_loss": {
            "text": 'flor.log("pt_loss", loss.item())',
            "intent": "loss of each PyTorch-backend batch, after backward",
            "newest": ("after", "loss.backward()"),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "no PyTorch backend (_fit_pt) before 1.18; the TensorFlow loop is the image of "
                      "_fit_tf, not of _fit_pt" + (" (v00 binds a TF graph tensor `loss` in _fit_neumf, which is "
                      "not this value)" if v == 0 else ""),
                      {"scope": "_fit_neumf" if v in _NEUMF else "_fit_tf"}))
                 for v in range(5)] +
                [(5, ("after", "loss.backward()"))]),
        },
        "n_users": {
            "text": 'flor.log("n_users", self.num_users)',
            "intent": "number of users of the training set, when a trainable model is fitted, before training",
            "newest": ("after", "self.num_items = self.num_items"),
            "versions": dict(
                [(v, ("first_in", "if self.trainable:", {
                    "renames": {"self.num_users": "train_set.num_users"},
                    "alt_texts": ['flor.log("n_users", self.train_set.num_users)'],
                    "note": "NeuMF 1.0-1.2 has no self.num_users (neither here nor in Recommender): the file "
                            "reads self.train_set.num_users, which 1.4 copies into self.num_users (and "
                            "Recommender.fit 1.18+ sets from train_set.num_users). fit's parameter train_set is "
                            "that object (Recommender.fit stores it as self.train_set, in another file, so the "
                            "build cannot see self.train_set bound): both texts accepted; first in "
                            "`if self.trainable:`, before training starts"}))
                 for v in _NEUMF] +
                [(v, ("after", 'if not hasattr(self, "graph"):', {
                    "note": "self.num_users is assigned inside `if not hasattr(self, 'graph'):`; the probe is "
                            "only under `if self.trainable:` in the newest version: after the whole inner if, "
                            "before self._fit_tf()"}))
                 for v in _BASE1] +
                [(5, ("after", "self.num_items = self.num_items"))]),
        },
    },
}
