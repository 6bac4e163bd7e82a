# fairseq fairseq_cli/train.py, PyPI fairseq 0.6.1 .. 0.12.2 (v00 .. v05).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "fairseq_train" / "versions.json").read_text())
ALL = range(5)
CASE = {
    "name": "fairseq_train",
    "title": "fairseq train.py: main() epoch loop and train() across 0.6.1 .. 0.12.2 (args -> cfg, validation moved into train())",
    "stories": _V,
    "probes": {
        "lr": {
            "text": 'flor.log("lr", lr)',
            "intent": "learning rate after the epoch's lr_step",
            "newest": ("after", "lr = trainer.lr_step(epoch_itr.epoch, valid_losses[0])"),
            "versions": {v: ("after", "lr = trainer.lr_step(epoch_itr.epoch, valid_losses[0])") for v in ALL},
        },
        "valid_loss": {
            "text": 'flor.log("valid_loss", valid_losses[0])',
            "intent": "first validation loss of the epoch, before the lr step uses it",
            "newest": ("after", "if should_stop:", {"within": "while epoch_itr.next_epoch_idx <= max_epoch"}),
            "versions": dict(
                [(0, ("after", "if epoch_itr.epoch % args.validate_interval == 0:"))] +
                [(v, ("after", "if not args.disable_validation and epoch_itr.epoch % args.validate_interval == 0:"))
                 for v in (1, 2, 3)] +
                [(4, ("after", "if should_stop:", {"within": "while lr > args.min_lr"}))]),
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in model.parameters()))',
            "intent": "parameter count once model and criterion are built",
            "newest": ("after", "criterion = task.build_criterion(cfg.criterion)"),
            "versions": {v: ("after", "criterion = task.build_criterion(args)") for v in ALL},
        },
        "log_output": {
            "text": 'flor.log("log_output", log_output)',
            "intent": "output of every train step",
            "newest": ("after", "with metrics.aggregate(\"train_inner\")"),
            "versions": dict(
                [(v, ("after", "log_output = trainer.train_step(samples)")) for v in (0, 1, 2, 3)] +
                [(4, ("after", "with metrics.aggregate(\"train_inner\")"))]),
        },
        "num_updates": {
            "text": 'flor.log("num_updates", num_updates)',
            "intent": "update count after every successful step",
            "newest": ("after", "num_updates = trainer.get_num_updates()", {"within": "if log_output is not None"}),
            "versions": dict(
                [(v, ("after", "num_updates = trainer.get_num_updates()", {
                    "note": "the step loop `continue`s when log_output is None, so this point runs under the same condition"}))
                 for v in (0, 1, 2, 3)] +
                [(4, ("after", "num_updates = trainer.get_num_updates()", {"within": "if log_output is not None"}))]),
        },
    },
}
