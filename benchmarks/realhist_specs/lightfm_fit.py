# lightfm lightfm/lightfm.py (LightFM.fit_partial + LightFM._run_epoch), PyPI 1.3 .. 1.17 (v00 .. v10).
# Round 24, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "lightfm_fit" / "versions.json").read_text())
OLDER = range(10)
_FP = {"within": "def fit_partial"}
_RE = {"within": "def _run_epoch"}
CASE = {
    "name": "lightfm_fit",
    "title": "LightFM.fit_partial/_run_epoch across 1.3 .. 1.17 (cython dtype casts, sample weights, "
             "np.random -> self.rng -> self.random_state, FastLightFM(...) -> _get_lightfm_data(), "
             "positives lookup hoisted out of the fit_* calls under `if loss in (...)`, _check_finite, "
             "input finiteness loop, `for epoch in range(epochs): if verbose: print` -> `for _ in self._progress(...)`, "
             "num_threads check)",
    "stories": _V,
    "probes": {
        "sample_weight_sum": {
            "text": 'flor.log("sample_weight_sum", float(sample_weight_data.sum()))',
            "intent": "total interaction weight fed to training, right after the sample weights are processed",
            "newest": ("after", "sample_weight_data = self._process_sample_weight("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.9 fit_partial takes no sample_weight and builds no sample_weight_data",
                      {"scope": "fit_partial"})) for v in range(3)] +
                [(v, ("after", "sample_weight_data = self._process_sample_weight(")) for v in range(3, 10)]),
        },
        "n_user_features": {
            "text": 'flor.log("n_user_features", user_features.shape[1])',
            "intent": "width of the user feature matrix once the inputs are prepared and checked, before initialisation",
            "newest": ("after", "for input_data in (", _FP),
            "versions": dict(
                [(0, ("after", "(user_features,", dict(_FP, note=
                      "no input finiteness loop before 1.14: right after _construct_feature_matrices, "
                      "which is also right before `if self.item_embeddings is None:`")))] +
                [(v, ("before", "if self.item_embeddings is None:", {
                    "alt": [("after", "(user_features,", _FP)],
                    "note": "no input finiteness loop before 1.14; the statements between _construct_feature_matrices "
                            "and the initialisation (_to_cython_dtype casts, the dead `sample_weight = ...`) have no "
                            "counterpart in the newest version, so right before `if self.item_embeddings is None:` "
                            "or right after _construct_feature_matrices"})) for v in range(1, 7)] +
                [(v, ("after", "for input_data in (", _FP)) for v in range(7, 10)]),
        },
        "num_threads": {
            "text": 'flor.log("num_threads", num_threads)',
            "intent": "thread count, after the argument checks and before the epoch loop",
            "newest": ("after", "if num_threads < 1:", _FP),
            "versions": dict(
                [(v, ("after", "if not user_features.shape[1] == self.user_embeddings.shape[0]:", dict(_FP, note=
                      "no `num_threads < 1` check before 1.16: after the previous check (the whole if), "
                      "right before the epoch loop"))) for v in range(9)] +
                [(9, ("after", "if num_threads < 1:", _FP))]),
        },
        "item_bias_mean": {
            "text": 'flor.log("item_bias_mean", float(self.item_biases.mean()))',
            "intent": "mean item bias at the start of every epoch",
            "newest": ("first_in", "for _ in self._progress(epochs, verbose=verbose):"),
            "versions": dict(
                [(v, ("first_in", "for epoch in range(epochs):", {
                    "alt": [("after", "if verbose:", _FP)],
                    "note": "before 1.16 the progress report is an `if verbose: print(...)` at the top of the "
                            "body (in the newest version it is in the loop header): before or after it"}))
                 for v in range(9)] +
                [(9, ("first_in", "for _ in self._progress(epochs, verbose=verbose):"))]),
        },
        "item_emb_norm": {
            "text": 'flor.log("item_emb_norm", float(np.linalg.norm(self.item_embeddings)))',
            "intent": "norm of the item embeddings after every epoch, once they are checked finite",
            "newest": ("after", "self._check_finite()"),
            "versions": dict(
                [(v, ("after", "self._run_epoch(", {
                    "note": "no _check_finite before 1.12: after the epoch's _run_epoch call, last in the loop"}))
                 for v in range(5)] +
                [(v, ("after", "self._check_finite()")) for v in range(5, 10)]),
        },
        "user_emb_norm": {
            "text": 'flor.log("user_emb_norm", float(np.linalg.norm(self.user_embeddings)))',
            "intent": "norm of the user embeddings once all epochs of this call are done",
            "newest": ("after", "for _ in self._progress(epochs, verbose=verbose):"),
            "versions": dict(
                [(v, ("after", "for epoch in range(epochs):", {
                    "note": "the epoch loop is `for epoch in range(epochs):` before 1.16: after the whole loop"}))
                 for v in range(9)] +
                [(9, ("after", "for _ in self._progress(epochs, verbose=verbose):"))]),
        },
        "lookup_nnz": {
            "text": 'flor.log("lookup_nnz", interactions.nnz)',
            "intent": "interaction count right after the positives lookup is built for the pairwise losses "
                      "(the CSR conversion may change the COO arrays)",
            "newest": ("after", "positives_lookup = CSRMatrix("),
            "versions": dict(
                [(v, ("before", "shuffle_indices = np.arange(", {
                    "note": "before 1.10 the positives lookup is built inline in every fit_* call and there is no "
                            "`if loss in (...)` block: unconditional equivalent at the same point, the start of "
                            "_run_epoch before the shuffle indices"})) for v in range(4)] +
                [(v, ("after", "positives_lookup = CSRMatrix(")) for v in range(4, 10)]),
        },
        "rng_pos": {
            "text": 'flor.log("rng_pos", int(self.random_state.get_state()[2]))',
            "intent": "position of the model's random generator right after the epoch's shuffle",
            "newest": ("after", "self.random_state.shuffle(shuffle_indices)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 1.9 the shuffle uses the global np.random and the model has no generator of its own "
                      "(np.random.get_state() would be a substitute, not a rename)", {"scope": "_run_epoch"}))
                 for v in range(3)] +
                [(3, ("after", "self.rng.shuffle(shuffle_indices)", {
                    "renames": {"self.random_state": "self.rng"},
                    "note": "1.9 keeps the model's RandomState in self.rng"}))] +
                [(v, ("after", "self.random_state.shuffle(shuffle_indices)")) for v in range(4, 10)]),
        },
        "item_grad_accum": {
            "text": 'flor.log("item_grad_accum", float(np.sum(self.item_embedding_gradients)))',
            "intent": "accumulated (adagrad/adadelta) item gradient state at the start of the epoch's estimation, "
                      "once the model data is packed",
            "newest": ("after", "lightfm_data = self._get_lightfm_data()", _RE),
            "versions": dict(
                [(v, ("after", "lightfm_data = FastLightFM(", dict(_RE, note=
                      "before 1.9 the model data is packed inline with FastLightFM(...): same statement")))
                 for v in range(3)] +
                [(v, ("after", "lightfm_data = self._get_lightfm_data()", _RE)) for v in range(3, 10)]),
        },
        "max_sampled": {
            "text": 'flor.log("max_sampled", self.max_sampled)',
            "intent": "WARP negative-sampling cap, right before each WARP epoch",
            "newest": ("first_in", "if loss =="),
            "versions": dict(
                [(v, ("na", "missing_dependency", "max_sampled is a constructor argument only from 1.9",
                      {"scope": "_run_epoch"})) for v in range(3)] +
                [(v, ("first_in", "if loss ==")) for v in range(3, 10)]),
        },
    },
}
