# TensorFlowTTS tensorflow_tts/trainers/base_trainer.py (BasedTrainer._train_epoch, GanBasedTrainer / Seq2SeqBasedTrainer._one_step_forward_per_replica, compile, save_checkpoint, load_checkpoint), PyPI 0.7 .. 1.8 (v00 .. v05).
# Round 25, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tftts_trainer" / "versions.json").read_text())
# v00 (0.7): the base trainers only hold models/optimizers/checkpoints (public attributes self.generator,
#   self.dis_optimizer, self.model, ...); _train_step / _eval_epoch are abstract and implemented by the
#   example scripts outside this file, so there is no training step here.
# v01-v02 (0.8, 0.9): strategy-aware trainers with private attributes (self._generator, self._model, ...)
#   and a GradientTape step in _one_step_forward_per_replica (v02 only fixes the `evalute` typo).
# v03-v05 (0.11 .. 1.8): gradient accumulation: the step is split into _calculate_*_gradient_per_batch and
#   an `if gradient_accumulation_steps == 1: ... else: <micro-batch loop>` in _one_step_forward_per_replica;
#   Seq2Seq trains only self._trainable_variables; v05 saves/loads weights with utils.save_weights.
_FWD = "def _one_step_forward_per_replica("
_DIS_IF = 'if self.steps >= self.config["discriminator_train_start_steps"]:'
_S2S = "class Seq2SeqBasedTrainer("
_NO_STEP = ("na", "no_anchor", "0.7 has no training step in this file: _train_step is abstract and "
            "_one_step_forward_per_replica does not exist", {"scope": "GanBasedTrainer/Seq2SeqBasedTrainer"})


def _w(d, **kw):
    d = dict(d)
    d.update(kw)
    return d


CASE = {
    "name": "tftts_trainer",
    "title": "TensorFlowTTS base trainers across 0.7 .. 1.8 (abstract step -> tf.distribute GradientTape step "
             "with private attributes (0.8) -> gradient accumulation with tf.gradients and "
             "_calculate_*_gradient_per_batch (0.11) -> utils.save_weights (1.6))",
    "stories": _V,
    "probes": {
        "steps": {
            "text": 'flor.log("steps", self.steps)',
            "intent": "global step counter right after each training step in the epoch loop",
            "newest": ("after", "self._train_step(batch)"),
            "versions": {v: ("after", "self._train_step(batch)") for v in range(5)},
        },
        "gen_loss": {
            "text": 'flor.log("gen_loss", per_replica_gen_losses)',
            "intent": "generator loss of the step, once the generator update (single or accumulated) is done, "
                      "before the discriminator step",
            "newest": ("before", _DIS_IF, {"within": _FWD}),
            "versions": dict(
                [(0, _NO_STEP)] +
                [(v, ("before", _DIS_IF, {"within": _FWD, "note":
                      "0.8/0.9 do the generator step inline (tape, gradients, apply_gradients, "
                      "update_train_metrics): the image of the newest if/else is that whole block, so the "
                      "probe goes after update_train_metrics, before the discriminator if"})) for v in (1, 2)] +
                [(v, ("before", _DIS_IF, {"within": _FWD})) for v in (3, 4)]),
        },
        "dis_loss": {
            "text": 'flor.log("dis_loss", per_replica_dis_losses)',
            "intent": "discriminator loss, at the end of the discriminator step (only once the discriminator "
                      "is trained)",
            "newest": ("last_in", _DIS_IF, {"within": _FWD}),
            "versions": dict(
                [(0, _NO_STEP)] +
                [(v, ("last_in", _DIS_IF, {"within": _FWD, "note":
                      "0.8/0.9: last in the discriminator if, after its update_train_metrics"})) for v in (1, 2)] +
                [(v, ("last_in", _DIS_IF, {"within": _FWD})) for v in (3, 4)]),
        },
        "gen_micro_loss": {
            "text": 'flor.log("gen_micro_loss", reduced_batch_losses)',
            "intent": "generator loss of each accumulated micro-batch, after it is summed",
            "newest": ("after", "per_replica_gen_losses += reduced_batch_losses"),
            "versions": dict(
                [(0, _NO_STEP)] +
                [(v, ("na", "missing_dependency", "0.8/0.9 have no gradient accumulation: no micro-batch loop "
                      "and no reduced_batch_losses", {"scope": "GanBasedTrainer._one_step_forward_per_replica"}))
                 for v in (1, 2)] +
                [(v, ("after", "per_replica_gen_losses += reduced_batch_losses")) for v in (3, 4)]),
        },
        "grad_norm": {
            "text": 'flor.log("grad_norm", tf.linalg.global_norm(gradients))',
            "intent": "global norm of the Seq2Seq gradients right after they are applied (no-accumulation branch)",
            "newest": ("after", "self._optimizer.apply_gradients(", {"within": _FWD, "n": 1, "of": 2}),
            "versions": dict(
                [(0, _NO_STEP)] +
                [(v, ("after", "self._optimizer.apply_gradients(", {"within": _FWD, "note":
                      "0.8/0.9 have no gradient_accumulation_steps condition: the single apply_gradients "
                      "is the unconditional equivalent of the `== 1` branch"})) for v in (1, 2)] +
                [(v, ("after", "self._optimizer.apply_gradients(", {"within": _FWD, "n": 1, "of": 2}))
                 for v in (3, 4)]),
        },
        "loss": {
            "text": 'flor.log("loss", per_replica_losses)',
            "intent": "Seq2Seq per-replica loss of the step, after the update, before it is returned",
            "newest": ("before", "return per_replica_losses", {"within": _FWD}),
            "versions": dict(
                [(0, _NO_STEP)] +
                [(v, ("before", "return per_replica_losses", {"within": _FWD, "note":
                      "0.8/0.9: after update_train_metrics (inline there), before the return"})) for v in (1, 2)] +
                [(v, ("before", "return per_replica_losses", {"within": _FWD})) for v in (3, 4)]),
        },
        "n_train_vars": {
            "text": 'flor.log("n_train_vars", len(self._trainable_variables))',
            "intent": "number of trainable variables selected by var_train_expr, once compile() computes them",
            "newest": ("after", "self._trainable_variables = self._train_vars()"),
            "versions": dict(
                [(v, ("na", "missing_dependency", "before 0.11 there is no var_train_expr selection and no "
                      "self._trainable_variables (the model's trainable_variables would be a guessed substitute)",
                      {"scope": "Seq2SeqBasedTrainer.compile"})) for v in (0, 1, 2)] +
                [(v, ("after", "self._trainable_variables = self._train_vars()")) for v in (3, 4)]),
        },
        "ckpt_path": {
            "text": 'flor.log("ckpt_path", self.saved_path + "model-{}.h5".format(self.steps))',
            "intent": "path of the Seq2Seq model weights file, right after it is written",
            "newest": ("after", "utils.save_weights(", {"within": _S2S}),
            "versions": dict(
                [(0, ("after", "self.model.save_weights(", {"within": _S2S, "note":
                      "the weights are saved by self.model.save_weights(...) before 1.6 (self._model from 0.8); "
                      "the probe reads only saved_path and steps"}))] +
                [(v, ("after", "self._model.save_weights(", {"within": _S2S})) for v in (1, 2, 3, 4)]),
        },
        "dis_opt_iterations": {
            "text": 'flor.log("dis_opt_iterations", self._dis_optimizer.iterations)',
            "intent": "discriminator optimizer iteration counter after it is re-assigned on resume",
            "newest": ("after", "self._dis_optimizer.iterations.assign("),
            "versions": dict(
                [(0, ("after", "self.dis_optimizer.iterations.assign(", {
                    "renames": {"self._dis_optimizer": "self.dis_optimizer"},
                    "note": "0.7 keeps the optimizer in the public attribute self.dis_optimizer; the value "
                            "assigned is computed with the opposite sign before 1.1 (bug fix), same statement"}))] +
                [(v, ("after", "self._dis_optimizer.iterations.assign(")) for v in (1, 2, 3, 4)]),
        },
    },
}
