# yolov5 train.py, PyPI yolov5 4.0.3 .. 7.0.14 (v00 .. v11); ground truth read by hand.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "yolov5_train" / "versions.json").read_text())
ALL = range(11)
CASE = {
    "name": "yolov5_train",
    "title": "yolov5 train.py across 4.0.3 .. 7.0.14",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "per-step total loss, right after the backward pass",
            "newest": ("after", "scaler.scale(loss).backward()"),
            "versions": {v: ("after", "scaler.scale(loss).backward()") for v in ALL},
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate once per epoch, after the scheduler steps",
            "newest": ("after", "scheduler.step()"),
            "versions": {v: ("after", "scheduler.step()") for v in ALL},
        },
        "fitness": {
            "text": 'flor.log("fitness", float(fi))',
            "intent": "per-epoch weighted mAP fitness (process 0 only)",
            "newest": ("after", "fi = fitness("),
            "versions": {v: ("after", "fi = fitness(") for v in ALL},
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in model.parameters()))',
            "intent": "parameter count once the model is built (after the pretrained/scratch if/else)",
            "newest": ("after", "if pretrained:", {"n": 1, "of": 2}),
            "versions": {v: ("after", "if pretrained:", {"n": 1, "of": 2}) for v in ALL},
        },
        "box_loss": {
            "text": 'flor.log("box_loss", float(mloss[0]))',
            "intent": "running mean box loss per step, on process 0 (inside the rank condition)",
            "newest": ("after", "mloss = (mloss * i + loss_items) / (i + 1)"),
            "versions": {v: ("after", "mloss = (mloss * i + loss_items) / (i + 1)") for v in ALL},
        },
        "map50": {
            "text": 'flor.log("map50", results[2])',
            "intent": "validation mAP@.5 inside the `validate this epoch` branch",
            "newest": ("after", "results, maps, map50s, _ = validate.run("),
            "versions": dict(
                [(0, ("after", "results, maps, times = test("))] +
                [(v, ("after", "results, maps, times = test.test(")) for v in (1, 2)] +
                [(v, ("after", "results, maps, _ = val.run(")) for v in (3, 4, 5)] +
                [(6, ("after", "results, maps, map50s, _ = val.run("))] +
                [(v, ("after", "results, maps, map50s, _ = validate.run(")) for v in (7, 8, 9, 10)]),
        },
        "early_stop": {
            "text": 'flor.log("early_stop", stop)',
            "intent": "the early-stopping decision each epoch; `stop` only exists from 6.1.9 on",
            "newest": ("after", "stop = stopper(epoch=epoch, fitness=fi)"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "no `stop` variable: no early stopping before 6.0, "
                      "and 6.0.x calls the stopper inside an if test without binding its result")) for v in range(6)] +
                [(v, ("after", "stop = stopper(epoch=epoch, fitness=fi)")) for v in range(6, 11)]),
        },
    },
}
