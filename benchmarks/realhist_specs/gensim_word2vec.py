# gensim gensim/models/word2vec.py (Word2Vec.train + _worker_loop/_job_producer/_log_epoch_progress), PyPI 0.9.1 .. 4.4.0 (v00 .. v10).
# Round 18, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "gensim_word2vec" / "versions.json").read_text())
# v00 0.9.1, v01 0.10.3: train() with a nested worker_train() closure (alpha computed per job from the
#   shared word_count[0] under a lock, progress logged by the workers), jobs = utils.grouper(chunksize).
# v02 0.12.0: worker_init/worker_one_job/worker_loop closures, progress_queue, while/try loop that
#   pushes (items, next_alpha) and drains progress in the main thread; RepeatCorpusNTimes for iter.
# v03 0.12.2: (examples, trained_words, raw_words) reports, total_examples-based alpha decay.
# v04 0.12.4 .. v08 3.2.0: job_producer() thread batching sentences by batch_words, worker_loop(),
#   report loop with job_tally; v06 2.0.0 explicit epochs/start_alpha/end_alpha; v07 2.3.0 compute_loss.
# v09 4.0.0, v10 4.3.3/4.4.0: explicit epoch loop in train(), _train_epoch, _worker_loop, _job_producer,
#   _log_epoch_progress, _get_next_alpha, callbacks, _clear_post_train.
OLDER = range(10)
_NA = lambda why, scope: ("na", "missing_dependency", why, {"scope": scope})
_TRAIN = {"within": "def train("}

CASE = {
    "name": "gensim_word2vec",
    "title": "gensim Word2Vec training loop across 0.9.1 .. 4.4.0 (worker_train closure -> worker/progress "
             "queues -> job_producer thread -> methods with an explicit epoch loop)",
    "stories": _V,
    "probes": {
        "tally": {
            "text": 'flor.log("tally", tally)',
            "intent": "effective words trained by each job, in the worker, right after the job is trained",
            "newest": ("after", "tally, raw_tally = self._do_train_job(data_iterable, alpha, thread_private_mem)"),
            "versions": dict(
                [(0, ("after", "if self.sg:", {
                    "within": "def worker_train",
                    "renames": {"tally": "job_words"},
                    "note": "0.9.1 trains the job inline with an if self.sg/else that assigns job_words in both "
                            "branches: after the whole if/else (the probe is unconditional), before `with lock:`"}))] +
                [(1, ("after", "job_words = self._get_job_words(alpha, work, job, neu1)", {
                    "renames": {"tally": "job_words"},
                    "note": "the per-job trained-word count is job_words before 0.12.2"}))] +
                [(2, ("after", "job_words = self._do_train_job(items, alpha, inits)", {
                    "renames": {"tally": "job_words"},
                    "note": "inside worker_one_job(); _do_train_job returns the tally, named job_words here"}))] +
                [(3, ("after", "tally, raw_tally = self._do_train_job(items, alpha, inits)", {
                    "note": "inside worker_one_job()"}))] +
                [(v, ("after", "tally, raw_tally = self._do_train_job(sentences, alpha, (work, neu1))"))
                 for v in range(4, 9)] +
                [(9, ("after", "tally, raw_tally = self._do_train_job(data_iterable, alpha, thread_private_mem)"))]),
        },
        "next_alpha": {
            "text": 'flor.log("next_alpha", next_alpha)',
            "intent": "learning rate the producer will attach to the next job, after it is updated (every pushed job)",
            "newest": ("after", "next_alpha = self._get_next_alpha(epoch_progress, cur_epoch)"),
            "versions": dict(
                [(v, _NA("before 0.12 the workers compute the alpha of each job themselves from word_count[0] "
                         "(`alpha = max(...)` at the start of the job); there is no producer-side next_alpha "
                         "(the job's own alpha is another value at another point, not a rename)",
                         "train")) for v in (0, 1)] +
                [(2, ("after", "next_alpha = self.alpha - (self.alpha - self.min_alpha) * (pushed_words / total_words)", {
                    "note": "0.12.0 updates next_alpha unconditionally inside the push `try:`"}))] +
                [(3, ("after", "if self.min_alpha < next_alpha:", {
                    "note": "the update is guarded by `if self.min_alpha < next_alpha:`; the probe is unconditional "
                            "(every pushed job) in the newest version, so it goes after the whole guard"}))] +
                [(v, ("after", "if self.min_alpha < next_alpha:", {
                    "note": "in job_producer(): after the whole alpha guard (the newest update is unguarded), "
                            "before `job_batch, batch_size = [sentence], sentence_length`"})) for v in (4, 5)] +
                [(v, ("after", "if end_alpha < next_alpha:", {
                    "note": "after the whole `if end_alpha < next_alpha:` guard, not inside it"})) for v in (6, 7, 8)] +
                [(9, ("after", "next_alpha = self._get_next_alpha(epoch_progress, cur_epoch)"))]),
        },
        "trained_word_count": {
            "text": 'flor.log("trained_word_count", trained_word_count)',
            "intent": "running count of effective words trained, each time a job's progress is accounted",
            "newest": ("after", "trained_word_count += trained_words"),
            "versions": dict(
                [(v, ("after", "word_count[0] += job_words", {
                    "renames": {"trained_word_count": "word_count[0]"},
                    "note": "before 0.12 the trained-word counter is the shared one-element list word_count, "
                            "updated by the worker inside `with lock:`: after that update"})) for v in (0, 1)] +
                [(2, ("after", "word_count += progress_queue.get(push_done)", {
                    "renames": {"trained_word_count": "word_count"},
                    "note": "0.12.0 accumulates the trained tallies into word_count (returned by train() as "
                            "trained_word_count is later)"}))] +
                [(v, ("after", "trained_word_count += trained_words")) for v in range(3, 10)]),
        },
        "elapsed": {
            "text": 'flor.log("elapsed", elapsed)',
            "intent": "elapsed seconds whenever a progress report is due (first in the report branch)",
            "newest": ("first_in", "if elapsed >= next_report:", {"within": "def _log_epoch_progress"}),
            "versions": dict(
                [(v, ("first_in", "if elapsed >= next_report[0]:", {
                    "note": "next_report is a one-element list before 0.12; the branch is in the worker, under the lock"}))
                 for v in (0, 1)] +
                [(v, ("first_in", "if elapsed >= next_report:", _TRAIN)) for v in range(2, 9)] +
                [(9, ("first_in", "if elapsed >= next_report:", {"within": "def _log_epoch_progress"}))]),
        },
        "job_no": {
            "text": 'flor.log("job_no", job_no)',
            "intent": "job counter, right after a full job is pushed onto the job queue (inside the batching loop)",
            "newest": ("after", "job_queue.put((job_batch, next_alpha))",
                       {"within": "for data_idx, data in enumerate(data_iterator):"}),
            "versions": dict(
                [(v, ("after", "jobs.put(job)", {
                    "note": "before 0.12 jobs are chunks from enumerate(utils.grouper(...)), job_no is the loop index"}))
                 for v in (0, 1)] +
                [(v, ("after", "job_queue.put((items, next_alpha))", {
                    "note": "inside the push `try:`; job_no comes from next(jobs_source)"})) for v in (2, 3)] +
                [(v, ("after", "job_queue.put((job_batch, next_alpha))",
                      {"within": "for sent_idx, sentence in enumerate(sentences):",
                       "note": "the put in the else branch of the batching loop, not the trailing `if job_batch:` put"}))
                 for v in range(4, 9)] +
                [(9, ("after", "job_queue.put((job_batch, next_alpha))",
                      {"within": "for data_idx, data in enumerate(data_iterator):"}))]),
        },
        "data_length": {
            "text": 'flor.log("data_length", data_length)',
            "intent": "raw word count of each sentence as the producer batches it",
            "newest": ("after", "data_length = self._raw_word_count([data])"),
            "versions": dict(
                [(v, _NA("before 0.12.4 jobs are fixed-size chunks of sentences from utils.grouper(..., chunksize); "
                         "no per-sentence length is computed", "train")) for v in range(0, 4)] +
                [(v, ("after", "sentence_length = self._raw_word_count([sentence])", {
                    "renames": {"data_length": "sentence_length"},
                    "note": "job_producer() iterates `sentence` and names its length sentence_length"}))
                 for v in range(4, 9)] +
                [(9, ("after", "data_length = self._raw_word_count([data])"))]),
        },
        "training_loss": {
            "text": 'flor.log("training_loss", self.running_training_loss)',
            "intent": "accumulated training loss at the end of train(), after cached norms are cleared",
            "newest": ("after", "self._clear_post_train()"),
            "versions": dict(
                [(v, _NA("no loss is computed before 2.3.0 (compute_loss / running_training_loss do not exist)",
                         "train")) for v in range(0, 7)] +
                [(v, ("after", "self.clear_sims()", dict(_TRAIN, note=
                      "clear_sims() plays the role of _clear_post_train() (drop normalised vectors) at the end "
                      "of train(); score() also calls it, hence `within`"))) for v in (7, 8)] +
                [(9, ("after", "self._clear_post_train()"))]),
        },
        "epoch": {
            "text": 'flor.log("epoch", cur_epoch)',
            "intent": "epoch index at the start of every epoch",
            "newest": ("first_in", "for cur_epoch in range(self.epochs):"),
            "versions": dict(
                [(v, _NA("no epoch loop before 4.0: passes are folded into one stream "
                         "(utils.RepeatCorpusNTimes, or a single pass before 0.12), cur_epoch is not bound",
                         "train")) for v in range(0, 9)] +
                [(9, ("first_in", "for cur_epoch in range(self.epochs):"))]),
        },
        "job_tally": {
            "text": 'flor.log("job_tally", job_tally)',
            "intent": "number of finished jobs whose progress report has been received",
            "newest": ("after", "job_tally += 1"),
            "versions": dict(
                [(v, _NA("before 0.12 nothing counts finished jobs (workers only add job_words to word_count[0]); "
                         "job_no counts pushed jobs, another value", "train")) for v in (0, 1)] +
                [(v, ("after", "done_jobs += 1", dict(_TRAIN, renames={"job_tally": "done_jobs"}, note=
                      "done_jobs counts received progress reports, the counter 0.12.4 renamed job_tally; "
                      "it is incremented after the word counts here, the probe follows it")))
                 for v in (2, 3)] +
                [(v, ("after", "job_tally += 1")) for v in range(4, 10)]),
        },
    },
}
