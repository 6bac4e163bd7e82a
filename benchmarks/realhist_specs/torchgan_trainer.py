# torchgan torchgan/trainer/base_trainer.py (BaseTrainer.train / train_iter), PyPI 0.0.1 .. 0.1.0 (v00 .. v04).
# Round 19, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "torchgan_trainer" / "versions.json").read_text())
# v00 (0.0.1) is torchgan/trainer/trainer.py: a Trainer with explicit generator/discriminator and optimizers,
#   batch-size filtering with `continue`, noise sampled in the loop, tensorboard logging, train_stopper break,
#   no schedulers.  v01 (0.0.2, still trainer.py): models dict, Logger, model_names/optimizer_names loops,
#   save_items if/else, optim_ops.  v02 (0.0.3/0.0.4): BaseTrainer in base_trainer.py, fastprogress bars,
#   start_time / epoch time, ncritic/ngen conditions in train_iter, joint loss gets an else branch.
#   v03 (0.0.5): fastprogress removed.  v04 (0.1.0): black formatting, joint else branch also counts a
#   generator iteration.
OLDER = range(4)
_TRAIN = {"within": "def train("}
_DIS = {"within": "elif isinstance(loss, DiscriminatorLoss)"}
CASE = {
    "name": "torchgan_trainer",
    "title": "torchgan Trainer/BaseTrainer train loop and train_iter across 0.0.1 .. 0.1.0 (explicit G/D -> "
             "models dict + Logger (0.0.2) -> BaseTrainer with fastprogress, epoch timing and ncritic/ngen "
             "conditions (0.0.3) -> progress bars removed (0.0.5) -> reformatted (0.1.0))",
    "stories": _V,
    "probes": {
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch number at the start of each epoch, right after the epoch timer starts",
            "newest": ("after", "start_time = time.time()"),
            "versions": dict(
                [(v, ("first_in", "for epoch in range(self.start_epoch, self.epochs):", {
                    "note": "no epoch timer before 0.0.3: the probe keeps its place before the models are put "
                            "in train mode, i.e. first in the epoch loop"})) for v in (0, 1)] +
                [(2, ("after", "start_time = time.time()", {
                    "note": "0.0.3 iterates `for epoch in master_bar_iter:`; after start_time, before the "
                            "progress-bar comment"}))] +
                [(3, ("after", "start_time = time.time()"))]),
        },
        "batch_len": {
            "text": 'flor.log("batch_len", len(self.real_inputs))',
            "intent": "size of each real batch once it has been moved to the device",
            "newest": ("after", "if type(data) is tuple or type(data) is list:"),
            "versions": dict(
                [(0, ("after", "if type(data) is tuple:", {
                    "note": "0.0.1 unpacks the batch with an if/else (skipping short batches by `continue` in "
                            "both branches): after the whole if/else, before the noise is sampled"}))] +
                [(v, ("after", "if type(data) is tuple or type(data) is list:", {
                    "note": "after the whole if/elif/else"})) for v in (1, 2, 3)]),
        },
        "gen_losses_total": {
            "text": 'flor.log("gen_losses_total", self.loss_information["generator_losses"])',
            "intent": "accumulated generator loss after every iteration, after the per-iteration logging hook",
            "newest": ("after", "self.logger.run_mid_epoch(self)"),
            "versions": dict(
                [(0, ("after", "self.tensorboard_log_losses()", {
                    "note": "0.0.1 has no Logger; its per-iteration logging hook is self.tensorboard_log_losses() "
                            "(the running losses). The probe goes after it and before the train_stopper break "
                            "(which has no counterpart in the newest version), so it still runs every iteration"}))] +
                [(v, ("after", "self.logger.run_mid_epoch(self)")) for v in (1, 2, 3)]),
        },
        "last_ckpt": {
            "text": 'flor.log("last_ckpt", self.last_retained_checkpoint)',
            "intent": "checkpoint slot counter after the end-of-epoch save",
            "newest": ("after", 'if "save_items" in kwargs:', _TRAIN),
            "versions": dict(
                [(0, ("after", "self.save_model(epoch)", {
                    "note": "0.0.1 saves with a single self.save_model(epoch) call (no save_items if/else)"}))] +
                [(v, ("after", 'if "save_items" in kwargs:', dict(_TRAIN, note="after the whole save if/else (the one in train)")))
                 for v in (1, 2, 3)]),
        },
        "epoch_time": {
            "text": 'flor.log("epoch_time", time.time() - start_time)',
            "intent": "wall time of each epoch, after the end-of-epoch logger call",
            "newest": ("after", "self.logger.run_end_epoch("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no epoch timer before 0.0.3: start_time is never set and the time module is not imported",
                      {"scope": "train"})) for v in (0, 1)] +
                [(v, ("after", "self.logger.run_end_epoch(")) for v in (2, 3)]),
        },
        "dis_iters_epoch": {
            "text": 'flor.log("dis_iters_epoch", self.loss_information["discriminator_iters"])',
            "intent": "discriminator iterations so far, at the very end of each epoch (after the schedulers step)",
            "newest": ("after", "self.optim_ops()"),
            "versions": dict(
                [(0, ("after", "self.eval_ops(epoch, **kwargs)", {
                    "note": "0.0.1 has no schedulers/optim_ops: the probe stays last in the epoch loop, after "
                            "the evaluation"}))] +
                [(v, ("after", "self.optim_ops()")) for v in (1, 2, 3)]),
        },
        "gen_step_loss": {
            "text": 'flor.log("gen_step_loss", cur_loss)',
            "intent": "loss of each generator update in train_iter, after it is accumulated",
            "newest": ("after", "lgen, gen_iter = lgen + cur_loss, gen_iter + 1"),
            "versions": dict(
                [(v, ("after", "lgen, gen_iter = lgen + cur_loss, gen_iter + 1", {
                    "note": "the generator-update condition reads `self.ndiscriminator == -1 or ...` (0.0.1) / "
                            "`self.ncritic is None or ...` (0.0.2): equivalent condition, same place"}))
                 for v in (0, 1)] +
                [(v, ("after", "lgen, gen_iter = lgen + cur_loss, gen_iter + 1")) for v in (2, 3)]),
        },
        "dis_step_loss": {
            "text": 'flor.log("dis_step_loss", cur_loss)',
            "intent": "loss of each update of a discriminator-only loss in train_iter, after it is accumulated",
            "newest": ("after", "ldis, dis_iter = ldis + cur_loss, dis_iter + 1", _DIS),
            "versions": dict(
                [(v, ("after", "ldis, dis_iter = ldis + cur_loss, dis_iter + 1", dict(_DIS, **{
                    "note": "before 0.0.3 the discriminator loss is applied on every call (no ngen condition): "
                            "unconditional in the DiscriminatorLoss branch"}))) for v in (0, 1)] +
                [(v, ("after", "ldis, dis_iter = ldis + cur_loss, dis_iter + 1", dict(_DIS, **{
                    "note": "the same statement also appears in the else branch of the joint-loss "
                            "`if type(cur_loss) is tuple:` in 0.0.3-0.0.5 (decoy): the one in the "
                            "DiscriminatorLoss branch"}))) for v in (2, 3)]),
        },
        "joint_ldis": {
            "text": 'flor.log("joint_ldis", ldis)',
            "intent": "accumulated discriminator loss right after a joint (generator+discriminator) loss is applied",
            "newest": ("after", "if type(cur_loss) is tuple:"),
            "versions": dict(
                [(v, ("after", "if type(cur_loss) is tuple:", {
                    "note": "before 0.0.3 the joint loss is applied unconditionally (no ngen condition) and the "
                            "tuple check has no else: after that if, in the joint-loss branch"})) for v in (0, 1)] +
                [(v, ("after", "if type(cur_loss) is tuple:", {"note": "after the whole if/else"}))
                 for v in (2, 3)]),
        },
        "joint_dis_loss": {
            "text": 'flor.log("joint_dis_loss", cur_loss)',
            "intent": "a joint loss that returned a single value (counted as a discriminator loss), in that "
                      "else branch",
            "newest": ("after", "lgen, ldis, gen_iter, dis_iter = (", {"n": 2, "of": 2}),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 0.0.3 a joint loss returning a single value is not handled at all "
                      "(`if type(cur_loss) is tuple:` has no else branch): there is no place that runs only "
                      "in that case", {"scope": "train_iter"})) for v in (0, 1)] +
                [(v, ("after", "ldis, dis_iter = ldis + cur_loss, dis_iter + 1", {
                    "within": "if type(cur_loss) is tuple:",
                    "note": "0.0.3-0.0.5 only count a discriminator iteration in that else branch "
                            "(`ldis, dis_iter = ...`); same statement role, in the else branch"}))
                 for v in (2, 3)]),
        },
    },
}
