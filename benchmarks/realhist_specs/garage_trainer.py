# garage src/garage/trainer.py, older src/garage/experiment/local_runner.py (Trainer/LocalRunner: step_epochs, train,
# obtain_episodes/obtain_samples, setup, restore), PyPI 2019.10.0 .. 2021.3.0 (v00 .. v06).
# Round 17, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "garage_trainer" / "versions.json").read_text())
OLDER = range(6)
_OLD = range(3)         # v00-v02 (2019.10.x): public self.train_args / self.algo, SimpleNamespace args, try/finally
                        # around the epoch loop, no ExperimentStats, no enable_logging, `return self.algo.train(self)`
_MID = range(3, 6)      # v03-v05 (2020.6.x): LocalRunner with self._train_args / self._stats, BaseSampler if/else
                        # in obtain_samples, seed kept in SetupArgs; newest (2021.3.0) is Trainer with episodes
_NA = lambda why: ("na", "missing_dependency", why)
_TRAIN = {"within": "def train("}
CASE = {
    "name": "garage_trainer",
    "title": "garage LocalRunner -> Trainer across 2019.10.0 .. 2021.3.0 (train_args -> _train_args, "
             "ExperimentStats, enable_logging guard, paths -> episodes, seed moved out of SetupArgs, "
             "sampler if/else removed, average_return kept by train())",
    "stories": _V,
    "probes": {
        "store_episodes": {
            "text": 'flor.log("store_episodes", save_episode is not None)',
            "intent": "whether this epoch's samples go into the snapshot, right after that is decided",
            "newest": ("after", "save_episode = (self.step_episode"),
            "versions": dict(
                [(v, ("after", "save_path = (self.step_path", {
                    "renames": {"save_episode": "save_path"},
                    "note": "before 2021.3 the samples are paths: save_path = (self.step_path if ... store_paths ...)"}))
                 for v in OLDER]),
        },
        "snapshot_dir": {
            "text": 'flor.log("snapshot_dir", self._snapshotter.snapshot_dir)',
            "intent": "checkpoint folder, right after each epoch's snapshot is written",
            "newest": ("after", "self.save(epoch)"),
            "versions": dict(
                [(v, ("after", "self.save(epoch, save_path)", {
                    "note": "2019.10 passes the paths to save(): same statement"})) for v in _OLD] +
                [(v, ("after", "self.save(epoch)")) for v in _MID]),
        },
        "logged_itr": {
            "text": 'flor.log("logged_itr", self.step_itr)',
            "intent": "iteration number the tabular log is dumped under, only when logging is enabled",
            "newest": ("after", "logger.dump_all(self.step_itr)"),
            "versions": dict(
                [(v, ("after", "logger.dump_all(self.step_itr)", {
                    "note": "no `if self.enable_logging:` guard in 2019.10 (logging every epoch): the unconditional "
                            "equivalent, after dump_all inside the epoch's `with`"})) for v in _OLD] +
                [(v, ("after", "logger.dump_all(self.step_itr)")) for v in _MID]),
        },
        "epoch_time": {
            "text": 'flor.log("epoch_time", time.time() - self._itr_start_time)',
            "intent": "wall time of the epoch, at the end of the epoch after the (conditional) logging block",
            "newest": ("after", "if self.enable_logging:"),
            "versions": dict(
                [(v, ("after", "tabular.clear()", {
                    "note": "no enable_logging guard in 2019.10: its statements run unconditionally, the probe goes "
                            "after the last of them (tabular.clear()), last in the epoch's `with`, inside the try"}))
                 for v in _OLD] +
                [(v, ("after", "if self.enable_logging:", {
                    "note": "after the whole `if`, not inside it"})) for v in _MID]),
        },
        "average_return": {
            "text": 'flor.log("average_return", average_return)',
            "intent": "average return of the last epoch, as train() gets it from the algorithm",
            "newest": ("after", "average_return = self._algo.train(self)", _TRAIN),
            "versions": dict(
                [(v, _NA("2019.10 train() ends with `return self.algo.train(self)`: the return value is never "
                         "bound to a name, and nothing can run after the return")) for v in _OLD] +
                [(v, ("after", "average_return = self._algo.train(self)", _TRAIN)) for v in _MID]),
        },
        "start_epoch": {
            "text": 'flor.log("start_epoch", self._train_args.start_epoch)',
            "intent": "epoch a restored experiment resumes from, once restore() has computed it",
            "newest": ("after", "self._train_args.start_epoch = last_epoch + 1"),
            "versions": dict(
                [(v, ("after", "self.train_args.start_epoch = last_epoch + 1", {
                    "renames": {"self._train_args": "self.train_args"},
                    "note": "2019.10 keeps the train arguments in the public self.train_args (a SimpleNamespace)"}))
                 for v in _OLD] +
                [(v, ("after", "self._train_args.start_epoch = last_epoch + 1")) for v in _MID]),
        },
        "env_steps": {
            "text": 'flor.log("env_steps", self._stats.total_env_steps)',
            "intent": "total environment steps, right after each sampled batch is counted",
            "newest": ("after", "self._stats.total_env_steps += sum(episodes.lengths)"),
            "versions": dict(
                [(v, _NA("2019.10 has no ExperimentStats (self._stats) and does not count environment steps at all"))
                 for v in _OLD] +
                [(v, ("after", "self._stats.total_env_steps += sum([len(p['rewards']) for p in paths])", {
                    "note": "2020.6 counts from the path dicts in obtain_samples(), after the whole "
                            "BaseSampler if/else: same statement"})) for v in _MID]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size or self._train_args.batch_size)',
            "intent": "batch size requested from the sampler, right before sampling (after the agent update is chosen)",
            "newest": ("after", "if agent_update is None:"),
            "versions": dict(
                [(v, ("after", "if self.train_args.n_epoch_cycles == 1:", {
                    "renames": {"self._train_args": "self.train_args"},
                    "alt": [("before", "if self.train_args.n_epoch_cycles == 1:",
                             {"renames": {"self._train_args": "self.train_args"}})],
                    "note": "2019.10 samples in the return statement itself (`return self.sampler.obtain_samples(...)`), "
                            "so the probe goes right before that return; the `if n_epoch_cycles == 1:` log before it "
                            "has no counterpart in the newest version, so either side of it is accepted"}))
                 for v in _OLD] +
                [(v, ("after", "paths = None", {
                    "note": "`if agent_update is None:` (the newest previous sibling) exists only inside the else "
                            "branch of `if isinstance(self._sampler, BaseSampler):`; the probe is unconditional, so "
                            "it goes before that whole if/else, after `paths = None` (the image of `episodes = None`)"}))
                 for v in _MID]),
        },
        "seed": {
            "text": 'flor.log("seed", self._seed)',
            "intent": "random seed the trainer records in setup()",
            "newest": ("after", "self._seed = get_seed()"),
            "versions": dict(
                [(v, _NA("2019.10 never reads or stores a seed in the runner (SimpleNamespace setup args hold only "
                         "sampler_cls / sampler_args)")) for v in _OLD] +
                [(v, ("after", "self._setup_args = SetupArgs(", {
                    "renames": {"self._seed": "self._setup_args.seed"},
                    "note": "2020.6 stores get_seed() in SetupArgs(seed=get_seed()) at the end of setup() (restore() "
                            "reads self._setup_args.seed where the newest reads self._seed): the image of "
                            "`self._seed = get_seed()`, so after it, last in setup(), with the rename"}))
                 for v in _MID]),
        },
    },
}
