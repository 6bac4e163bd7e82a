# LibRecommender libreco/training/tf_trainer.py (TensorFlowTrainer.run + _build_train_ops), PyPI 0.10.0 .. 1.5.2 (v00 .. v06).
# Round 22, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "libreco_trainer" / "versions.json").read_text())
OLDER = range(6)
_GEN = range(4)         # v00-v03: data_generator = self.get_data_generator(...), `for data in data_generator(...)`, get_feed_dict
_LOADER = range(4, 6)   # v04-v05: data_loader = get_batch_loader(...), `for batch_data in tqdm(...)`, fetches, get_tf_feeds
_TF = {"within": "class TensorFlowTrainer("}


def _w(**kw):
    d = dict(_TF)
    d.update(kw)
    return d


CASE = {
    "name": "libreco_trainer",
    "title": "LibRecommender TensorFlowTrainer.run across 0.10.0 .. 1.5.2 (data_generator + per-field unpacking + "
             "get_feed_dict -> data_loader/get_batch_loader + batch_data + fetches + get_tf_feeds; eval args moved "
             "from self.k/... to run() parameters; EMBEDDING_MODELS -> EmbeddingModels.contains; lr print "
             "gated by verbose; tqdm disable flag; subclasses with their own run() removed in 1.1)",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", self.sess.run(self.lr))',
            "intent": "decayed learning rate at the start of every epoch, where lr decay is on",
            "newest": ("last_in", "if self.lr_decay and verbose > 0:", _TF),
            "versions": {v: ("last_in", "if self.lr_decay:", _w(n=1, of=2, note=
                             "before 1.3 the lr print is guarded by `if self.lr_decay:` only (no verbose test): the "
                             "same if statement, so the probe goes inside it, after the print; self.sess.run(self.lr) "
                             "needs the decayed-lr tensor, which only exists under lr_decay. The second "
                             "`if self.lr_decay:` is the one in _build_train_ops"))
                         for v in OLDER},
        },
        "loader_type": {
            "text": 'flor.log("loader_type", type(data_loader).__name__)',
            "intent": "kind of batch source built once before the epoch loop",
            "newest": ("after", "data_loader = get_batch_loader(", _TF),
            "versions": dict(
                [(v, ("after", "data_generator = self.get_data_generator(train_data)", _w(
                    renames={"data_loader": "data_generator"},
                    note="before 1.1 the batch source is `data_generator = self.get_data_generator(train_data)`, "
                         "built at the same point and iterated every epoch: a rename (different type, same role; "
                         "the probe only reads its type)"))) for v in _GEN] +
                [(v, ("after", "data_loader = get_batch_loader(", _TF)) for v in _LOADER]),
        },
        "batch_type": {
            "text": 'flor.log("batch_type", type(batch_data).__name__)',
            "intent": "type of each training batch, first thing in the batch loop",
            "newest": ("first_in", "for batch_data in tqdm(", _TF),
            "versions": dict(
                [(v, ("first_in", "for data in data_generator(shuffle, self.batch_size):", _w(
                    renames={"batch_data": "data"},
                    note="the batch loop variable is `data` (a tuple unpacked field by field) before 1.1: "
                         "rename of the loop variable; first statement of the loop, before the unpacking"))) for v in _GEN] +
                [(v, ("first_in", "for batch_data in tqdm(", _TF)) for v in _LOADER]),
        },
        "feed_size": {
            "text": 'flor.log("feed_size", len(feed_dict))',
            "intent": "number of placeholders fed for each batch",
            "newest": ("after", "feed_dict = get_tf_feeds(", _TF),
            "versions": dict(
                [(v, ("after", "feed_dict = get_feed_dict(", _w(
                    note="before 1.1 the feed dict is built by `feed_dict = get_feed_dict(self.model, user_indices, ...)` "
                         "after the per-field unpacking: same statement role"))) for v in _GEN] +
                [(v, ("after", "feed_dict = get_tf_feeds(", _TF)) for v in _LOADER]),
        },
        "n_fetches": {
            "text": 'flor.log("n_fetches", len(fetches))',
            "intent": "number of ops fetched per training step, right after the fetch tuple is built",
            "newest": ("after", "fetches = (self.loss, self.training_op)", _TF),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.1 there is no `fetches` variable: the list [self.loss, self.training_op] is "
                      "written inline in the sess.run call", {"scope": "TensorFlowTrainer.run"})) for v in _GEN] +
                [(v, ("after", "fetches = (self.loss, self.training_op)", _TF)) for v in _LOADER]),
        },
        "batch_loss": {
            "text": 'flor.log("batch_loss", train_loss)',
            "intent": "loss of every training step, right after sess.run",
            "newest": ("after", "train_loss, _ = self.sess.run(fetches, feed_dict)", _TF),
            "versions": dict(
                [(v, ("after", "train_loss, _ = self.sess.run(", _w(
                    note="before 1.1 the step is the multi-line `train_loss, _ = self.sess.run([self.loss, "
                         "self.training_op], feed_dict)`: after the whole statement"))) for v in _GEN] +
                [(v, ("after", "train_loss, _ = self.sess.run(fetches, feed_dict)", _TF)) for v in _LOADER]),
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", float(np.mean(train_total_loss)))',
            "intent": "mean training loss of each epoch, after the timed epoch block, for every verbosity",
            "newest": ("after", "with time_block(f\"Epoch {epoch}\", verbose):", _TF),
            "versions": {v: ("after", "with time_block(f\"Epoch {epoch}\", verbose):", _w(
                note="after the whole `with time_block` block and before `if verbose > 1:` (unconditional)"))
                for v in OLDER},
        },
        "eval_metrics": {
            "text": 'flor.log("eval_metrics", metrics)',
            "intent": "metrics about to be evaluated, after the embeddings are refreshed (verbose > 1 only)",
            "newest": ("after", "if EmbeddingModels.contains(self.model.model_name):", _TF),
            "versions": dict(
                [(0, ("after", "if self.model.model_name in EMBEDDING_MODELS:", _w(
                    note="0.10 tests `self.model.model_name in EMBEDDING_MODELS`: same if, probe after it, "
                         "inside `if verbose > 1:`")))] +
                [(v, ("after", "if self.model.model_name in constants.EMBEDDING_MODELS:", _w(
                    note="0.12/1.0 test `self.model.model_name in constants.EMBEDDING_MODELS`: same if")))
                 for v in (1, 2, 3)] +
                [(4, ("after", "if self.model.model_name in EMBEDDING_MODELS:", _TF))] +
                [(5, ("after", "if EmbeddingModels.contains(self.model.model_name):", _TF))]),
        },
        "global_steps": {
            "text": 'flor.log("global_steps", global_steps)',
            "intent": "global-step variable used for lr decay (None without decay), once the lr branch is decided",
            "newest": ("after", "if self.lr_decay:", _TF),
            "versions": {v: ("after", "if self.lr_decay:", _w(n=2, of=2, note=
                             "in _build_train_ops, after the whole lr_decay if/else; before 1.3 run() also has an "
                             "`if self.lr_decay:` (the first match)"))
                         for v in OLDER},
        },
    },
}
