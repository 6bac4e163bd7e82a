# transformers trainer.py (Trainer.train / _inner_training_loop), PyPI 2.11.0 .. 4.46.3 (v00 .. v09).
# Round 5, held out: written and scored after the round's fixes, before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "hf_trainer" / "versions.json").read_text())
_STEP_LOOP = {"within": "for step, inputs in enumerate(epoch_iterator):"}
_NO_STEP_LOSS = "the step's loss is added to tr_loss directly: no per-step value is bound"
_NO_GRAD_NORM = "the gradient norm is computed but never bound before 4.3x"
_CLIP = "if args.max_grad_norm is not None and args.max_grad_norm > 0:"
CASE = {
    "name": "hf_trainer",
    "title": "transformers Trainer across 2.11.0 .. 4.46.3 (callbacks and TrainerState, _inner_training_loop, "
             "accelerate, per-step loss bound, grad norm bound, batches grouped per update)",
    "stories": _V,
    "probes": {
        "loss_step": {
            "text": 'flor.log("loss_step", tr_loss_step.item())',
            "intent": "loss of each micro-step as training_step returns it",
            "newest": ("after", "with context():"),
            "versions": dict([(v, ("na", "missing_dependency", _NO_STEP_LOSS)) for v in range(6)] +
                             [(6, ("after", "if (", dict(_STEP_LOOP, n=1, of=3, note="no_sync if/else around training_step")))] +
                             [(v, ("after", "with self.accelerator.accumulate(model):")) for v in (7, 8)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm)',
            "intent": "gradient norm after clipping (only when clipping is configured)",
            "newest": ("last_in", _CLIP),
            "versions": dict([(v, ("na", "missing_dependency", _NO_GRAD_NORM)) for v in range(8)] +
                             [(8, ("last_in", _CLIP))]),
        },
        "lr": {
            "text": 'flor.log("lr", self.lr_scheduler.get_last_lr()[0])',
            "intent": "learning rate right after the scheduler steps",
            "newest": ("after", "self.lr_scheduler.step()", {"within": "def _inner_training_loop("}),
            "versions": {
                0: ("after", "scheduler.step()", {"within": "def train(", "renames": {"self.lr_scheduler": "scheduler"}}),
                1: ("after", "scheduler.step()", {"within": "def train(", "renames": {"self.lr_scheduler": "scheduler"}}),
                2: ("after", "self.lr_scheduler.step()", {"within": "def train("}),
                3: ("after", "self.lr_scheduler.step()", {"within": "def train("}),
                4: ("after", "self.lr_scheduler.step()", {"within": "def train(", "alt": [("after", "if not self.deepspeed:", {"within": "def train("})],
                    "note": "the scheduler steps under `if not self.deepspeed:`: inside, or after it"}),
                5: ("after", "self.lr_scheduler.step()", {"within": "def train("}),
                6: ("after", "self.lr_scheduler.step()", {"within": "def _inner_training_loop("}),
                7: ("after", "self.lr_scheduler.step()", {"within": "def _inner_training_loop("}),
                8: ("after", "self.lr_scheduler.step()", {"within": "def _inner_training_loop("}),
            },
        },
        "global_step": {
            "text": 'flor.log("global_step", self.state.global_step)',
            "intent": "optimizer steps so far, after each update",
            "newest": ("after", "self.state.global_step += 1"),
            "versions": dict([(v, ("after", "self.global_step += 1", {"renames": {"self.state.global_step": "self.global_step"}}))
                              for v in (0, 1)] +
                             [(v, ("after", "self.state.global_step += 1")) for v in range(2, 9)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch number at the end of each epoch",
            "newest": ("after", "self.control = self.callback_handler.on_epoch_end("),
            "versions": dict([(v, ("after", "for step, inputs in enumerate(epoch_iterator):", {
                "alt": [("after", "if self.args.max_steps > 0 and self.global_step > self.args.max_steps:", {"n": 2, "of": 2})],
                "note": "no callbacks before 3.5: after the step loop, or after the max_steps check that ends the epoch"}))
                for v in (0, 1)] +
                [(v, ("after", "self.control = self.callback_handler.on_epoch_end(")) for v in range(2, 9)]),
        },
    },
}
