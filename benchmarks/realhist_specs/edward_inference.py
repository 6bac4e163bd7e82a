# edward edward/inferences/variational_inference.py (VariationalInference.initialize + update + print_progress), PyPI 1.0.0 .. 1.3.5 (v00 .. v11).
# Round 29, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "edward_inference" / "versions.json").read_text())
OLDER = range(11)
# v00-v04 (1.0.0 .. 1.1.2): the monolithic edward/inferences.py; VariationalInference has its own run()
#   (`for t in range(self.n_iter)`), update() returns the bare loss and knows no `t`,
#   print_progress(t, loss) tests `t % self.n_print == 0`.  v00-v01 build Adam inline, v02-v03 have
#   `if optimizer is None: ... else: <prettytensor>`, v04 the optimizer-name if/elif chain.
# v05-v11 (1.1.3 .. 1.3.5): edward/inferences/variational_inference.py; run() lives in Inference,
#   update(feed_dict) runs [train, increment_t, loss] and returns {'t', 'loss'}.
#   v06 (1.1.4) build_loss_and_gradients vs build_loss if/else after the optimizer chain;
#   v07+ (1.2.0) var_list block + build_loss_and_gradients before the optimizer chain, summaries in update
#   (under `if self.summarize is not None:` until v10); v10 (1.3.3) summary block in initialize with a local
#   summary_key, global_step argument, learning-rate if/else split from the optimizer chain;
#   v11 (1.3.5) self._summary_key, no summarize-is-None guard.
_OLD = range(5)
_NEW = range(5, 11)
_VI = {"within": "class VariationalInference"}
_PP = {"within": "def print_progress"}
_UPD = {"within": "def update"}
CASE = {
    "name": "edward_inference",
    "title": "edward VariationalInference across 1.0.0 .. 1.3.5 (inferences.py -> inferences/variational_inference.py, "
             "run() moved to Inference, update() gains t/feed_dict/summaries, optimizer-name chain, "
             "build_loss -> build_loss_and_gradients, summary block in initialize, global_step argument)",
    "stories": _V,
    "probes": {
        "loss": {
            "text": 'flor.log("loss", loss)',
            "intent": "loss value of every optimisation step, right after the session run",
            "newest": ("after", "_, t, loss = sess.run("),
            "versions": dict(
                [(0, ("after", "_, loss = sess.run([self.train, self.losses])", dict(_VI, note=(
                    "1.0.0 runs self.losses (renamed self.loss in 1.0.5); the local is `loss` already; "
                    "MFVI.update has the same statement start, hence the class restriction"))))] +
                [(v, ("after", "_, loss = sess.run(", _VI)) for v in range(1, 5)] +
                [(v, ("after", "_, t, loss = sess.run(")) for v in _NEW]),
        },
        "iteration": {
            "text": 'flor.log("iteration", t)',
            "intent": "iteration counter returned by the session run of every update",
            "newest": ("after", "_, t, loss = sess.run("),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "before 1.1.3 update() does not run increment_t: the counter `t` is the loop variable of "
                      "run() and is never passed to update()",
                      {"probe_site": ("after", "_, loss = sess.run([self.train, self.losses])", _VI)}))] +
                [(v, ("na", "missing_dependency",
                      "before 1.1.3 update() does not run increment_t: the counter `t` is the loop variable of "
                      "run() and is never passed to update()",
                      {"probe_site": ("after", "_, loss = sess.run(", _VI)})) for v in range(1, 5)] +
                [(v, ("after", "_, t, loss = sess.run(")) for v in _NEW]),
        },
        "learning_rate": {
            "text": 'flor.log("learning_rate", learning_rate)',
            "intent": "the decaying learning-rate tensor of the default optimizer, right after it is built",
            "newest": ("after", "learning_rate = tf.train.exponential_decay("),
            "versions": dict(
                [(v, ("after", "learning_rate = tf.train.exponential_decay(", {
                    "note": "1.0.x always builds the decayed rate (no optimizer argument): unconditional there"}))
                 for v in (0, 1)] +
                [(v, ("after", "learning_rate = tf.train.exponential_decay(", {
                    "note": "newest guards it with `if isinstance(global_step, tf.Variable):`; before 1.3.3 the "
                            "equivalent condition is `if optimizer is None:` (the only case with a global step): "
                            "inside it, right after the decayed rate"}))
                 for v in range(2, 10)] +
                [(10, ("after", "learning_rate = tf.train.exponential_decay("))]),
        },
        "n_grads": {
            "text": 'flor.log("n_grads", len(grads_and_vars))',
            "intent": "number of (gradient, variable) pairs, after the loss/gradients and their optional summaries are built",
            "newest": ("after", "if self.logging:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.1.4 the train op is built with optimizer.minimize(loss): no grads_and_vars",
                      {"probe_site": ("after", "loss = self.build_loss()", _VI)})) for v in range(6)] +
                [(6, ("after", "if getattr(self, 'build_loss_and_gradients', None) is not None:", {
                    "n": 1, "of": 2,
                    "note": "1.1.4 computes grads_and_vars after the optimizer chain in an if/else "
                            "(build_loss_and_gradients or build_loss + compute_gradients): after the whole if/else, "
                            "before the train op; no summary block yet"}))] +
                [(v, ("after", "self.loss, grads_and_vars = self.build_loss_and_gradients(var_list)", {
                    "note": "no `if self.logging:` summary block before 1.3.2: right after the loss/gradients"}))
                 for v in (7, 8, 9)] +
                [(10, ("after", "if self.logging:"))]),
        },
        "summary_op": {
            "text": 'flor.log("summary_op", self.summarize.name)',
            "intent": "name of the merged loss/gradient summary op, when logging",
            "newest": ("after", "self.summarize = tf.summary.merge_all("),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 1.3.2 initialize() builds no loss/gradient summaries (no `if self.logging:` block); "
                      "1.2.0 .. 1.3.0 merge the summaries in Inference.initialize (another file)"))
                 for v in range(10)] +
                [(10, ("after", "self.summarize = tf.summary.merge_all(", {
                    "note": "1.3.3 merges with a local `summary_key` instead of self._summary_key; same statement"}))]),
        },
        "optimizer": {
            "text": 'flor.log("optimizer", type(optimizer).__name__)',
            "intent": "class of the optimizer once it has been resolved from the argument (after the whole if/elif chain)",
            "newest": ("after", "if optimizer is None:"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "1.0.0 builds Adam inline in `tf.train.AdamOptimizer(learning_rate).minimize(...)`: no optimizer variable",
                      {"probe_site": ("after", "self.train = tf.train.AdamOptimizer(learning_rate).minimize(")}))] +
                [(1, ("na", "missing_dependency",
                      "1.0.5 builds Adam inline in `tf.train.AdamOptimizer(learning_rate).minimize(...)`: no optimizer variable",
                      {"probe_site": ("after", "self.train = tf.train.AdamOptimizer(learning_rate).minimize(")}))] +
                [(v, ("after", "if optimizer is None:", {
                    "note": "1.0.8/1.0.9 resolve the optimizer and build the train op in the same "
                            "`if optimizer is None: ... else: <prettytensor Adam>` block; both branches bind "
                            "optimizer, so after the whole if/else (unconditional), although that is after self.train"}))
                 for v in (2, 3)] +
                [(v, ("after", "if optimizer is None:", {
                    "note": "before 1.3.3 the chain also sets global_step and the default learning rate; after the whole chain"}))
                 for v in range(4, 10)] +
                [(10, ("after", "if optimizer is None:"))]),
        },
        "progress_step": {
            "text": 'flor.log("progress_step", t)',
            "intent": "iteration at which progress is reported (inside the print-every-n_print condition)",
            "newest": ("first_in", "if t == 1 or t % self.n_print == 0:", _PP),
            "versions": dict(
                [(v, ("first_in", "if t % self.n_print == 0:", dict(_PP, note=(
                    "before 1.1.3 t is a parameter of print_progress and the condition is `t % self.n_print == 0` "
                    "(no `t == 1 or`): the equivalent condition"))))
                 for v in _OLD] +
                [(v, ("first_in", "if t == 1 or t % self.n_print == 0:", _PP)) for v in _NEW]),
        },
        "progress_loss": {
            "text": 'flor.log("progress_loss", info_dict["loss"])',
            "intent": "loss reported by the progress output (inside the print-every-n_print condition)",
            "newest": ("first_in", "if t == 1 or t % self.n_print == 0:", _PP),
            "versions": dict(
                [(0, ("first_in", "if t % self.n_print == 0:", dict(_PP, renames={'info_dict["loss"]': "losses"}, note=(
                    "before 1.1.3 run() calls print_progress(t, loss) instead of print_progress(info_dict): the "
                    "same loss value is the parameter, named `losses` in 1.0.0 (treated as a rename of "
                    "info_dict['loss'])"))))] +
                [(v, ("first_in", "if t % self.n_print == 0:", dict(_PP, renames={'info_dict["loss"]': "loss"}, note=(
                    "before 1.1.3 the loss is the `loss` parameter of print_progress(t, loss) (treated as a rename "
                    "of info_dict['loss'])"))))
                 for v in range(1, 5)] +
                [(v, ("first_in", "if t == 1 or t % self.n_print == 0:", dict(_PP, note=(
                    "1.1.3 .. 1.2.0 first unpack `loss = info_dict['loss']` in the same place: the probe goes "
                    "before it (first in the condition), still reading info_dict")))) for v in range(5, 8)] +
                [(v, ("first_in", "if t == 1 or t % self.n_print == 0:", _PP)) for v in (8, 9, 10)]),
        },
        "summary_step": {
            "text": 'flor.log("summary_step", t)',
            "intent": "iteration at which the TensorBoard summaries are written",
            "newest": ("after", "self.train_writer.add_summary(summary, t)"),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 1.2.0 update() writes no summaries")) for v in range(7)] +
                [(v, ("after", "if self.summarize is not None:", {
                    "note": "1.2.0 .. 1.3.3 write the summary under an extra `if self.summarize is not None:` that "
                            "the newest version does not have: after that whole if, still inside the "
                            "`t == 1 or t % n_print == 0` condition"}))
                 for v in range(7, 11)]),
        },
        "n_feed": {
            "text": 'flor.log("n_feed", len(feed_dict))',
            "intent": "number of fed placeholders of each update, after the feed dict is complete",
            "newest": ("after", "for key, value in six.iteritems(self.data):", _UPD),
            "versions": dict(
                [(0, ("na", "missing_dependency", "1.0.0 VariationalInference.update runs without a feed dict",
                      {"probe_site": ("before", "_, loss = sess.run([self.train, self.losses])", _VI)}))] +
                [(1, ("na", "missing_dependency", "1.0.5 VariationalInference.update runs without a feed dict",
                      {"probe_site": ("before", "_, loss = sess.run(", _VI)}))] +
                [(2, ("na", "missing_dependency", "1.0.8 VariationalInference.update runs without a feed dict",
                      {"probe_site": ("before", "sess = get_session()", _VI)}))] +
                [(3, ("after", "feed_dict = {key: value.next(self.n_data)", dict(_UPD, note=(
                    "1.0.9 builds the feed dict from data generators in one comprehension after get_session(); "
                    "after it, before the session run"))))] +
                [(4, ("na", "missing_dependency",
                      "1.1.2 stores data in the graph (variables / batch tensors): update runs without a feed dict",
                      {"probe_site": ("before", "sess = get_session()", _VI)}))] +
                [(v, ("after", "for key, value in six.iteritems(self.data):", _UPD)) for v in _NEW]),
        },
    },
}
