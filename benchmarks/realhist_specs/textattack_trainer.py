# textattack textattack/trainer.py (Trainer.train), before 0.2.17 textattack/commands/train_model/run_training.py (train_model), PyPI 0.1.0 .. 0.3.11 (v00 .. v09).
# Round 20, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "textattack_trainer" / "versions.json").read_text())
OLDER = range(9)
_FUNC = range(6)        # v00-v05: run_training.train_model(args), one function, state on `args`, local counters
_CLS = range(6, 9)      # v06-v08: Trainer.train(self), as in the newest version
_TRAIN = {"within": "def train("}
_EPOCH_OLD = {"within": "for epoch in tqdm.trange("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "textattack_trainer",
    "title": "textattack training loop across 0.1.0 .. 0.3.11 (train_model(args) in commands/train_model/"
             "run_training.py with closures -> module-level helpers (0.2.2) -> model wrapper, train accuracy, "
             "robustness check (0.2.4) -> Trainer class in trainer.py with training_step, optimizer-step counter, "
             "periodic TB/W&B logging (0.2.17) -> tb flush after the loop (0.3.0) -> adv-example count (0.3.4))",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch number at the start of each epoch, before adversarial examples are generated",
            "newest": ("after", 'logger.info(f"Epoch {epoch}")'),
            "versions": dict(
                [(v, ("first_in", "for epoch in tqdm.trange(", {
                    "note": "run_training has no 'Epoch N' log line: the probe keeps its place before the "
                            "adversarial-generation block (v03-v05) / the progress bar (v00-v02), i.e. first in "
                            "the epoch loop. `epoch` counts from 0 there (tqdm.trange), from 1 in the Trainer; "
                            "same variable"})) for v in _FUNC] +
                [(v, ("after", 'logger.info(f"Epoch {epoch}")')) for v in _CLS]),
        },
        "adv_examples": {
            "text": 'flor.log("adv_examples", len(adv_dataset))',
            "intent": "size of each newly generated adversarial training set",
            "newest": ("after", "adv_dataset = self._generate_adversarial_examples(epoch)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no adversarial training before 0.2.2: train_model never attacks the model, nothing holds "
                      "an adversarial training set", {"scope": "train_model"})) for v in (0, 1, 2)] +
                [(3, ("after", "adv_train_text = _generate_adversarial_examples(", {
                    "renames": {"adv_dataset": "adv_train_text"},
                    "note": "0.2.2 returns the perturbed texts as `adv_train_text` (the adversarial training set, "
                            "then turned into train_dataloader); inside the equivalent "
                            "adversarial_training / epoch >= num_clean_epochs / attack_period conditions"}))] +
                [(v, ("after", "adv_train_text = [r.perturbed_text() for r in adv_attack_results]", {
                    "renames": {"adv_dataset": "adv_train_text"},
                    "note": "0.2.4-0.2.15 split the newest _generate_adversarial_examples in two: the function "
                            "returns the AttackResults and the caller extracts the texts into `adv_train_text` "
                            "(the training set, what adv_dataset is in the newest version): after that statement. Judgment call: "
                            "right after the call, reading `adv_attack_results` (AttackResults, not the training "
                            "set; same length), is not accepted"}))
                 for v in (4, 5)] +
                [(v, ("after", "adv_dataset = self._generate_adversarial_examples(epoch)")) for v in _CLS]),
        },
        "total_loss": {
            "text": 'flor.log("total_loss", self._total_loss)',
            "intent": "running sum of the (accumulation-scaled) training loss after each batch",
            "newest": ("after", "self._current_loss += loss"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.1.x keep no running loss sum (only the current batch loss is logged); `tr_loss` "
                      "appears in 0.2.0", {"scope": "train_model"})) for v in (0, 1)] +
                [(v, ("after", "tr_loss += loss.item()", {
                    "renames": {"self._total_loss": "tr_loss"},
                    "note": "the running loss sum is the local `tr_loss` (also divided by global_step for the "
                            "progress bar, like self._total_loss); there is no per-log-interval _current_loss, so "
                            "right after the tr_loss update"})) for v in range(2, 6)] +
                [(v, ("after", "self._current_loss += loss")) for v in _CLS]),
        },
        "global_step": {
            "text": 'flor.log("global_step", self._global_step)',
            "intent": "global step counter after each optimizer step (gradient-accumulation boundary)",
            "newest": ("after", "self._global_step += 1"),
            "versions": dict(
                [(v, ("last_in", "if (step + 1) % args.grad_accum_steps == 0:", {
                    "renames": {"self._global_step": "global_step"},
                    "note": "judgment call: run_training's `global_step` is advanced at the end of every batch, "
                            "outside the accumulation `if`; the probe keeps its condition (optimizer-step "
                            "boundary) and goes last in that `if`, after optimizer.zero_grad(), reading the local "
                            "global_step (there it counts the batches before the current one)"})) for v in _FUNC] +
                [(v, ("after", "self._global_step += 1")) for v in _CLS]),
        },
        "loss_to_log": {
            "text": 'flor.log("loss_to_log", loss_to_log)',
            "intent": "mean loss over the last logging interval, once it has been computed by the if/else",
            "newest": ("after", "if self._global_step - self._last_log_step >= 1:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "run_training logs the current batch loss (tb_writer.add_scalar('loss', loss.item(), ...)) "
                      "every tb_writer_step steps; no interval-mean loss exists (`loss.item()` would be a "
                      "substitute value, not a rename)", {"scope": "train_model"})) for v in _FUNC] +
                [(v, ("after", "if self._global_step - self._last_log_step >= 1:", {
                    "note": "after the whole if/else that computes loss_to_log, not inside its else branch"}))
                 for v in _CLS]),
        },
        "train_acc": {
            "text": 'flor.log("train_acc", accuracy)',
            "intent": "training accuracy of each epoch (classification)",
            "newest": ("after", "accuracy = correct_predictions / len(targets)", _TRAIN),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "training accuracy is not tracked before 0.2.4", {"scope": "train_model"})) for v in range(4)] +
                [(v, ("after", "train_acc = correct_predictions / total_predictions", {
                    "renames": {"accuracy": "train_acc"},
                    "note": "0.2.4-0.2.15 count correct predictions only in the classification branch, so "
                            "`if total_predictions > 0:` is the equivalent of `if self._metric_name == "
                            "\"accuracy\":`: inside it, after train_acc is computed"})) for v in (4, 5)] +
                [(v, ("after", "accuracy = correct_predictions / len(targets)", _TRAIN)) for v in _CLS]),
        },
        "eval_score": {
            "text": 'flor.log("eval_score", eval_score)',
            "intent": "evaluation score after each epoch",
            "newest": ("after", "eval_score = self.evaluate()"),
            "versions": dict(
                [(v, ("after", "eval_score = get_eval_score()", _w(_EPOCH_OLD, **({
                    "note": "0.2.0 evaluates again after the loop (re-loaded model): the one in the epoch loop"}
                    if v == 2 else {})))) for v in (0, 1, 2)] +
                [(v, ("after", "eval_score = _get_eval_score(", _w(_EPOCH_OLD, **{
                    "note": "judgment call: 0.2.2-0.2.15 evaluate only under `if not adversarial_training or "
                            "epoch >= args.num_clean_epochs:` (clean epochs of adversarial training are skipped); "
                            "the probe reads the score, which exists only there: inside that if, after the "
                            "evaluation (the one in the epoch loop, not the re-evaluation after it)"})))
                 for v in (3, 4, 5)] +
                [(v, ("after", "eval_score = self.evaluate()")) for v in _CLS]),
        },
        "epochs_since_best": {
            "text": 'flor.log("epochs_since_best", epochs_since_best_eval_score)',
            "intent": "epochs without improvement, each time the eval score did not improve (else branch)",
            "newest": ("after", "epochs_since_best_eval_score += 1"),
            "versions": dict(
                [(v, ("after", "args.epochs_since_best_eval_score += 1", {
                    "renames": {"epochs_since_best_eval_score": "args.epochs_since_best_eval_score"},
                    "note": "the early-stopping counter is stored on `args` in run_training; in the else branch "
                            "of the best-score if, before the early-stopping check"})) for v in _FUNC] +
                [(v, ("after", "epochs_since_best_eval_score += 1")) for v in _CLS]),
        },
        "total_steps": {
            "text": 'flor.log("total_steps", total_training_steps)',
            "intent": "number of optimizer steps the scheduler is built for, before the optimizer is created",
            "newest": ("after", "total_training_steps = total_clean_training_steps + total_adv_training_steps"),
            "versions": dict(
                [(v, ("after", "num_train_optimization_steps = (", {
                    "renames": {"total_training_steps": "num_train_optimization_steps"},
                    "note": "run_training computes the scheduler's step count as num_train_optimization_steps "
                            "right before building the optimizer"})) for v in _FUNC] +
                [(v, ("after", "total_training_steps = total_clean_training_steps + total_adv_training_steps"))
                 for v in _CLS]),
        },
        "best_eval_score": {
            "text": 'flor.log("best_eval_score", best_eval_score)',
            "intent": "best evaluation score once the epoch loop has ended (after the TensorBoard flush)",
            "newest": ("after", "if self.training_args.log_to_tb:", _w(_TRAIN, n=4, of=4)),
            "versions": dict(
                [(v, ("after", "for epoch in tqdm.trange(", {
                    "renames": {"best_eval_score": "args.best_eval_score"},
                    "note": "the best score is stored on `args` in run_training; right after the epoch loop "
                            "(before the saved model is re-loaded and re-evaluated from 0.2.0)"})) for v in _FUNC] +
                [(6, ("after", "for epoch in range(1, self.training_args.num_epochs + 1):", {
                    "note": "0.2.17 has no TensorBoard flush after the loop (it flushes in _tb_log): right after "
                            "the epoch loop, before the DataParallel unwrap"}))] +
                [(v, ("after", "if self.training_args.log_to_tb:", _w(_TRAIN, n=4, of=4))) for v in (7, 8)]),
        },
    },
}
