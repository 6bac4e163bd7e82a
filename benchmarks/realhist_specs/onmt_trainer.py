# OpenNMT-py onmt/trainer.py (Trainer.train / _gradient_accumulation / validate), PyPI 1.0.0 .. 3.5.1 (v00 .. v09).
# Round 13, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "onmt_trainer" / "versions.json").read_text())
OLDER = range(9)
# v00-v04 (1.0.0 .. 2.3.0): torchtext batches (batch.src tuple -> `src, src_lengths`), model output `outputs`,
#   normalization passed to the loss, optim.step() in two places (`if self.accum_count == 1:` inside the
#   truncation loop, `if self.accum_count > 1:` after the batch loop).
# v05 (3.0.0): dict batches (`src_len = batch['srclen']`), `model_out`, no `normalization` at all.
# v06-v09 (3.1.3 .. 3.5.1): normalization back (`loss /= normalization` in the step), one optim.step(),
#   docstring on _gradient_accumulation, timed validation (`start = time.time()`), report/early-stopping block
#   split from the validation `if`; v08 drops train scorers, adds parallel_mode; v09 puts validate() under a
#   tensor_parallel/rank `if`.
_TRAIN = {"within": "def train("}
_GA = {"within": "def _gradient_accumulation("}
_VALID_LOOP = {"within": "in valid_iter:"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "onmt_trainer",
    "title": "OpenNMT-py Trainer.train/_gradient_accumulation/validate across 1.0.0 .. 3.5.1 (torchtext batches "
             "-> dict batches (3.0), normalization dropped (3.0) and back as `loss /= normalization` (3.1), "
             "autocast added (1.2) and moved into the try (2.3), OOM-only batch skipping (2.3), timed validation "
             "with scorers (3.1), tensor parallel (3.4))",
    "stories": _V,
    "probes": {
        "accum_count": {
            "text": 'flor.log("accum_count", self.accum_count)',
            "intent": "number of accumulated batches of each optimisation step, at the start of "
                      "_gradient_accumulation",
            "newest": ("after", '"""Function that iterates over big batches', _GA),
            "versions": dict(
                [(v, ("first_in", "def _gradient_accumulation(", {
                    "note": "no docstring before 3.1 (the newest previous sibling): first statement of the "
                            "method"})) for v in range(6)] +
                [(v, ("after", '"""Function that iterates over big batches', _GA)) for v in (6, 7, 8)]),
        },
        "normalization": {
            "text": 'flor.log("normalization", normalization)',
            "intent": "loss normaliser of the step (tokens or sentences), after it is summed over data-parallel "
                      "ranks",
            "newest": ("after", 'if self.n_gpu > 1 and self.parallel_mode == "data_parallel":', _TRAIN),
            "versions": dict(
                [(v, ("after", "if self.n_gpu > 1:", _w(_TRAIN, note="after the whole all_gather `if` (no "
                                                         "parallel_mode before 3.4)"))) for v in range(5)] +
                [(5, ("na", "missing_dependency",
                      "3.0.0 has no normalization at all: _accum_batches yields only the batches and the loss "
                      "compute normalises internally", {"scope": "train"}))] +
                [(v, ("after", "if self.n_gpu > 1:", _TRAIN)) for v in (6, 7)] +
                [(8, ("after", 'if self.n_gpu > 1 and self.parallel_mode == "data_parallel":', _TRAIN))]),
        },
        "max_src_len": {
            "text": 'flor.log("max_src_len", int(src_len.max()))',
            "intent": "longest source sequence of each sub-batch, right after the source lengths are read",
            "newest": ("after", 'src_len = batch["srclen"]', _GA),
            "versions": dict(
                [(v, ("after", "src, src_lengths = batch.src if isinstance(batch.src, tuple)", _w(_GA, **{
                    "renames": {"src_len": "src_lengths"},
                    "note": "torchtext batches before 3.0: source and lengths are unpacked together by "
                            "`src, src_lengths = batch.src if ... else (batch.src, None)`"})))
                 for v in range(5)] +
                [(5, ("after", "src_len = batch['srclen']", _GA))] +
                [(v, ("after", 'src_len = batch["srclen"]', _GA)) for v in (6, 7, 8)]),
        },
        "dec_out_shape": {
            "text": 'flor.log("dec_out_shape", tuple(model_out.shape))',
            "intent": "shape of the decoder output of each truncated chunk, once forward and loss are computed "
                      "(after the autocast block, inside the try)",
            "newest": ("after", "with torch.cuda.amp.autocast(enabled=self.optim.amp):", _GA),
            "versions": dict(
                [(v, ("after", "loss, batch_stats = self.train_loss(", {
                    "renames": {"model_out": "outputs"},
                    "note": "no autocast before 1.2: the forward (outside the try) and the loss (first in the "
                            "try) are the image of the autocast block; after the loss, inside the try"}))
                 for v in (0, 1)] +
                [(v, ("first_in", "try:", _w(_GA, **{
                    "renames": {"model_out": "outputs"},
                    "alt": [("after", "with torch.cuda.amp.autocast(enabled=self.optim.amp):", _GA)],
                    "note": "1.2-2.1 have the autocast block before the try (the try wraps only backward and "
                            "stats): first in the try keeps the probe under the try as in the newest version; "
                            "right after the with (before the try) is the same point of execution"})))
                 for v in (2, 3)] +
                [(4, ("after", "with torch.cuda.amp.autocast(enabled=self.optim.amp):", _w(_GA, **{
                    "renames": {"model_out": "outputs"},
                    "note": "right after the with, before the train-scorer block"})))] +
                [(v, ("after", "with torch.cuda.amp.autocast(enabled=self.optim.amp):", _GA)) for v in (5, 6, 7, 8)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "normalised training loss of each chunk, right before backward",
            "newest": ("after", "loss /= normalization"),
            "versions": dict(
                [(v, ("first_in", "if loss is not None:", {
                    "note": "before 3.1 the loss comes back already normalised (normalization passed to the loss "
                            "compute, or none at all in 3.0): no `loss /= normalization`; first in "
                            "`if loss is not None:`, before backward"})) for v in range(6)] +
                [(v, ("after", "loss /= normalization")) for v in (6, 7, 8)]),
        },
        "oom_step": {
            "text": 'flor.log("oom_step", self.optim.training_step)',
            "intent": "training step at which a batch is dropped because of a CUDA out-of-memory error",
            "newest": ("after", "torch.cuda.empty_cache()", {"within": 'if "CUDA out of memory" in trace_content:'}),
            "versions": dict(
                [(v, ("after", 'logger.info("At step %d, we removed a batch - accum %d",', {
                    "note": "before 2.3 every exception drops the batch (`except Exception:` logs and goes on): "
                            "no OOM condition, the unconditional equivalent is the end of the except branch"}))
                 for v in range(4)] +
                [(v, ("after", 'logger.info("Step %d, cuda OOM - batch removed",', {
                    "note": "no empty_cache() before 3.1: after the log, last in the OOM branch"}))
                 for v in (4, 5)] +
                [(v, ("after", "torch.cuda.empty_cache()", {"within": 'if "CUDA out of memory" in trace_content:'}))
                 for v in (6, 7, 8)]),
        },
        "valid_ppl": {
            "text": 'flor.log("valid_ppl", valid_stats.ppl())',
            "intent": "validation perplexity right after each periodic validation",
            "newest": ("after", "valid_stats = self.validate(", _TRAIN),
            "versions": dict(
                [(v, ("after", "valid_stats = self.validate(", _w(_TRAIN, **{
                    "alt": [("after", "valid_stats = self._maybe_gather_stats(valid_stats)", _TRAIN)],
                    "note": "before 2.3 the validation stats are gathered over ranks by "
                            "`valid_stats = self._maybe_gather_stats(valid_stats)` (no counterpart in the newest "
                            "version) two statements later: right after validate() or right after the gather"})))
                 for v in range(4)] +
                [(v, ("after", "valid_stats = self.validate(", _w(_TRAIN, **({
                    "note": "3.4 calls validate() on every rank (no tensor_parallel/rank `if`): "
                            "unconditional equivalent inside the validation `if`"} if v == 8 else {}))))
                 for v in range(4, 9)]),
        },
        "train_ppl": {
            "text": 'flor.log("train_ppl", total_stats.ppl())',
            "intent": "cumulative training perplexity at each reporting step, right after the step report",
            "newest": ("after", "self._report_step(", _TRAIN),
            "versions": dict(
                [(v, ("after", "self._report_step(", _w(_TRAIN, **{
                    "note": "before 3.1 the step report and early stopping are inside the validation `if` "
                            "(valid_iter is not None and step % valid_steps == 0 [and rank]): the closest "
                            "equivalent condition; after the report, before early stopping"})))
                 for v in range(6)] +
                [(v, ("after", "self._report_step(", _TRAIN)) for v in (6, 7, 8)]),
        },
        "valid_batch_words": {
            "text": 'flor.log("valid_batch_words", batch_stats.n_words)',
            "intent": "target words of each validation batch, right after the batch stats are accumulated",
            "newest": ("after", "stats.update(batch_stats)", _VALID_LOOP),
            "versions": dict(
                [(v, ("after", "stats.update(batch_stats)", _w(_VALID_LOOP, **({
                    "note": "1.2-2.1 accumulate outside the autocast block (sibling of the with in the batch "
                            "loop): same statement"} if v in (2, 3) else {}))))
                 for v in range(4)] +
                [(v, ("after", "stats.update(batch_stats)", _w(_VALID_LOOP, **({
                    "note": "2.3/3.0 have a second `stats.update(batch_stats)` in the scorer loop after the "
                            "batch loop; the per-batch one (inside the autocast block) is meant"}
                    if v in (4, 5) else {}))))
                 for v in range(4, 9)]),
        },
        "valid_time": {
            "text": 'flor.log("valid_time", time.time() - start)',
            "intent": "time spent on the validation loss pass, right after the validation batch loop",
            "newest": ("after", "for batch, bucket_idx in valid_iter:"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "validation is not timed before 3.1: no `start = time.time()` (and no `import time`)",
                      {"scope": "validate"})) for v in range(6)] +
                [(v, ("after", "for batch in valid_iter:")) for v in (6, 7)] +
                [(8, ("after", "for batch, bucket_idx in valid_iter:"))]),
        },
    },
}
