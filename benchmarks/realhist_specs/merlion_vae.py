# salesforce-merlion merlion/models/anomaly/vae.py (VAE._train + VAE._get_anomaly_score / _detect), PyPI 1.0.0 .. 2.0.4 (v00 .. v05).
# Round 20, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "merlion_vae" / "versions.json").read_text())
ALL = range(5)
_NP = (0, 1)        # v00-v01 (1.0.0, 1.1.1): _train(self, X); the DataLoader is called `train_data`
_DF = (2, 3)        # v02-v03 (1.2.0, 1.3.1): _train(self, train_data: pd.DataFrame); DataLoader `loader`
_RW = (4,)          # v04 (2.0.0): RollingWindowDataset `loader`, batches unpacked as (batch, _, _, _)
_TRAIN = {"within": "def _train("}
_NEWEST_EVAL = {"within": "def _get_anomaly_score("}
_DETECT = {"within": "def _detect("}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "merlion_vae",
    "title": "Merlion VAE anomaly detector training loop and scoring across 1.0.0 .. 2.0.4 (_train(X) with a "
             "DataLoader named train_data -> _train(train_data: DataFrame) with the DataLoader renamed loader "
             "(1.2.0) -> RollingWindowDataset with (batch, _, _, _) tuples, no flatten, and a batched scoring loop "
             "in _get_anomaly_score replacing _detect (2.0.0))",
    "stories": _V,
    "probes": {
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in self.model.parameters()))',
            "intent": "number of model parameters, right after the model is built in _train",
            "newest": ("after", "self.model = self._build_model(train_data.shape[1]).to(self.device)"),
            "versions": dict(
                [(v, ("after", "self.model = self._build_model(X.shape[1]).to(self.device)", {
                    "note": "the input array is the parameter X before 1.2.0 (same statement)"})) for v in _NP] +
                [(v, ("after", "self.model = self._build_model(train_data.shape[1]).to(self.device)"))
                 for v in (2, 3, 4)]),
        },
        "n_batches": {
            "text": 'flor.log("n_batches", len(loader))',
            "intent": "number of training batches per epoch, right after the training data loader is built",
            "newest": ("after", "loader = RollingWindowDataset(", _TRAIN),
            "versions": dict(
                [(v, ("after", "train_data = DataLoader(", {
                    "renames": {"loader": "train_data"},
                    "note": "before 1.2.0 the training DataLoader is named `train_data` (renamed `loader` in 1.2.0, "
                            "when `train_data` became the input DataFrame): rename loader -> train_data"}))
                 for v in _NP] +
                [(v, ("after", "loader = DataLoader(")) for v in _DF] +
                [(v, ("after", "loader = RollingWindowDataset(", _TRAIN)) for v in _RW]),
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch index at the start of every epoch, after the loss accumulator is reset",
            "newest": ("after", "total_loss = 0"),
            "versions": {v: ("after", "total_loss = 0") for v in ALL},
        },
        "batch_len": {
            "text": 'flor.log("batch_len", len(batch))',
            "intent": "number of windows in each training batch, first thing in the batch loop",
            "newest": ("first_in", "for i, (batch, _, _, _) in enumerate(loader):"),
            "versions": dict(
                [(v, ("first_in", "for i, batch in enumerate(train_data):", {
                    "note": "the loop iterates the DataLoader `train_data` and yields the batch tensor directly"}))
                 for v in _NP] +
                [(v, ("first_in", "for i, batch in enumerate(loader):")) for v in _DF] +
                [(v, ("first_in", "for i, (batch, _, _, _) in enumerate(loader):")) for v in _RW]),
        },
        "x_shape": {
            "text": 'flor.log("x_shape", tuple(x.shape))',
            "intent": "shape of the flattened model input on the device, once it is ready for the forward",
            "newest": ("after", "x = torch.tensor(batch, dtype=torch.float, device=self.device)"),
            "versions": dict(
                [(v, ("after", "x = torch.flatten(x, start_dim=1)", {
                    "note": "before 2.0.0 the input is built in two statements, `x = batch.to(self.device)` then "
                            "`x = torch.flatten(x, start_dim=1)`; the newest `x = torch.tensor(...)` already gives the "
                            "flattened input (RollingWindowDataset(flatten=True)), so the image of the previous "
                            "sibling is the pair and the probe goes after the flatten (after the first one x has "
                            "another shape)"}))
                 for v in _NP + _DF] +
                [(v, ("after", "x = torch.tensor(batch, dtype=torch.float, device=self.device)")) for v in _RW]),
        },
        "kld_loss": {
            "text": 'flor.log("kld_loss", kld_loss.item())',
            "intent": "KL term of every training batch, right after it is computed",
            "newest": ("after", "kld_loss = -0.5 * torch.mean("),
            "versions": {v: ("after", "kld_loss = -0.5 * torch.mean(") for v in ALL},
        },
        "avg_loss": {
            "text": 'flor.log("avg_loss", total_loss.item() / len(train_data))',
            "intent": "summed training loss of the epoch divided by the number of rows of the training input, "
                      "at the end of every epoch after the (optional) progress-bar print",
            "newest": ("after", "if bar is not None:"),
            "versions": dict(
                [(v, ("after", "if bar is not None:", {
                    "renames": {"train_data": "X"},
                    "note": "the newest `train_data` is the _train input (the DataFrame); before 1.2.0 that input is "
                            "the parameter `X`, while the name `train_data` is bound to the DataLoader (the bar "
                            "print of these versions divides by the number of batches). Rename train_data -> X; "
                            "keeping `train_data` would log a different quantity. After the whole `if bar`, "
                            "not inside it"}))
                 for v in _NP] +
                [(v, ("after", "if bar is not None:", {
                    "note": "train_data is the DataFrame's .values array here (same length)"} if v in _DF else {}))
                 for v in _DF + _RW]),
        },
        "recon_mean": {
            "text": 'flor.log("recon_mean", float(r.mean()))',
            "intent": "mean reconstruction (averaged over the latent samples) of every scored chunk of windows",
            "newest": ("after", "r /= self.num_eval_samples"),
            "versions": dict(
                [(v, ("after", "r /= self.num_eval_samples", _w(_DETECT, note=
                    "before 2.0.0 scoring is done by _detect(X), which batch_detect calls once per chunk of the "
                    "series; it averages the samples into `r` with the same statement, at function level (no "
                    "batch loop inside _detect): after it")))
                 for v in _NP + _DF] +
                [(v, ("after", "r /= self.num_eval_samples")) for v in _RW]),
        },
        "eval_batches": {
            "text": 'flor.log("eval_batches", len(ys))',
            "intent": "number of scoring batches processed so far in _get_anomaly_score",
            "newest": ("after", "ys.append(y)"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 2.0.0 _detect scores one chunk at once and collects no list of batches; `ys` is "
                      "not bound anywhere (counting batch_detect's chunks would be a substitute, not a rename)",
                      {"scope": "_detect"})) for v in _NP + _DF] +
                [(v, ("after", "ys.append(y)")) for v in _RW]),
        },
        "test_score_mean": {
            "text": 'flor.log("test_score_mean", float(test_scores.mean()))',
            "intent": "mean anomaly score of the windows just scored, right after the scores are computed",
            "newest": ("after", "test_scores = np.sum(np.abs(np.concatenate(rs) - np.concatenate(ys)), axis=1)"),
            "versions": dict(
                [(v, ("after", "test_scores = np.sum(np.abs(r - y.cpu().data.numpy()), axis=1)", _w(_DETECT, note=
                    "the same statement in _detect before 2.0.0, computed per chunk from `r` and `y` instead of the "
                    "concatenated batches")))
                 for v in _NP + _DF] +
                [(v, ("after", "test_scores = np.sum(np.abs(np.concatenate(rs) - np.concatenate(ys)), axis=1)"))
                 for v in _RW]),
        },
    },
}
