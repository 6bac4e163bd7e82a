# stanza stanza/models/tagger.py (train), PyPI 1.0.0 .. 1.15.0 (v00 .. v08).
# Round 16, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "stanza_tagger" / "versions.json").read_text())
OLDER = range(8)
# v00 1.0.0   print(), one train file -> train_batch DataLoader, dev_batch DataLoader, gold_file, AMSGrad switch
# v01 1.2     logger, model_file_name()/load_pretrain(), punct augmentation, early-termination message
# v02 1.2.3   conll2doc / write_doc2conll
# v03 1.4.2   charlm args, wandb init / log / finish
# v04 1.5.0   FoundationCache, log_norms, second optimizer (lr = args['second_lr'] ...), reload
# v05 1.5.1   several train files: train_batches (list of loaders), per-pass all_train_batches + shuffle,
#             eval_type, scorer on args['eval_file']
# v06 1.7.0   load_training_data(): train_batches is a ShuffledDataset; dev_data Dataset + dev_batch loader;
#             save_each checkpoints
# v07 1.11.0  logger.debug device line, scorer on an in-memory StringIO, return trainer, _
# v08 1.15.0  (newest) set_predictions() with extra tag columns, word_cutoff
_EVAL = {"within": "if global_step % args['eval_interval'] == 0:"}


def _o(base=None, **kw):
    d = dict(base or {})
    d.update(kw)
    return d


CASE = {
    "name": "stanza_tagger",
    "title": "stanza POS tagger train() across 1.0.0 .. 1.15.0 (print -> logger, one train file -> several "
             "-> ShuffledDataset, DataLoader dev_batch -> Dataset dev_data, AMSGrad -> configurable second "
             "optimizer, wandb, save_each checkpoints, in-memory scoring)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss)',
            "intent": "training loss of every update step",
            "newest": ("after", "loss = trainer.update(batch, eval=False)"),
            "versions": {v: ("after", "loss = trainer.update(batch, eval=False)") for v in OLDER},
        },
        "n_batches": {
            "text": 'flor.log("n_batches", len(train_batches))',
            "intent": "number of training batches of each pass over the data, right before the batch loop",
            "newest": ("after", "do_break = False"),
            "versions": dict(
                [(v, ("after", "do_break = False", {
                    "renames": {"train_batches": "train_batch"},
                    "note": "one train file: the batch loop iterates the DataLoader `train_batch` "
                            "(for i, batch in enumerate(train_batch)), renamed train_batches later"}))
                 for v in range(5)] +
                [(5, ("after", "random.shuffle(all_train_batches)", {
                    "renames": {"train_batches": "all_train_batches"},
                    "alt": [("after", "all_train_batches = [", {"renames": {"train_batches": "all_train_batches"}})],
                    "note": "1.5.1 iterates `all_train_batches`, built fresh after `do_break = False` from the "
                            "list of per-file loaders `train_batches` (whose len is the number of files, not of "
                            "batches): the probe follows the iterable of the batch loop, so it reads "
                            "all_train_batches and goes right before the loop, after it is built; before or after "
                            "the shuffle gives the same len"}))] +
                [(v, ("after", "do_break = False")) for v in (6, 7)]),
        },
        "dev_sents": {
            "text": 'flor.log("dev_sents", len(dev_data.doc.sentences))',
            "intent": "number of dev sentences tagged by each evaluation, right after the predictions are written "
                      "into the dev document",
            "newest": ("after", "set_predictions(dev_data.doc, trainer, dev_preds"),
            "versions": dict(
                [(v, ("after", "dev_batch.doc.set([UPOS, XPOS, FEATS]", _o(_EVAL, **{
                    "renames": {"dev_data": "dev_batch"},
                    "note": "before 1.7 the dev DataLoader `dev_batch` holds the document (dev_batch.doc.set, "
                            "get_eval_type(dev_batch), dev_batch.num_examples become dev_data.* in 1.7); the "
                            "predictions are set with doc.set instead of set_predictions()"})))
                 for v in range(6)] +
                [(v, ("after", "dev_data.doc.set([UPOS, XPOS, FEATS]", _o(_EVAL, **{
                    "note": "doc.set(...) plays the role of set_predictions(...)"}))) for v in (6, 7)]),
        },
        "dev_score": {
            "text": 'flor.log("dev_score", dev_score)',
            "intent": "dev score of each evaluation",
            "newest": ("after", "_, _, dev_score = scorer.score("),
            "versions": {v: ("after", "_, _, dev_score = scorer.score(", {
                "note": "scored against gold_file before 1.5.1"} if v < 5 else {}) for v in OLDER},
        },
        "avg_train_loss": {
            "text": 'flor.log("avg_train_loss", train_loss)',
            "intent": "average training loss since the last evaluation, after it is reported (log + wandb) "
                      "and before it is reset",
            "newest": ("after", "if args['wandb']:", _EVAL),
            "versions": dict(
                [(0, ("after", 'print("step {}: train_loss', {
                    "note": "no wandb before 1.4.2: after the report of the average, before `train_loss = 0`"}))] +
                [(v, ("after", 'logger.info("step {}: train_loss', {
                    "note": "no wandb before 1.4.2: after the report of the average, before `train_loss = 0`"}))
                 for v in (1, 2)] +
                [(v, ("after", "if args['wandb']:", _EVAL)) for v in range(3, 8)]),
        },
        "checkpoint": {
            "text": 'flor.log("checkpoint", model_save_each_file % global_step)',
            "intent": "path of the per-evaluation checkpoint written with --save_each",
            "newest": ("after", "trainer.save(model_save_each_file % global_step)", _EVAL),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "--save_each and model_save_each_file only exist from 1.7.0; before, only the best model "
                      "is saved to model_file (a different checkpoint, not a rename)", {"scope": "train"}))
                 for v in range(6)] +
                [(v, ("after", "trainer.save(model_save_each_file % global_step)", _EVAL)) for v in (6, 7)]),
        },
        "second_lr": {
            "text": 'flor.log("second_lr", lr)',
            "intent": "learning rate of the second optimizer, when training switches to it",
            "newest": ("after", "trainer.optimizer = utils.get_optimizer("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.5.0 the switch builds optim.Adam(..., amsgrad=True, lr=args['lr']) inline; no "
                      "variable `lr` is bound (args['lr'] would be a substitute, not a rename)", {"scope": "train"}))
                 for v in range(4)] +
                [(v, ("after", "trainer.optimizer = utils.get_optimizer(")) for v in range(4, 8)]),
        },
        "using_amsgrad": {
            "text": 'flor.log("using_amsgrad", using_amsgrad)',
            "intent": "whether the second optimizer is in use, on every step after the stall check",
            "newest": ("after", "if global_step - last_best_step >= args['max_steps_before_stop']:"),
            "versions": {v: ("after", "if global_step - last_best_step >= args['max_steps_before_stop']:", {
                "note": "after the whole stall check (its inner if/else ends with do_break/break), not inside it"})
                for v in OLDER},
        },
        "device": {
            "text": 'flor.log("device", str(next(trainer.model.parameters()).device))',
            "intent": "device the model trains on, once before training",
            "newest": ("after", "logger.debug(\"Training model on device"),
            "versions": dict(
                [(v, ("after", "format_str = ", {
                    "note": "no device debug line before 1.11.0: it sits between `format_str = ...` and "
                            "`if args['adapt_eval_interval']:`, so the probe goes after format_str"}))
                 for v in range(7)] +
                [(7, ("after", "logger.debug(\"Training model on device"))]),
        },
    },
}
