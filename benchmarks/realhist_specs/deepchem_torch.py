# deepchem models/torch_models/torch_model.py (TorchModel.fit_generator), PyPI 2.4.0 .. 2.8.0 (v00 .. v02).
# Round 5, held out: written and scored after all of the round's fixes, before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "deepchem_torch" / "versions.json").read_text())
_AVG = "avg_loss = float(avg_loss) / averaged_batches"
CASE = {
    "name": "deepchem_torch",
    "title": "deepchem TorchModel.fit_generator across 2.4.0 .. 2.8.0 (2-space to 4-space indentation, "
             "wandb logger object, type annotations)",
    "stories": _V,
    "probes": {
        "batch_loss": {
            "text": 'flor.log("batch_loss", batch_loss.item())',
            "intent": "loss of each batch, after backward",
            "newest": ("after", "batch_loss.backward()"),
            "versions": {v: ("after", "batch_loss.backward()") for v in range(2)},
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate after the schedule steps (when there is a schedule)",
            "newest": ("after", "lr_schedule.step()"),
            "versions": {v: ("after", "lr_schedule.step()") for v in range(2)},
        },
        "global_step": {
            "text": 'flor.log("global_step", current_step)',
            "intent": "global step after each batch",
            "newest": ("after", "current_step = self._global_step"),
            "versions": {v: ("after", "current_step = self._global_step") for v in range(2)},
        },
        "avg_loss": {
            "text": 'flor.log("avg_loss", avg_loss)',
            "intent": "average loss over the logging window, when it is logged",
            "newest": ("after", _AVG, {"n": 1, "of": 2}),
            "versions": {v: ("after", _AVG, {"n": 1, "of": 2}) for v in range(2)},
        },
        "logged_loss": {
            "text": 'flor.log("logged_loss", float(batch_loss))',
            "intent": "the loss sent to Weights & Biases (only when it is on and the step is logged)",
            "newest": ("after", "self.wandb_logger.log_data(all_data, step=current_step)"),
            "versions": {v: ("after", "wandb.log({'loss': batch_loss}, step=current_step)") for v in range(2)},
        },
    },
}
