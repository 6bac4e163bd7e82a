# ydata-synthetic ydata_synthetic/synthesizers/regular/wgangp/model.py (WGAN_GP.train/fit + update_gradients), PyPI 0.1.1 .. 2.0.1 (v00 .. v06).
# Round 29, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "ydata_wgangp" / "versions.json").read_text())
OLDER = range(6)
# v00 0.1.1: train(data, train_arguments) unpacks [cache_prefix, iterations, sample_interval]; one
#            `for iteration in tqdm.trange(iterations)` loop; self.g_optimizer/self.critic_optimizer; d_lossfn/d_loss
# v01 0.3.4: epochs: `for epoch in trange(...)` + inner `for _ in range(iterations)`; iterations computed
# v02 0.6.0: train(data, train_arguments, num_cols, cat_cols): processor, processed_data, self.define_gan(...)
# v03 0.7.1: define_gan returns (g_optimizer, c_optimizer); d_lossfn/d_loss -> c_lossfn/c_loss
# v04 0.8.0: n_generator loop around the generator update; train -> fit; @tf.function moved to update_gradients
# v05 0.9.0: super().train -> super().fit
# v06 2.0.1: docstrings, BaseGANModel (newest)
_SELF_OPT = range(3)    # v00-v02: optimizers are self.g_optimizer / self.critic_optimizer
_D_LOSS = range(3)      # v00-v02: d_lossfn / d_loss
_NO_NGEN = range(4)     # v00-v03: no n_generator
_EPOCHS = range(1, 6)   # v01-v05: epoch loop + inner batch loop
CASE = {
    "name": "ydata_wgangp",
    "title": "ydata-synthetic WGAN_GP training across 0.1.1 .. 2.0.1 (iteration loop -> epoch + batch loops, "
             "self optimizers -> returned optimizers, d_loss -> c_loss, single generator step -> n_generator loop, "
             "train -> fit, processed_data)",
    "stories": _V,
    "probes": {
        "critic_loss": {
            "text": 'flor.log("critic_loss", critic_loss)',
            "intent": "critic loss after every critic update (inside the n_critic loop)",
            "newest": ("after", "c_optimizer.apply_gradients("),
            "versions": {v: ("after", "self.critic_optimizer.apply_gradients(", {
                "note": "critic optimizer is self.critic_optimizer before 0.7; same statement, inside the n_critic loop"})
                if v in _SELF_OPT else ("after", "c_optimizer.apply_gradients(") for v in OLDER},
        },
        "gen_loss": {
            "text": 'flor.log("gen_loss", gen_loss)',
            "intent": "generator loss after every generator update (inside the n_generator loop)",
            "newest": ("after", "g_optimizer.apply_gradients("),
            "versions": dict(
                [(v, ("after", "self.g_optimizer.apply_gradients(", {
                    "note": "no n_generator loop before 0.8: the single generator update runs unconditionally, so "
                            "the probe goes after it at function level; optimizer is self.g_optimizer"}))
                 for v in _SELF_OPT] +
                [(3, ("after", "g_optimizer.apply_gradients(", {
                    "note": "no n_generator loop in 0.7.1: after the single, unconditional generator update"}))] +
                [(v, ("after", "g_optimizer.apply_gradients(")) for v in (4, 5)]),
        },
        "n_generator": {
            "text": 'flor.log("n_generator", self.n_generator)',
            "intent": "number of generator steps per batch, when the synthesizer is built",
            "newest": ("after", "self.n_generator = n_generator"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "n_generator does not exist before 0.8 (the generator is updated once per batch); "
                      "logging a constant 1 would be a substitute, not a rename", {"scope": "__init__"}))
                 for v in _NO_NGEN] +
                [(v, ("after", "self.n_generator = n_generator")) for v in (4, 5)]),
        },
        "c_loss": {
            "text": 'flor.log("c_loss", c_loss)',
            "intent": "critic loss (Wasserstein estimate + weighted gradient penalty) computed by the critic loss function",
            "newest": ("after", "c_loss = (tf.reduce_mean(logits_fake)"),
            "versions": {v: ("after", "d_loss = (tf.reduce_mean(logits_fake)", {
                "renames": {"c_loss": "d_loss"},
                "note": "before 0.7 the function is d_lossfn and the loss d_loss; same expression"})
                if v in _D_LOSS else ("after", "c_loss = (tf.reduce_mean(logits_fake)") for v in OLDER},
        },
        "g_lr": {
            "text": 'flor.log("g_lr", float(g_optimizer.learning_rate))',
            "intent": "generator learning rate, once both optimizers are built in define_gan",
            "newest": ("after", "c_optimizer = Adam("),
            "versions": {v: ("after", "self.critic_optimizer = Adam(", {
                "renames": {"g_optimizer": "self.g_optimizer"},
                "note": "before 0.7 define_gan stores the optimizers on self (self.g_optimizer, self.critic_optimizer) "
                        "instead of returning them" + ("; 0.1.1 builds it with self.lr instead of self.g_lr, "
                                                       "the optimizer is still the generator's" if v == 0 else "")})
                if v in _SELF_OPT else ("after", "c_optimizer = Adam(") for v in OLDER},
        },
        "iterations": {
            "text": 'flor.log("iterations", iterations)',
            "intent": "number of batch iterations the training loop runs, once computed",
            "newest": ("after", "iterations = int(abs(data.shape[0]/self.batch_size)+1)"),
            "versions": dict(
                [(0, ("after", "[cache_prefix, iterations, sample_interval] = train_arguments", {
                    "note": "judgment call: 0.1.1 takes `iterations` from train_arguments (total iterations of its "
                            "only loop, the batch loop) instead of computing batches per epoch; same name, and it is "
                            "the trip count of the loop that calls train_step, so applicable at the place it is bound "
                            "(before the summary writer, as in the newest version)"}))] +
                [(v, ("after", "iterations = int(abs(data.shape[0]/self.batch_size)+1)")) for v in range(1, 6)]),
        },
        "n_features": {
            "text": 'flor.log("n_features", processed_data.shape[1])',
            "intent": "width of the processed training data, once the GAN is defined",
            "newest": ("after", "optimizers = self.define_gan(self.processor.col_transform_info)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.6 there is no data processor and no processed_data (train batches the raw "
                      "DataFrame; define_gan is called elsewhere); `data` is not the processed matrix",
                      {"scope": "train"})) for v in (0, 1)] +
                [(2, ("after", "self.define_gan(self.processor.col_transform_info)", {
                    "note": "0.6.0 calls define_gan without keeping the optimizers (they live on self)"}))] +
                [(v, ("after", "optimizers = self.define_gan(self.processor.col_transform_info)")) for v in (3, 4, 5)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch counter at the start of every epoch",
            "newest": ("first_in", "for epoch in trange(train_arguments.epochs):"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.1 has no epochs: its only loop counts batch iterations (`iteration`); logging the "
                      "iteration counter would substitute a step count for the epoch count, not a rename",
                      {"scope": "train"}))] +
                [(v, ("first_in", "for epoch in trange(train_arguments.epochs):")) for v in _EPOCHS]),
        },
        "epoch_gen_loss": {
            "text": 'flor.log("epoch_gen_loss", float(ge_loss))',
            "intent": "generator loss of the last batch of each epoch, after the batch loop and before the epoch print",
            "newest": ("after", "for _ in range(iterations):"),
            "versions": dict(
                [(0, ("after", "cri_loss, ge_loss = self.train_step(batch_data)", {
                    "note": "judgment call: 0.1.1 has no inner batch loop (its body is the body of the single "
                            "iteration loop); the place that keeps the order of the surviving statements is after "
                            "train_step and before the print, inside the iteration loop"}))] +
                [(v, ("after", "for _ in range(iterations):")) for v in _EPOCHS]),
        },
        "ckpt_name": {
            "text": 'flor.log("ckpt_name", model_checkpoint_base_name)',
            "intent": "checkpoint file name pattern, after both checkpoints are written (every sample_interval epochs)",
            "newest": ("after", "self.critic.save_weights("),
            "versions": {v: ("after", "self.critic.save_weights(", {
                "note": "inside `if iteration % sample_interval == 0:` (0.1.1 checkpoints by iteration); "
                        "model_checkpoint_base_name is built from the unpacked cache_prefix"} if v == 0 else {})
                for v in OLDER},
        },
    },
}
