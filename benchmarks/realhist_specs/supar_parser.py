# supar supar/parsers/parser.py (Parser.train), PyPI 0.0.1 .. 1.1.4 (v00 .. v06).
# Round 26, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "supar_parser" / "versions.json").read_text())
OLDER = range(6)
_LOCALS = range(5)      # v00-v04: elapsed/best_e/best_metric are locals, patience = epoch - best_e >= args.patience
_TRAIN = {"within": "def train"}
CASE = {
    "name": "supar_parser",
    "title": "supar Parser.train across 0.0.1 .. 1.1.4 (optimizer built in train -> in build() (1.0.1) -> "
             "back in train under `if args.encoder == 'lstm':` and moved before the DDP wrap, args.batch_size -> "
             "local batch_size, locals elapsed/best_e/best_metric -> self.* checkpoint state with a patience "
             "counter, save -> save_checkpoint, final reload bound to `parser`)",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "per-process batch size, after the distributed division and before the datasets are built",
            "newest": ("after", "if dist.is_initialized():", dict(_TRAIN, n=1, of=2)),
            "versions": {v: ("after", "if dist.is_initialized():", dict(_TRAIN, n=1, of=2, renames={"batch_size": "args.batch_size"},
                             note="before 1.1.2 the divided per-process batch size lives in args.batch_size "
                                  "(`args.batch_size = args.batch_size // dist.get_world_size()` became "
                                  "`batch_size = batch_size // ...`): rename; the local `batch_size` there is the "
                                  "undivided parameter. In 1.1.0/1.1.1 the update_steps division is done inline in "
                                  "train.build(...), so args.batch_size is the dev/test batch size; still the same variable"))
                         for v in _LOCALS} | {5: ("after", "if dist.is_initialized():", dict(_TRAIN, n=1, of=2))},
        },
        "optimizer": {
            "text": 'flor.log("optimizer", type(self.optimizer).__name__)',
            "intent": "which optimizer was built, right after the optimizer/scheduler construction",
            "newest": ("after", "if args.encoder == 'lstm':"),
            "versions": {
                0: ("after", "self.scheduler = ExponentialLR(", {
                    "note": "0.0.1/1.0.0 build Adam + ExponentialLR unconditionally AFTER the DDP wrap (newest builds "
                            "them before it): after the image of the previous sibling, the scheduler line"}),
                1: ("after", "self.scheduler = ExponentialLR("),
                2: ("before", "if dist.is_initialized():", dict(_TRAIN, n=2, of=2, note=
                    "1.0.1 builds optimizer/scheduler in the subclasses' build() and passes them to __init__ "
                    "(self.optimizer is set there, so the value exists): no construction in train, the place keeps "
                    "its position between the data summary log and the DDP wrap")),
                3: ("after", "if args.encoder == 'lstm':"),
                4: ("after", "if args.encoder == 'lstm':"),
                5: ("after", "if args.encoder == 'lstm':"),
            },
        },
        "lr": {
            "text": 'flor.log("lr", self.scheduler.get_last_lr()[0])',
            "intent": "learning rate at the start of every epoch, after the epoch header log",
            "newest": ("after", 'logger.info(f"Epoch {epoch} / {args.epochs}:")'),
            "versions": {v: ("after", 'logger.info(f"Epoch {epoch} / {args.epochs}:")') for v in OLDER},
        },
        "dev_loss": {
            "text": 'flor.log("dev_loss", loss)',
            "intent": "dev loss of every epoch, right after dev evaluation (before `loss` is reused for test)",
            "newest": ("after", "loss, dev_metric = self._evaluate(dev.loader)"),
            "versions": {v: ("after", "loss, dev_metric = self._evaluate(dev.loader)") for v in OLDER},
        },
        "elapsed": {
            "text": 'flor.log("elapsed", self.elapsed.total_seconds())',
            "intent": "total training time so far, right after it is accumulated",
            "newest": ("after", "self.elapsed += t"),
            "versions": {v: ("after", "elapsed += t", {"renames": {"self.elapsed": "elapsed"},
                             "note": "before 1.1.2 `elapsed` is a local and is accumulated after the save if/else "
                                     "(newest: before it): after the accumulation, i.e. after the whole if/else"})
                         for v in _LOCALS} | {5: ("after", "self.elapsed += t")},
        },
        "best_epoch": {
            "text": 'flor.log("best_epoch", self.best_e)',
            "intent": "epoch of a new best dev metric, inside the improvement branch",
            "newest": ("after", "self.best_e, self.patience, self.best_metric = epoch, patience, dev_metric"),
            "versions": {v: ("after", "best_e, best_metric = epoch, dev_metric", {"renames": {"self.best_e": "best_e"}})
                         for v in _LOCALS} | {5: ("after", "self.best_e, self.patience, self.best_metric = epoch")},
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", args.path)',
            "intent": "path of the checkpoint written on the master process when the dev metric improves",
            "newest": ("after", "self.save_checkpoint(args.path)"),
            "versions": {v: ("after", "self.save(args.path)", {
                             "note": "before 1.1.2 the best model is written with self.save (no optimizer/rng "
                                     "state): same statement, inside `if is_master():`"})
                         for v in _LOCALS} | {5: ("after", "self.save_checkpoint(args.path)")},
        },
        "patience_left": {
            "text": 'flor.log("patience_left", self.patience)',
            "intent": "remaining patience at the end of every epoch, after the whole save if/else",
            "newest": ("after", "if dev_metric > self.best_metric:"),
            "versions": {v: ("na", "missing_dependency",
                             "before 1.1.2 there is no patience counter: early stopping tests "
                             "`epoch - best_e >= args.patience`; args.patience - (epoch - best_e) would be a "
                             "computed substitute, not a rename", {"scope": "Parser.train"})
                         for v in _LOCALS} | {5: ("after", "if dev_metric > self.best_metric:")},
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in parser.model.parameters()))',
            "intent": "size of the reloaded best parser, right after it is loaded at the end of training",
            "newest": ("after", "parser = self.load(**args)"),
            "versions": {v: ("na", "missing_dependency",
                             "before 1.1.3 the reloaded best parser is a temporary "
                             "(`self.load(...)._evaluate(test.loader)`), never bound to a name; self.model is the "
                             "last epoch's model, not the reloaded best one",
                             {"scope": "Parser.train", "probe_site": ("before", "loss, metric = self.load(")})
                         for v in OLDER},
        },
        "test_loss": {
            "text": 'flor.log("test_loss", loss)',
            "intent": "final test loss of the reloaded best parser",
            "newest": ("after", "loss, metric = parser._evaluate(test.loader)"),
            "versions": {v: ("after", "loss, metric = self.load(", {
                             "note": "the reload is inlined: `loss, metric = self.load(args.path | **args)._evaluate(test.loader)`"}
                             if v in (0, 2) else {})
                         for v in OLDER},
        },
    },
}
