# classy-vision classy_vision/tasks/classification_task.py (ClassificationTask.train_step / eval_step / run_optimizer / advance_phase / on_phase_end), PyPI 0.1.0 .. 0.7.0 (v00 .. v06).
# Round 18, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "classy_task" / "versions.json").read_text())
# v00-v01 (0.1/0.2): one train_step(use_gpu, local_variables) serves train and eval phases (grad context
#   chosen by self.train; backward/step under `if self.train:`), values kept in the local_variables dict,
#   PerfTimer sections; no on_phase_* methods in the task (the trainer drives phases).
# v02 (0.3): separate eval_step, still local_variables; on_start/on_phase_start/on_phase_end appear.
# v03 (0.4): plain locals (sample/target/output/local_loss/loss), self.use_gpu, mixup, last_batch.
# v04 (0.5): `with Timer() as timer`, run_optimizer() with gradient accumulation and clipping, no per-step
#   all_reduce (synchronize_losses at phase end), self.dataloader instead of self.dataloaders[phase].
# v05 (0.6): amp_type (apex / torch AMP with amp_grad_scaler), DDP no_sync contexts, _should_do_step.
# v06 (0.7): compute_model().
_TS = {"within": "def train_step("}
_ES = {"within": "def eval_step("}
_RO = {"within": "def run_optimizer("}
_AP = {"within": "def advance_phase("}
_PE = {"within": "def on_phase_end("}
_LV = lambda k: 'local_variables["%s"]' % k  # noqa: E731


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "classy_task",
    "title": "classy-vision ClassificationTask across 0.1.0 .. 0.7.0 (one train_step for train and eval with "
             "local_variables -> separate eval_step (0.3) -> plain locals (0.4) -> run_optimizer with grad "
             "accumulation, Timer, phase-end loss sync (0.5) -> torch AMP scaler and DDP no_sync (0.6))",
    "stories": _V,
    "probes": {
        "batch_size": {
            "text": 'flor.log("batch_size", target.size(0))',
            "intent": "size of each training batch, after the sample has been copied to the GPU (after the whole if)",
            "newest": ("after", "if self.use_gpu:", _TS),
            "versions": dict(
                [(v, ("after", "if use_gpu:", _w(_TS, renames={"target": _LV("target")}, note=(
                    "the CPU target is local_variables[\"target\"] before 0.4; the later local `target` of "
                    "0.1/0.2 (inside the grad context) is the GPU copy and not yet bound here; after the whole "
                    "`if use_gpu:` block")))) for v in (0, 1, 2)] +
                [(v, ("after", "if self.use_gpu:", _TS)) for v in (3, 4, 5)]),
        },
        "train_loss": {
            "text": 'flor.log("train_loss", loss.item())',
            "intent": "detached training loss of each step, right after it is cloned from the local loss",
            "newest": ("after", "loss = local_loss.detach().clone()", _TS),
            "versions": dict(
                [(v, ("after", 'local_variables["loss"] = local_variables["local_loss"].detach().clone()',
                      _w(_TS, renames={"loss": _LV("loss")}, note=(
                          "0.1/0.2 keep the loss in local_variables and clone it inside `with PerfTimer("
                          "\"loss_allreduce\")`, followed by an all_reduce_mean: right after the clone (the local "
                          "value, as in the newest version which no longer reduces per step). The one train_step "
                          "also runs in eval phases; there is no branch to keep, so it goes there unconditionally"))))
                 for v in (0, 1)] +
                [(2, ("after", 'local_variables["loss"] = local_variables["local_loss"].detach().clone()',
                      _w(_TS, renames={"loss": _LV("loss")}, note="right after the clone, before all_reduce_mean")))] +
                [(3, ("after", "loss = local_loss.detach().clone()", _w(_TS, note=(
                    "0.4 reassigns `loss = all_reduce_mean(loss)` right after the clone; the probe follows the "
                    "clone (its previous sibling), reading the local value as in the newest version"))))] +
                [(v, ("after", "loss = local_loss.detach().clone()", _TS)) for v in (4, 5)]),
        },
        "optim_loss": {
            "text": 'flor.log("optim_loss", loss.item())',
            "intent": "loss that is back-propagated, right after the backward pass (after the amp if/elif/else)",
            "newest": ("after", "if self.amp_type == AmpType.APEX:", _RO),
            "versions": {
                0: ("after", 'self.optimizer.backward(local_variables["local_loss"])', {
                    "renames": {"loss": _LV("local_loss")},
                    "alt": [("after", 'with PerfTimer("backward", perf_stats):')],
                    "note": "0.1 backpropagates in train_step under `if self.train:` inside `with PerfTimer("
                            "\"backward\")`: after the backward call, or after the timing block (both right after "
                            "the backward). The run_optimizer parameter `loss` is local_variables[\"local_loss\"] "
                            "(not local_variables[\"loss\"], the detached copy)"}),
                1: ("after", "if self.amp_opt_level is not None:", _w(_TS, **{
                    "renames": {"loss": _LV("local_loss")},
                    "alt": [("after", 'with PerfTimer("backward", perf_stats):')],
                    "note": "apex/plain backward if/else inside `with PerfTimer(\"backward\")` under `if self.train:`: "
                            "after the if/else, or after the timing block"})),
                2: ("after", "if self.amp_opt_level is not None:", _w(_TS, renames={"loss": _LV("local_loss")})),
                3: ("after", "if self.amp_args is not None:", _w(_TS, renames={"loss": "local_loss"}, note=(
                    "backward still in train_step, where `loss` is the detached, all-reduced copy: the value "
                    "run_optimizer calls `loss` is `local_loss` here"))),
                4: ("after", "if self.amp_args is not None:", _w(_RO, note="apex/plain if/else in run_optimizer")),
                5: ("after", "if self.amp_type == AmpType.APEX:", _RO),
            },
        },
        "eval_loss": {
            "text": 'flor.log("eval_loss", loss.item())',
            "intent": "loss of each evaluation batch, right after it is recorded in self.losses",
            "newest": ("after", "self.losses.append(", _ES),
            "versions": dict(
                [(v, ("after", "self.losses.append(", _w(_TS, renames={"loss": _LV("loss")}, note=(
                    "0.1/0.2 have no eval_step: the single train_step evaluates too (no_grad when not self.train). "
                    "Its losses.append is the equivalent place; there is no eval-only branch there, so the probe "
                    "is unconditional (it also runs in training phases)"))))
                 for v in (0, 1)] +
                [(2, ("after", "self.losses.append(", _w(_ES, renames={"loss": _LV("loss")})))] +
                [(v, ("after", "self.losses.append(", _w(_ES, note=(
                    "the appended value is multiplied by target.size(0) before 0.6; same statement") if v < 5 else None)))
                 for v in (3, 4, 5)]),
        },
        "num_updates": {
            "text": 'flor.log("num_updates", self.num_updates)',
            "intent": "samples-processed counter right after it is advanced at the end of each training step",
            "newest": ("after", "self.num_updates += self.get_global_batchsize()"),
            "versions": dict(
                [(v, ("after", "self.num_updates += num_samples_in_step", {
                    "note": "0.1/0.2 advance the counter by num_samples_in_step at the end of the `if self.train:` "
                            "block (train phases only, the equivalent of train_step): inside that block"}))
                 for v in (0, 1)] +
                [(v, ("after", "self.num_updates += self.get_global_batchsize()")) for v in range(2, 6)]),
        },
        "train_phase_idx": {
            "text": 'flor.log("train_phase_idx", self.train_phase_idx)',
            "intent": "training-phase index when a phase starts, after the whole `if self.train:` that advances it",
            "newest": ("after", "if self.train:", _AP),
            "versions": {v: ("after", "if self.train:", _w(_AP, note="after the whole if, not inside it") if v == 0
                             else _AP) for v in range(6)},
        },
        "num_batches": {
            "text": 'flor.log("num_batches", len(self.data_iterator))',
            "intent": "number of batches of the new phase, once the data iterator has been rebuilt",
            "newest": ("after", "self.create_data_iterators()", _AP),
            "versions": dict(
                [(v, ("after", "self.create_data_iterator()", _w(_AP, note=(
                    "before 0.5 the method is create_data_iterator() (one dataloader per phase type in "
                    "self.dataloaders); same call" + (
                        "; 0.1/0.2 reshuffle the data between rebuilding the loader and creating the iterator"
                        if v < 2 else "")))))
                 for v in range(4)] +
                [(v, ("after", "self.create_data_iterators()", _AP)) for v in (4, 5)]),
        },
        "phase_loss": {
            "text": 'flor.log("phase_loss", sum(self.losses) / len(self.losses))',
            "intent": "mean loss of the phase at phase end, once the losses have been synchronised",
            "newest": ("after", "self.synchronize_losses()", _PE),
            "versions": dict(
                [(v, ("na", "no_anchor",
                      "0.1/0.2 have no on_phase_end in the task (the trainer runs the phase-end hooks); nothing "
                      "in this file runs at phase end", {"scope": "ClassificationTask"})) for v in (0, 1)] +
                [(v, ("after", 'self.log_phase_end("train")', _w(_PE, note=(
                    "0.3/0.4 reduce the loss every step and have no synchronize_losses (nor the optimizer.on_epoch "
                    "if): the probe keeps its place between the first log_phase_end and the meter sync; "
                    "self.losses holds loss * batch size there (value changed meaning, same place)"))))
                 for v in (2, 3)] +
                [(v, ("after", "self.synchronize_losses()", _PE)) for v in (4, 5)]),
        },
        "amp_scale": {
            "text": 'flor.log("amp_scale", self.amp_grad_scaler.get_scale())',
            "intent": "torch AMP loss scale after each scaler update (optimizer step under torch AMP)",
            "newest": ("after", "self.amp_grad_scaler.update()"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "no torch AMP GradScaler before 0.6 (apex only, via amp_opt_level / amp_args); "
                      "self.amp_grad_scaler does not exist", {"scope": "run_optimizer" if v == 4 else "train_step"}))
                 for v in range(5)] +
                [(5, ("after", "self.amp_grad_scaler.update()"))]),
        },
        "sample_fetch_time": {
            "text": 'flor.log("sample_fetch_time", timer.elapsed_time)',
            "intent": "time taken to fetch each training sample from the data iterator",
            "newest": ("after", "with Timer() as timer:", _TS),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "the sample fetch is not timed into a variable before 0.5 (0.1/0.2 wrap it in an anonymous "
                      "`with PerfTimer(\"read_sample\", perf_stats):` that records into perf_stats; 0.3/0.4 not at "
                      "all): no `timer`", {"scope": "train_step"})) for v in range(4)] +
                [(v, ("after", "with Timer() as timer:", _TS)) for v in (4, 5)]),
        },
    },
}
