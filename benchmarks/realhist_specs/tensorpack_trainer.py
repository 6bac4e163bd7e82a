# tensorpack tensorpack/train/base.py (Trainer.main_loop + setup/initialize/initialize_hooks), PyPI 0.1.5 .. 0.11 (v00 .. v08).
# Round 23, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tensorpack_trainer" / "versions.json").read_text())
OLDER = range(8)
# v00 0.1.5  setup() + main_loop(); loop counters are plain attributes self.epoch_num / self.local_step,
#            global_step is a computed property; `callbacks = self.config.callbacks` local; coord.should_stop();
#            fetch_data = self.run_step() + if/else trigger_step; self.trigger_epoch()
# v01 0.1.6  MonitoredSession created in setup(): self.monitored_sess.should_stop()
# v02 0.1.7  self._callbacks, self._monitored_sess, hooks = self._callbacks.get_hooks() in setup(),
#            self._trigger_epoch(); self._callbacks.trigger_epoch(); self.monitors.flush()
# v03 0.3.0  is_chief, _create_session() (hooks there), hooked_sess, self._epoch_num loop target,
#            before_epoch/after_epoch callbacks (before_epoch after start_time), refresh of _starting_step
#            after before_train, "Training has finished!"
# v04 0.4.0  self._global_step replaces self._starting_step (global_step property returns it)
# v05 0.6.0  TrainLoop self.loop: loop.config(...) in __init__ (config.steps_per_epoch), loop.update_global_step(),
#            self.loop._epoch_num / self.loop._local_step, self._config
# v06 0.7.0  new API: setup_callbacks / initialize(session_creator, session_init) / main_loop(steps_per_epoch, ...)
#            with loop.config in main_loop; hooks in initialize()
# v07 0.8.3  before_epoch moved before start_time; `except (...) as e` logs str(e); humanize_time_delta
# v08 0.11   initialize_hooks() split out of initialize(); extra `except Exception` logging branch
_ML = {"within": "def main_loop("}


def _w(base=None, **kw):
    d = dict(base or {})
    d.update(kw)
    return d


def _ep(v):
    """the name of the current epoch number in main_loop of version v"""
    return "self.epoch_num" if v <= 2 else "self._epoch_num" if v <= 4 else None


def _ls(v):
    return "self.local_step" if v <= 4 else None


def _ren(new, old):
    return {"renames": {new: old}} if old else {}


CASE = {
    "name": "tensorpack_trainer",
    "title": "tensorpack Trainer.main_loop and session setup across 0.1.5 .. 0.11 (plain epoch_num/local_step "
             "attributes -> _epoch_num -> TrainLoop self.loop; coord -> monitored_sess -> hooked_sess; "
             "fetch_data if/else trigger_step; before/after_epoch callbacks; _starting_step -> _global_step -> "
             "loop.update_global_step(); hooks moved setup -> _create_session -> initialize -> initialize_hooks; "
             "loop.config in __init__ then in main_loop(steps_per_epoch, ...))",
    "stories": _V,
    "probes": {
        "steps_per_epoch": {
            "text": 'flor.log("steps_per_epoch", steps_per_epoch)',
            "intent": "steps per epoch the loop is configured with, right after the loop is configured",
            "newest": ("after", "self.loop.config(steps_per_epoch, starting_epoch, max_epoch)", _ML),
            "versions": dict(
                [(v, ("first_in", "with self.sess.as_default():", _w(_ML, **{
                    "renames": {"steps_per_epoch": "self.config.steps_per_epoch"},
                    "note": "before 0.6 there is no TrainLoop/loop.config and main_loop takes no arguments: the "
                            "inner loop runs range(self.config.steps_per_epoch) where the newest runs "
                            "range(self.loop.steps_per_epoch) (set from the steps_per_epoch argument), so the value "
                            "is self.config.steps_per_epoch; the place keeps its position: first in the "
                            "`with self.sess.as_default():` block, before the global-step read"})))
                 for v in range(5)] +
                [(5, ("after", "self.loop.config(config.steps_per_epoch", {
                    "within": "def __init__(self, config)",
                    "renames": {"steps_per_epoch": "config.steps_per_epoch"},
                    "note": "0.6.0 configures the loop in Trainer.__init__ from config.steps_per_epoch: after that "
                            "statement (the image of the previous sibling), reading the config field"}))] +
                [(v, ("after", "self.loop.config(steps_per_epoch, starting_epoch, max_epoch)", _ML)) for v in (6, 7)]),
        },
        "start_global_step": {
            "text": 'flor.log("start_global_step", self.loop.global_step)',
            "intent": "global step the training starts from, after it is refreshed once the before_train callbacks ran",
            "newest": ("after", "self.loop.update_global_step()", _w(_ML, n=2, of=2)),
            "versions": dict(
                [(v, ("after", "callbacks.before_train()" if v < 2 else "self._callbacks.before_train()", _w(_ML, **{
                    "renames": {"self.loop.global_step": "self._starting_step"},
                    "note": "before 0.3 the starting global step is read once, before before_train, into "
                            "self._starting_step (the 0.3.0 name of the refreshed value too) and not refreshed: "
                            "after before_train (position of the missing refresh), reading self._starting_step"})))
                 for v in (0, 1, 2)] +
                [(3, ("after", "self._starting_step = get_global_step_value()", _w(_ML, n=2, of=2, **{
                    "renames": {"self.loop.global_step": "self._starting_step"},
                    "note": "0.3.0 refreshes self._starting_step after before_train; its global_step property is "
                            "computed from the epoch/step counters and is not the starting step at this point"})))] +
                [(4, ("after", "self._global_step = get_global_step_value()", _w(_ML, n=2, of=2, **{
                    "renames": {"self.loop.global_step": "self._global_step"},
                    "note": "0.4.0 stores the refreshed step in self._global_step (what the global_step property "
                            "returns; properties are not accepted as bound names, so the attribute is the text)"})))] +
                [(v, ("after", "self.loop.update_global_step()", _w(_ML, n=2, of=2))) for v in (5, 6, 7)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", self.loop.epoch_num)',
            "intent": "epoch number at the start of each epoch, after the before_epoch callbacks",
            "newest": ("after", "self._callbacks.before_epoch()", _ML),
            "versions": dict(
                [(v, ("after", 'logger.info("Start Epoch', _w(_ML, **_ren("self.loop.epoch_num", _ep(v)), **{
                    "alt": [("after", "start_time = time.time()", _w(_ML, **_ren("self.loop.epoch_num", _ep(v))))],
                    "note": "no before_epoch callbacks before 0.3: the place keeps its position after the "
                            "'Start Epoch' log line; start_time is taken right after it in these versions (and "
                            "before before_epoch in 0.3-0.7), so after start_time, before the step loop, is "
                            "equally right"})))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self._callbacks.before_epoch()", _w(_ML, **_ren("self.loop.epoch_num", _ep(v)), **({
                    "note": "before 0.8.3 before_epoch comes after start_time = time.time(): after before_epoch, "
                            "right before the step loop"} if v < 7 else {}))))
                 for v in range(3, 8)]),
        },
        "stop_step": {
            "text": 'flor.log("stop_step", self.loop.local_step)',
            "intent": "step within the epoch at which the session asks to stop (inside that if, before return)",
            "newest": ("first_in", "if self.hooked_sess.should_stop():", _ML),
            "versions": dict(
                [(0, ("first_in", "if self.coord.should_stop():", _w(_ML, renames={"self.loop.local_step": "self.local_step"},
                      note="0.1.5 asks the tf.train.Coordinator: same condition, other object")))] +
                [(1, ("first_in", "if self.monitored_sess.should_stop():", _w(_ML, renames={"self.loop.local_step": "self.local_step"})))] +
                [(2, ("first_in", "if self._monitored_sess.should_stop():", _w(_ML, renames={"self.loop.local_step": "self.local_step"})))] +
                [(v, ("first_in", "if self.hooked_sess.should_stop():", _w(_ML, **_ren("self.loop.local_step", _ls(v)))))
                 for v in range(3, 8)]),
        },
        "local_step": {
            "text": 'flor.log("local_step", self.loop.local_step)',
            "intent": "step within the epoch after each iteration's trigger_step callbacks",
            "newest": ("after", "self._callbacks.trigger_step()", _ML),
            "versions": dict(
                [(v, ("after", "if fetch_data is None:", _w(_ML, renames={"self.loop.local_step": "self.local_step"},
                      note="0.1.5/0.1.6 call trigger_step in both branches of `if fetch_data is None:`; the probe "
                           "runs on every step, so after the whole if/else")))
                 for v in (0, 1)] +
                [(v, ("after", "self._callbacks.trigger_step()", _w(_ML, **_ren("self.loop.local_step", _ls(v)))))
                 for v in range(2, 8)]),
        },
        "epoch_time": {
            "text": 'flor.log("epoch_time", time.time() - start_time)',
            "intent": "wall time of each epoch's steps, after the after_epoch callbacks",
            "newest": ("after", "self._callbacks.after_epoch()", _ML),
            "versions": dict(
                [(v, ("after", "for self.local_step in range(", _w(_ML, **{
                    "note": "no after_epoch callbacks before 0.3: right after the step loop, before the "
                            "'Epoch ... finished' log line"})))
                 for v in (0, 1, 2)] +
                [(v, ("after", "self._callbacks.after_epoch()", _ML)) for v in range(3, 8)]),
        },
        "final_epoch": {
            "text": 'flor.log("final_epoch", self.loop.epoch_num)',
            "intent": "last epoch number once training has finished normally (inside the try, after the epoch loop)",
            "newest": ("after", 'logger.info("Training has finished!")', _ML),
            "versions": dict(
                [(v, ("after", "for self.epoch_num in range(", _w(_ML, renames={"self.loop.epoch_num": "self.epoch_num"},
                      note="no 'Training has finished!' line before 0.3: after the epoch loop, last in the try body")))
                 for v in (0, 1, 2)] +
                [(v, ("after", 'logger.info("Training has finished!")', _w(_ML, **_ren("self.loop.epoch_num", _ep(v)))))
                 for v in range(3, 8)]),
        },
        "stop_reason": {
            "text": 'flor.log("stop_reason", str(e))',
            "intent": "message of the StopTraining/OutOfRangeError that stopped the training",
            "newest": ("after", 'logger.info("Training was stopped by exception', _ML),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.8.3 the StopTraining/OutOfRangeError handler does not bind the exception "
                      "(`except ...:` without `as e`) and logs only 'Training was stopped.'",
                      {"scope": "main_loop"})) for v in range(7)] +
                [(7, ("after", 'logger.info("Training was stopped by exception', _ML))]),
        },
        "n_hooks": {
            "text": 'flor.log("n_hooks", len(hooks))',
            "intent": "number of SessionRunHooks collected from the callbacks for the hooked session",
            "newest": ("after", "hooks = self._callbacks.get_hooks()", {"within": "def initialize_hooks("}),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "0.1.5/0.1.6 register no hooks (0.1.6 builds its MonitoredSession with hooks=None): "
                      "no `hooks` to read", {"scope": "setup"})) for v in (0, 1)] +
                [(2, ("after", "hooks = self._callbacks.get_hooks()", {"within": "def setup(",
                      "note": "0.1.7 collects the hooks at the end of setup()"}))] +
                [(v, ("after", "hooks = self._callbacks.get_hooks()", {"within": "def _create_session(",
                      "note": "0.3-0.6 collect the hooks in _create_session(), before the session is created"}))
                 for v in (3, 4, 5)] +
                [(v, ("after", "hooks = self._callbacks.get_hooks()", {"within": "def initialize(",
                      "note": "0.7-0.8 collect the hooks in initialize(), before the session is created"}))
                 for v in (6, 7)]),
        },
        "session_init": {
            "text": 'flor.log("session_init", type(session_init).__name__)',
            "intent": "kind of session initializer run on the chief worker, right after it ran",
            "newest": ("after", "session_init._run_init(self.sess)", {"within": "def initialize("}),
            "versions": dict(
                [(v, ("after", "self.config.session_init.init(self.sess)", {"within": "def setup(",
                      "renames": {"session_init": "self.config.session_init"},
                      "note": "no is_chief before 0.3: the initializer runs unconditionally in setup(); after it, "
                              "unconditionally"})) for v in (0, 1, 2)] +
                [(v, ("after", "self.config.session_init.init(self.sess)", {"within": "if self.is_chief:",
                      "renames": {"session_init": "self.config.session_init"}})) for v in (3, 4)] +
                [(5, ("after", "self._config.session_init.init(self.sess)", {"within": "if self.is_chief:",
                      "renames": {"session_init": "self._config.session_init"},
                      "note": "0.6.0 keeps the config in self._config"}))] +
                [(v, ("after", "session_init._run_init(self.sess)", {"within": "def initialize("})) for v in (6, 7)]),
        },
    },
}
