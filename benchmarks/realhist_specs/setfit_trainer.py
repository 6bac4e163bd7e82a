# setfit src/setfit/trainer.py: SetFitTrainer.train (0.x: builds the contrastive pairs / triplet examples, the
# loss and the DataLoader, fine-tunes the SentenceTransformer body with model_body.fit, then fits the head) ->
# Trainer.train dispatching to train_embeddings / get_dataloader / _train_sentence_transformer (own training loop)
# and train_classifier (1.0) -> train_embeddings handing a HF Dataset to a SentenceTransformerTrainer subclass
# (1.1), plus evaluate and the hyperparameter-search setup; PyPI 0.0.2, 0.1.0, 0.2.0, 0.3.0, 0.4.0, 0.5.0, 0.7.0,
# 1.0.3, 1.1.0, 1.2.0 (v00 .. v09).
# Round 32, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "setfit_trainer" / "versions.json").read_text())
OLDER = range(9)
# v00 0.0.2: SetFitTrainer.train: x_train/y_train from self.train_dataset, triplet-loss branch / pair-generation
#            branch (sentence_pairs_generation), print, warmup_steps, model_body.fit, self.model.fit(x, y);
#            evaluate returns metric_fn.compute(...)
# v01 0.1.0: column mapping, logger.info("***** Running training *****") block
# v02 0.2.0: optuna hyperparameter search (_hp_search_setup sets attributes in a loop), model_init,
#            multilabel pair generation, train_dataset / eval_dataset locals
# v03 0.3.0: `if trial:` + apply_hyperparameters, _hp_search_setup logs "Trial: {params}"
# v04 0.4.0: train(num_epochs, batch_size, learning_rate, body_learning_rate, l2_weight, trial) overrides,
#            differentiable head with _freeze: the embedding phase under `if not is_differentiable_head or
#            self._freeze:`, the head phase under `if not is_differentiable_head or not self._freeze:`;
#            warmup_proportion, use_amp, distance_metric / margin; evaluate with callable metrics
# v05 0.5.0: max_length, show_progress_bar, default CosineSimilarityLoss, samples_per_label
# v06 0.7.0: unconditional set_seed, model.has_differentiable_head, total_train_steps, trange, metric_kwargs
# v07 1.0.3: TrainingArguments, Trainer(ColumnMappingMixin) with callbacks; train -> train_embeddings (get_dataloader
#            returns dataloader, loss_func, batch_size, num_unique_pairs; eval dataloader; own loop in
#            _train_sentence_transformer) + train_classifier; evaluate(dataset) binds `results`
# v08 1.1.0: BCSentenceTransformersTrainer (sentence-transformers v3 trainer): get_dataset returns a HF Dataset and
#            the loss, train_embeddings configures self.st_trainer and calls .train()
# v09 1.2.0: transformers-v5 compatibility, list(...) of the dataset columns, @torch.no_grad() evaluate
_HP = {"within": "def _hp_search_setup("}
_NO_EVAL = ("before 1.0 the embedding phase never evaluates (no eval pairs, no max_steps): eval_max_pairs does not "
            "exist")
_PAIRS_NOTE = {
    0: {"note": "before 1.0 the examples are built inline by the if/else over the loss class (triplet examples or "
                "generated pairs, both into train_examples, which 0.1.0 .. 0.7.0 log as 'Num examples'): after the "
                "whole if/else"},
    2: {"note": "from 0.2.0 train() also binds a local `train_dataset`, but it is the raw input dataset (after column "
                "mapping), not the pairs: the pairs are still train_examples"},
    4: {"note": "from 0.4.0 the embedding phase runs under `if not is_differentiable_head or self._freeze:`; the "
                "pairs exist only there, so the probe goes inside it, after the loss-class if/else"},
}
CASE = {
    "name": "setfit_trainer",
    "title": "setfit trainer across 0.0.2 .. 1.2.0: inline SetFitTrainer.train (pairs, loss, model_body.fit, head "
             "fit) -> TrainingArguments + train_embeddings / get_dataloader / own training loop + train_classifier "
             "-> SentenceTransformerTrainer subclass; differentiable-head freeze branches, hyperparameter search",
    "stories": _V,
    "probes": {
        "n_train": {
            "text": 'flor.log("n_train", len(train_parameters[0]))',
            "intent": "number of training sentences the trainer trains on",
            "newest": ("after", "train_parameters = self.dataset_to_parameters(self.train_dataset)"),
            "versions": dict(
                [(v, ("after", 'y_train = self.train_dataset["label"]', {
                    "renames": {"train_parameters[0]": "x_train"},
                    "note": "before 1.0 train() reads the sentences into x_train (train_parameters[0] in 1.x) "
                            "and the labels into y_train: right after both are read, before the loss-class check"}
                      if v == 0 else {"renames": {"train_parameters[0]": "x_train"}})) for v in (0, 1)] +
                [(v, ("after", 'y_train = train_dataset["label"]', {"renames": {"train_parameters[0]": "x_train"}}))
                 for v in range(2, 7)] +
                [(v, ("after", "train_parameters = self.dataset_to_parameters(self.train_dataset)"))
                 for v in (7, 8)]),
        },
        "n_unique_pairs": {
            "text": 'flor.log("n_unique_pairs", len(train_dataset))',
            "intent": "number of training pairs (or triplet-loss examples) the embedding phase trains on, once they "
                      "are built",
            "newest": ("after", "train_dataset, loss = self.get_dataset("),
            "versions": dict(
                [(v, ("after", "if self.loss_class in [", dict({"renames": {"train_dataset": "train_examples"}},
                                                                 **_PAIRS_NOTE.get(v, {}))))
                 for v in range(0, 7)] +
                [(7, ("after", "train_dataloader, loss_func, batch_size, num_unique_pairs = self.get_dataloader(", {
                    "renames": {"len(train_dataset)": "num_unique_pairs"},
                    "note": "1.0.3 gets the pair count from get_dataloader (len(data_sampler)) as num_unique_pairs"}))] +
                [(8, ("after", "train_dataset, loss = self.get_dataset("))]),
        },
        "pair_loss": {
            "text": 'flor.log("pair_loss", type(loss).__name__)',
            "intent": "class of the pair loss built for contrastive (non-triplet) training",
            "newest": ("after", "loss = args.loss(self.model.model_body)"),
            "versions": dict(
                [(v, ("after", "train_loss = self.loss_class(self.model.model_body)", {
                    "renames": {"loss": "train_loss"},
                    "note": "before 1.0 the pair loss is train_loss = self.loss_class(self.model.model_body) in the "
                            "else branch (pair generation) of the loss-class if/else in train()"}
                      if v == 0 else {"renames": {"loss": "train_loss"}})) for v in range(0, 7)] +
                [(7, ("after", "loss = args.loss(self.model.model_body)", {
                    "note": "1.0.3: in the else branch of get_dataloader"}))] +
                [(8, ("after", "loss = args.loss(self.model.model_body)"))]),
        },
        "eval_max_pairs": {
            "text": 'flor.log("eval_max_pairs", eval_max_pairs)',
            "intent": "cap on the number of evaluation pairs of the embedding phase, when it evaluates",
            "newest": ("after", "eval_max_pairs = -1 if"),
            "versions": dict(
                [(v, ("na", "missing_dependency", _NO_EVAL, {"scope": "SetFitTrainer.train"})) for v in range(0, 7)] +
                [(7, ("after", "eval_max_pairs = -1 if", {
                    "note": "1.0.3's condition reads args.evaluation_strategy (eval_strategy later): same branch"}))] +
                [(8, ("after", "eval_max_pairs = -1 if"))]),
        },
        "embedding_epochs": {
            "text": 'flor.log("embedding_epochs", args.embedding_num_epochs)',
            "intent": "number of epochs the SentenceTransformer body is fine-tuned for, right before that training "
                      "starts",
            "newest": ("before", "self.st_trainer.train()"),
            "versions": dict(
                [(v, ("before", "self.model.model_body.fit(", {
                    "renames": {"args.embedding_num_epochs": "self.num_epochs" if v < 4 else "num_epochs"},
                    "alt": [("before", "warmup_steps = math.ceil(", {
                        "renames": {"args.embedding_num_epochs": "self.num_epochs" if v < 4 else "num_epochs"}})],
                    "note": "right before the body is fine-tuned (model_body.fit, epochs=%s); the warmup_steps "
                            "computation that precedes it has no counterpart in the newest version (the ST trainer "
                            "derives warmup itself): either side of it" % (
                                "self.num_epochs" if v < 4 else "num_epochs, the train() override or self.num_epochs")
                            + ("; from 0.4.0 inside `if not is_differentiable_head or self._freeze:`" if v == 4 else
                               "")}))
                 for v in range(0, 7)] +
                [(7, ("before", "self._train_sentence_transformer(", {
                    "alt": [("before", "warmup_steps = math.ceil(")],
                    "note": "1.0.3 runs its own loop in _train_sentence_transformer: right before the call; "
                            "warmup_steps has no counterpart in the newest version: either side of it"}))] +
                [(8, ("before", "self.st_trainer.train()"))]),
        },
        "head_lr": {
            "text": 'flor.log("head_lr", args.head_learning_rate)',
            "intent": "learning rate of the classification head, right before the head is fit",
            "newest": ("before", "self.model.fit("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.4.0 the head is a scikit-learn estimator fit with self.model.fit(x_train, y_train): "
                      "the trainer has no head learning rate (self.learning_rate is the body's contrastive "
                      "learning rate, a different value)", {"scope": "SetFitTrainer.train"})) for v in range(0, 4)] +
                [(v, ("first_in", "if not is_differentiable_head or not self._freeze:" if v < 6 else
                      "if not self.model.has_differentiable_head or not self._freeze:", {
                          "renames": {"args.head_learning_rate": "learning_rate"},
                          "alt": [("before", "if not is_differentiable_head or not self._freeze:" if v < 6 else
                                   "if not self.model.has_differentiable_head or not self._freeze:",
                                   {"renames": {"args.head_learning_rate": "learning_rate"}})],
                          "note": "0.4.0 .. 0.7.0 pass learning_rate (the train() override or self.learning_rate) "
                                  "as the head's learning_rate to self.model.fit; the head phase runs under "
                                  "`if not ... or not self._freeze:`, a condition the newest version does not have "
                                  "(train_classifier always fits the head): right before the fit inside the if, or "
                                  "before the if, are both accepted"})) for v in range(4, 7)] +
                [(v, ("before", "self.model.fit(")) for v in (7, 8)]),
        },
        "n_eval": {
            "text": 'flor.log("n_eval", len(x_test))',
            "intent": "number of evaluation sentences, once they are read",
            "newest": ("after", 'y_test = list(eval_dataset["label"])'),
            "versions": dict(
                [(v, ("after", 'y_test = self.eval_dataset["label"]')) for v in (0, 1)] +
                [(v, ("after", 'y_test = eval_dataset["label"]', {
                    "note": "without list(...) before 1.2.0; the later `y_test = encoder.transform(y_test)` "
                            "(1.0) is a different statement"} if v == 7 else {})) for v in range(2, 9)]),
        },
        "eval_results": {
            "text": 'flor.log("eval_results", results)',
            "intent": "evaluation metrics (as a dict) before they are recorded on the model card and returned",
            "newest": ("after", "if not isinstance(results, dict):"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.0 evaluate returns metric_fn.compute(...) / self.metric(...) directly: no results "
                      "variable holds the metrics", {"scope": "SetFitTrainer.evaluate"})) for v in range(0, 7)] +
                [(v, ("after", "if not isinstance(results, dict):")) for v in (7, 8)]),
        },
        "trial_params": {
            "text": 'flor.log("trial_params", params)',
            "intent": "hyperparameters of the current search trial, before they are applied",
            "newest": ("after", 'logger.info(f"Trial: {params}")'),
            "versions": dict(
                [(v, ("na", "missing_dependency", "no hyperparameter search before 0.2.0 (no trial, no params)",
                      {"scope": "SetFitTrainer"})) for v in (0, 1)] +
                [(2, ("before", "for key, value in params.items():", dict(_HP, alt=[
                    ("after", "if self.hp_search_backend == HPSearchBackend.OPTUNA:", dict(_HP, n=2, of=2))],
                    note="0.2.0 binds params under `if ... OPTUNA:`, applies them with a setattr loop and only then "
                         "logs the trial (under a second `if ... OPTUNA:`): right before the loop that applies "
                         "them (the newest next sibling is apply_hyperparameters), or after the trial log (the "
                         "newest previous sibling); params is the same at both")))] +
                [(v, ("after", 'logger.info(f"Trial: {params}")')) for v in range(3, 9)]),
        },
    },
}
