# deepecho deepecho/models/par.py (PARModel.__init__ + fit_sequences + _compute_loss), PyPI 0.1.3 .. 0.8.1 (v00 .. v07).
# Round 29, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "deepecho_par" / "versions.json").read_text())
OLDER = range(7)
_OLD = range(4)          # v00-v03 (0.1.3 .. 0.4.x): iterator = range(...) wrapped in tqdm under `if self.verbose:`, no loss_values
_NEW = range(4, 7)       # v04-v06 (0.5.0 .. 0.8.0): tqdm(disable=...), pbar_description, loss_values DataFrame
_PBAR = {"n": 1, "of": 2}                      # the first `if self.verbose:` of the file (progress-bar setup)
_LOOP = {"within": "for epoch in iterator"}   # the `if self.verbose:` inside the epoch loop
_SETDESC = {
    0: "iterator.set_description('Epoch {} | Loss {}'.format(epoch + 1, loss.item()))",
    1: "iterator.set_description('Epoch {} | Loss {}'.format(epoch + 1, loss.item()))",
    2: "iterator.set_description('Epoch {} | Loss {}'.format(epoch + 1, loss.item()))",
    3: "iterator.set_description(f'Epoch {epoch +1} | Loss {loss.item()}')",
    4: "iterator.set_description(pbar_description.format(loss=loss.item()))",
    5: "iterator.set_description(pbar_description.format(loss=loss.item()))",
    6: "iterator.set_description(pbar_description.format(loss=loss.item()))",
}
CASE = {
    "name": "deepecho_par",
    "title": "deepecho PARModel across 0.1.3 .. 0.8.1 (print -> LOGGER, optional tqdm -> tqdm(disable=...), "
             "pbar_description, per-epoch loss_values DataFrame, _format_score, input_size -> _input_size)",
    "stories": _V,
    "probes": {
        "epochs": {
            "text": 'flor.log("epochs", self.epochs)',
            "intent": "configured number of epochs, at the end of the attribute setup in __init__",
            "newest": ("after", "self.loss_values = pd.DataFrame(columns=['Epoch', 'Loss'])",
                       {"within": "def __init__"}),
            "versions": dict(
                [(v, ("after", "self.verbose = verbose", {
                    "note": "before 0.5.0 __init__ has no `self.loss_values = ...`: the place keeps its position "
                            "between the last attribute assignment (`self.verbose = verbose`) and LOGGER.info"}))
                 for v in _OLD] +
                [(v, ("after", "self.loss_values = pd.DataFrame(columns=['Epoch', 'Loss'])",
                      {"within": "def __init__"})) for v in _NEW]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate of the Adam optimizer right after it is built",
            "newest": ("after", "optimizer = torch.optim.Adam("),
            "versions": {v: ("after", "optimizer = torch.optim.Adam(") for v in OLDER},
        },
        "pbar_format": {
            "text": 'flor.log("pbar_format", pbar_description)',
            "intent": "the progress-bar description template, when verbose",
            "newest": ("after", "pbar_description = "),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.5.0 there is no pbar_description: the description is formatted inline in the loop",
                      {"scope": "fit_sequences"})) for v in _OLD] +
                [(v, ("after", "pbar_description = ", {
                    "note": "template is 'Loss ({loss:.3f})' before 0.8.1; same variable, no rename"}))
                 for v in _NEW]),
        },
        "n_epochs": {
            "text": 'flor.log("n_epochs", len(iterator))',
            "intent": "length of the epoch iterator once the progress bar has been set up (after the whole verbose block)",
            "newest": ("after", "if self.verbose:", _PBAR),
            "versions": dict(
                [(v, ("after", "if self.verbose:", dict(_PBAR, note=(
                    "before 0.5.0 `iterator = range(self.epochs)` is wrapped in tqdm inside `if self.verbose:`: "
                    "that block is the progress-bar setup, the probe goes after the whole block (unconditional), "
                    "before X_padded/pad_packed_sequence")))) for v in _OLD] +
                [(v, ("after", "if self.verbose:", _PBAR)) for v in _NEW]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "training loss of each epoch, right after the backward pass",
            "newest": ("after", "loss.backward()"),
            "versions": {v: ("after", "loss.backward()") for v in OLDER},
        },
        "epoch": {
            "text": 'flor.log("epoch", epoch)',
            "intent": "epoch counter, after the per-epoch loss has been recorded in loss_values (the whole if/else)",
            "newest": ("after", "if not self.loss_values.empty:"),
            "versions": dict(
                [(v, ("after", "loss.backward()", {
                    "note": "before 0.5.0 there is no loss_values bookkeeping (epoch_loss_df + if/else): the place "
                            "keeps its position between loss.backward() and the verbose set_description block"}))
                 for v in _OLD] +
                [(v, ("after", "if not self.loss_values.empty:", {
                    "note": "after the whole if/else, not inside either branch"})) for v in _NEW]),
        },
        "pbar_desc": {
            "text": 'flor.log("pbar_desc", iterator.desc)',
            "intent": "the progress bar's description right after it is updated in the epoch loop (verbose only)",
            "newest": ("after", "iterator.set_description(pbar_description.format(loss=_format_score(loss.item())))"),
            "versions": {v: ("after", _SETDESC[v], {
                "note": "set_description's argument changed ('Epoch {} | Loss {}'.format -> f-string -> "
                        "pbar_description.format -> _format_score); same statement, inside the in-loop "
                        "`if self.verbose:`"}) for v in OLDER},
        },
        "final_loss": {
            "text": 'flor.log("final_loss", loss.item())',
            "intent": "loss of the last epoch, after the training loop",
            "newest": ("after", "for epoch in iterator:"),
            "versions": {v: ("after", "for epoch in iterator:") for v in OLDER},
        },
        "input_size": {
            "text": 'flor.log("input_size", _input_size)',
            "intent": "feature width of the padded input seen by the loss",
            "newest": ("after", "_, batch_size, _input_size = X_padded.shape"),
            "versions": dict(
                [(v, ("after", "_, batch_size, input_size = X_padded.shape", {
                    "renames": {"_input_size": "input_size"},
                    "note": "0.6.0 prefixed the unused unpacked name with an underscore (input_size -> _input_size)"}))
                 for v in range(5)] +
                [(5, ("after", "_, batch_size, _input_size = X_padded.shape")),
                 (6, ("after", "_, batch_size, _input_size = X_padded.shape"))]),
        },
    },
}
