# catalyst catalyst/core/runner.py (IRunner._run_experiment / _run_epoch / _run_loader and the on_* handlers), PyPI 19.3 .. 22.4 (v00 .. v11).
# Round 17, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "catalyst_runner" / "versions.json").read_text())
# v00 19.3, v01 19.5 (catalyst/dl/experiments/runner.py: Runner + RunnerState `self.state`)
# v02 19.10, v03 19.12 (catalyst/dl/core/runner.py), v04 20.2 (catalyst/core/runner.py, _Runner + state)
# v05 20.4 (_Runner + State, local `state = self.state` in _run_epoch/_run_stage)
# v06 20.6 (IRunner holds the state itself: self.global_epoch, self.loader_batch_size, ...)
# v07 20.12 (runner's own on_*_start/end handlers, loops reduced to _run_batch/_run_loader/_run_epoch/_run_stage)
# v08 21.3, v09 21.8, v10 21.12 (stages + engine: global_/stage_ counters, _setup_components in on_stage_start)
# v11 22.4 (no stages: epoch_step/batch_step/sample_step, _run_batch inlined into _run_loader)
OLDER = range(11)
_STATE = range(0, 6)     # v00-v05: counters live on self.state (State/RunnerState object)
_EARLY = range(0, 5)     # v00-v04: no batch-level early stop, no batch/epoch metrics dicts

_NA_METRICS = ("before 20.4 the runner has no batch/loader/epoch metric dicts: metrics are kept by the "
               "state's MetricManager (state.metrics / state.metric_manager with batch_values/epoch_values, "
               "defined outside this file, a different structure); substituting them is not a rename")

CASE = {
    "name": "catalyst_runner",
    "title": "catalyst runner loops across 19.3 .. 22.4 (Runner + RunnerState with for-epoch loop -> State with "
             "while loop and global_epoch (20.4) -> state folded into IRunner (20.6) -> on_* runner handlers "
             "(20.12) -> stages + engines with global_/stage_ counters (21.x) -> stage-less IRunner with "
             "epoch_step/sample_step and _run_batch inlined (22.x))",
    "stories": _V,
    "probes": {
        "sample_step": {
            "text": 'flor.log("sample_step", self.sample_step)',
            "intent": "global number of samples seen, right after the counter is advanced at the start of each batch",
            "newest": ("after", "self.sample_step += self.batch_size * self.engine.num_processes"),
            "versions": dict(
                [(v, ("after", "self.state.step += self.state.batch_size", {
                    "renames": {"self.sample_step": "self.state.step"},
                    "note": "before 20.4 the global sample counter is state.step, advanced by state.batch_size "
                            "as the first statement of _run_batch"})) for v in range(0, 5)] +
                [(5, ("after", "self.state.global_step += self.state.batch_size", {
                    "renames": {"self.sample_step": "self.state.global_step"},
                    "note": "20.4 renames the sample counter state.global_step (still advanced by batch_size)"}))] +
                [(v, ("after", "self.global_sample_step += self.batch_size", {
                    "renames": {"self.sample_step": "self.global_sample_step"},
                    "note": "in _run_batch (20.6) / on_batch_start (20.12)"})) for v in (6, 7)] +
                [(v, ("after", "self.global_sample_step += self.batch_size", {
                    "renames": {"self.sample_step": "self.global_sample_step"},
                    "alt": [("after", "self.stage_sample_step += self.batch_size")],
                    "note": "21.x advance global_ and stage_ sample counters; the stage_ one has no counterpart "
                            "in 22.x (no stages), so the probe may sit on either side of it; the global counter "
                            "is the one that became sample_step"})) for v in (8, 9, 10)]),
        },
        "epoch": {
            "text": 'flor.log("epoch", self.epoch_step)',
            "intent": "epoch counter at the start of each epoch, right after it is advanced",
            "newest": ("after", "self.epoch_step += 1"),
            "versions": dict(
                [(0, ("after", "self.state.epoch = epoch", {
                    "renames": {"self.epoch_step": "self.state.epoch"},
                    "note": "19.3 sets state.epoch from the for-loop index at the start of each epoch (0-based)"}))] +
                [(v, ("after", "self.state.stage_epoch = epoch", {
                    "renames": {"self.epoch_step": "self.state.epoch"},
                    "alt": [("first_in", "for epoch in range(self.state.num_epochs):")],
                    "note": "19.5-20.2: the epoch counter that runs across stages is state.epoch (0-based, advanced "
                            "at the end of the loop body); the loop first sets state.stage_epoch, which has no "
                            "counterpart in 22.x: right after it or first in the loop. state.stage_epoch is a "
                            "per-stage index, not the renamed counter"})) for v in (1, 2, 3, 4)] +
                [(5, ("first_in", "while state.epoch < state.num_epochs + 1:", {
                    "renames": {"self.epoch_step": "state.global_epoch"},
                    "alt_texts": ['flor.log("epoch", self.state.global_epoch)'],
                    "note": "20.4 advances state.global_epoch (1-based) at the end of the epoch loop, so at the "
                            "start of the loop body it already holds the current epoch: first in the while loop, "
                            "before the epoch seed (as in 22.x: counter, then seed). `state` is a local alias of "
                            "self.state"}))] +
                [(6, ("first_in", "while self.epoch < self.num_epochs + 1:", {
                    "renames": {"self.epoch_step": "self.global_epoch"},
                    "note": "20.6: global_epoch on the runner, advanced at the end of the loop body: first in the "
                            "while loop, before the seed"}))] +
                [(7, ("before", "assert self.loaders is not None", {
                    "within": "def on_epoch_start(",
                    "renames": {"self.epoch_step": "self.global_epoch"},
                    "note": "20.12 has a runner on_epoch_start handler but advances global_epoch in on_epoch_end: "
                            "the probe keeps its place at the top of on_epoch_start (after the docstring, before "
                            "the loaders assert), where global_epoch is the current epoch"}))] +
                [(v, ("after", "self.global_epoch_step += 1", {
                    "renames": {"self.epoch_step": "self.global_epoch_step"},
                    "alt": [("after", "self.stage_epoch_step += 1")],
                    "note": "21.x advance global_epoch_step then stage_epoch_step; the stage counter has no "
                            "counterpart in 22.x: either side of it, reading the global counter"}))
                 for v in (8, 9, 10)]),
        },
        "loader_batch_size": {
            "text": 'flor.log("loader_batch_size", self.loader_batch_size)',
            "intent": "nominal batch size of each loader, right after it is read from the DataLoader",
            "newest": ("after", "self.loader_batch_size: int = get_loader_batch_size(self.loader)"),
            "versions": dict(
                [(v, ("after", "self.state.batch_size = loader.batch_size", {
                    "renames": {"self.loader_batch_size": "self.state.batch_size"},
                    "note": "before 20.6 the loader's batch size is state.batch_size, set at the top of "
                            "_run_loader (inside the grad context, after the loader_start callbacks)"}))
                 for v in (0, 1)] +
                [(v, ("after", "self.state.batch_size = (", {
                    "renames": {"self.loader_batch_size": "self.state.batch_size"},
                    "note": "state.batch_size = batch_sampler.batch_size or loader.batch_size, in _run_loader"}))
                 for v in (2, 3, 4, 5)] +
                [(v, ("after", "self.loader_batch_size = (", {
                    "note": "in _run_loader (20.6) / on_loader_start (20.12)" if v == 6 else "in on_loader_start"}))
                 for v in (6, 7)] +
                [(8, ("after", "self.loader_batch_size: int = self.loader.batch_size"))] +
                [(v, ("after", "self.loader_batch_size: int = _get_batch_size(self.loader)")) for v in (9, 10)]),
        },
        "early_stop_step": {
            "text": 'flor.log("early_stop_step", self.loader_batch_step)',
            "intent": "in-loader batch step at which the loader loop is stopped early (inside that if, before the break)",
            "newest": ("first_in", "if self.need_early_stop:", {"within": "def _run_loader("}),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "before 20.4 the loader loop has no early-stop check (only `if self.state.early_stop:` per "
                      "epoch in _run_stage, a different event); there is no place where the loader loop is "
                      "stopped early", {"scope": "_run_loader"})) for v in _EARLY] +
                [(5, ("first_in", "if self.state.need_early_stop:", {
                    "within": "def _run_loader(",
                    "renames": {"self.loader_batch_step": "self.state.loader_step"},
                    "note": "20.4 checks state.need_early_stop after each batch (22.x: before the next one) and "
                            "names the in-loader batch counter state.loader_step (= i + 1)"}))] +
                [(v, ("first_in", "if self.need_early_stop:", {
                    "within": "def _run_loader(",
                    "note": "the check follows the batch in 20.6-21.x (22.x: precedes the next batch): same "
                            "branch; loader_batch_step is set by the loop itself in 20.12-21.8"}))
                 for v in range(6, 11)]),
        },
        "loader_key": {
            "text": 'flor.log("loader_key", self.loader_key)',
            "intent": "name of each loader as the epoch's loader loop reaches it (first in that loop)",
            "newest": ("first_in", "for self.loader_key, self.loader in self.loaders.items():"),
            "versions": dict(
                [(v, ("first_in", "for loader_name in loaders:", {
                    "renames": {"self.loader_key": "loader_name"},
                    "alt": [("after", "self.state.loader_name = loader_name")],
                    "note": "before 20.12 the loop variable is the local loader_name, copied to "
                            "state.loader_name as the loop's first statement (no counterpart in 22.x, where the "
                            "loop binds the attribute itself): first in the loop or right after that copy, "
                            "reading loader_name"})) for v in (0, 1)] +
                [(v, ("first_in", "for loader_name, loader in loaders.items():", {
                    "renames": {"self.loader_key": "loader_name"},
                    "alt": [("after", "self.state.loader_name = loader_name")]})) for v in (2, 3, 4)] +
                [(5, ("first_in", "for loader_name, loader in loaders.items():", {
                    "renames": {"self.loader_key": "loader_name"},
                    "alt": [("after", "state.loader_name = loader_name")]}))] +
                [(6, ("first_in", "for loader_name, loader in self.loaders.items():", {
                    "renames": {"self.loader_key": "loader_name"},
                    "alt": [("after", "self.loader_name = loader_name")]}))] +
                [(v, ("first_in", "for self.loader_key, self.loader in self.loaders.items():",
                      {"note": "20.12-21.x run the loader events inside _run_loader"} if v == 7 else {}))
                 for v in range(7, 11)]),
        },
        "epoch_metrics": {
            "text": 'flor.log("epoch_metrics", self.epoch_metrics)',
            "intent": "the epoch's metrics at the end of each epoch, once the epoch-end callbacks have filled them",
            "newest": ("after", 'self.log_metrics(metrics=self.epoch_metrics, scope="epoch")'),
            "versions": dict(
                [(v, ("na", "missing_dependency", _NA_METRICS, {"scope": "_run_stage"})) for v in _EARLY] +
                [(5, ("after", 'self._run_event("on_epoch_end")', {
                    "within": "def _run_stage(",
                    "renames": {"self.epoch_metrics": "state.epoch_metrics"},
                    "alt_texts": ['flor.log("epoch_metrics", self.state.epoch_metrics)'],
                    "note": "20.4 has no runner on_epoch_end handler: right after the on_epoch_end event in the "
                            "epoch loop; the metrics live on the State (local alias `state`)"}))] +
                [(6, ("after", 'self._run_event("on_epoch_end")', {
                    "within": "def _run_stage(",
                    "note": "20.6: after the on_epoch_end event in the epoch loop, before the early-stop check"}))] +
                [(7, ("before", "self.global_epoch += 1", {
                    "within": "def on_epoch_end(",
                    "alt": [("after", "self.epoch += 1", {"within": "def on_epoch_end("})],
                    "note": "20.12's runner on_epoch_end (run after the callbacks) only advances the epoch "
                            "counters, which have no counterpart in 22.x's on_epoch_end: before or after them"}))] +
                [(v, ("after", 'self.log_metrics(metrics=self.epoch_metrics, scope="epoch")')) for v in (8, 9, 10)]),
        },
        "batch_metrics": {
            "text": 'flor.log("batch_metrics", dict(self.batch_metrics))',
            "intent": "the batch's metrics right after the batch is handled (before the batch-end callbacks)",
            "newest": ("after", "self.handle_batch(batch=self.batch)"),
            "versions": dict(
                [(v, ("na", "missing_dependency", _NA_METRICS, {"scope": "_run_batch"})) for v in _EARLY] +
                [(5, ("after", "self._handle_batch(batch=batch)", {
                    "renames": {"self.batch_metrics": "self.state.batch_metrics"},
                    "note": "20.4: the batch is handled in _run_batch (22.x inlines it into _run_loader's loop); "
                            "batch metrics live on self.state"}))] +
                [(6, ("after", "self._handle_batch(batch=batch)", {"note": "in _run_batch"}))] +
                [(7, ("after", "self._handle_batch(batch=self.input)", {"note": "in _run_batch"}))] +
                [(8, ("after", "self.handle_batch(batch=self.batch)", {"note": "in _run_batch"}))] +
                [(v, ("after", "self.handle_batch(batch=self.batch)", {
                    "alt": [("after", "self.batch = self.engine.sync_device(self.batch)")],
                    "note": "21.8+ sync the batch to the device after handle_batch (no counterpart in 22.x, "
                            "does not touch batch_metrics): either side of it"})) for v in (9, 10)]),
        },
        "lr": {
            "text": 'flor.log("lr", self.optimizer.param_groups[0]["lr"])',
            "intent": "initial learning rate once the model/criterion/optimizer/scheduler have been set up",
            "newest": ("after", "self._setup_components()"),
            "versions": dict(
                [(v, ("after", "criterion, optimizer, scheduler = ", {
                    "renames": {"self.optimizer": "optimizer"},
                    "note": "19.x set up the components per stage in _prepare_state: the optimizer is the local "
                            "`optimizer` (handed to RunnerState right after)"})) for v in (0, 1)] +
                [(2, ("after", "self.model, criterion, optimizer, scheduler, self.device = ", {
                    "renames": {"self.optimizer": "optimizer"}, "note": "in _prepare_state"}))] +
                [(v, ("after", "self.model, criterion, optimizer, scheduler, self.device = ", {
                    "renames": {"self.optimizer": "optimizer"}, "note": "in _prepare_for_stage"})) for v in (3, 4)] +
                [(v, ("after", "(", {
                    "within": "def _prepare_for_stage(",
                    "renames": {"self.optimizer": "optimizer"},
                    "note": "the multi-line `(model/self.model, criterion, optimizer, ...) = "
                            "self._get_experiment_components(...)` in _prepare_for_stage; the runner/state only "
                            "gets the optimizer later, the local `optimizer` holds it here"})) for v in (5, 6)] +
                [(7, ("after", "model, criterion, optimizer, scheduler, device = process_components(", {
                    "renames": {"self.optimizer": "optimizer"},
                    "note": "20.12 builds the components in IStageBasedRunner.on_stage_start (local `optimizer`, "
                            "stored on the runner by _prepare_inner_state later)"}))] +
                [(v, ("after", "self._setup_components()", {
                    "note": "21.x set the components up in on_stage_start (22.x: on_experiment_start, no stages)"}))
                 for v in (8, 9, 10)]),
        },
    },
}
