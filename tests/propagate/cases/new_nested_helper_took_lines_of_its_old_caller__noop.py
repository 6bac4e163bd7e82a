# case: The same site already placed: nothing to do.
# === new
import flor


class Model:
    def eval(self, tasks, checkpoint_steps, sequence_length, split, batch_size):
        def _predict_from_tasks(tasks, checkpoint_step):
            if checkpoint_step != self._step:
                self.load_checkpoint(checkpoint_step)
            self._model.eval()
            flor.log("eval_step", self._step)
            outputs = []
            for task in tasks:
                ds = get_dataset(task.name, sequence_length, split, batch_size)
                for batch in ds:
                    predicted_tokens = self._model.generate(input_ids=self.to_tensor(batch["inputs"]))
                    predicted_tokens = predicted_tokens.cpu().numpy().tolist()
                    outputs.extend(predicted_tokens)
            return outputs

        for step in checkpoint_steps:
            run_eval(tasks, _predict_from_tasks, step)
# === old
import flor
class Model:
    def eval(self, tasks, checkpoint_steps, sequence_length, split, batch_size):
        cached_examples, cached_targets = {}, {}
        for task in tasks:
            ds = get_dataset(task.name, sequence_length, split, batch_size)
            batches = list(ds)
            cached_targets[task.name] = [task.postprocess(ex["targets"]) for ex in task.examples(split)]
            cached_examples[task.name] = batches

        def _eval_current_model():
            self._model.eval()
            flor.log("eval_step", self._step)
            for task in tasks:
                ds = cached_examples[task.name]
                targets = cached_targets[task.name]
                predictions = []
                for batch in ds:
                    predicted_tokens = self._model.generate(input_ids=self.to_tensor(batch["inputs"]))
                    predicted_tokens = predicted_tokens.cpu().numpy().tolist()
                    predictions.extend(predicted_tokens)
                scores = task.metric(targets, predictions)
                self.write_scores(task.name, scores)
                self.write_predictions(task.name, predictions)
                for metric_name, metric_value in scores.items():
                    tag = f"eval/{task.name}/{metric_name}"
                    self.writer.add_scalar(tag, metric_value, self._step)
                    logging.info("%s at step %d: %.3f", tag, self._step, metric_value)
                self.writer.flush()
            elapsed = time.time() - self._eval_start
            logging.info("evaluated %d tasks in %.1fs", len(tasks), elapsed)
            self._eval_count += 1
            self._last_eval_step = self._step

        for step in checkpoint_steps:
            self.load_checkpoint(step)
            _eval_current_model()
# === expected
<unchanged>
# === diagnostics
present eval_step
