# implicit implicit/cpu/als.py, older implicit/als.py (AlternatingLeastSquares.fit), PyPI 0.2.4 .. 0.7.2 (v00 .. v08).
# Round 24, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "implicit_als" / "versions.json").read_text())
OLDER = range(8)
_FIT = {"within": "def fit("}          # v01-v04 also have _fit_gpu with the same loop shape
_NOBAR = (0, 1)                        # 0.2.x: no tqdm progress bar, bare `for iteration` loop
_HALF = (2, 3)                         # 0.3.x: two progress.update(.5), one after each half-step


def _w(**kw):
    return dict(_FIT, **kw)


CASE = {
    "name": "implicit_als",
    "title": "implicit AlternatingLeastSquares.fit across 0.2.4 .. 0.7.2 (one-line tocsr/transpose -> "
             "CSR conversion + timed transpose, fit_callback, use_gpu early return, bare loop -> "
             "tqdm.tqdm(self.show_progress) -> tqdm(show_progress) with two update(.5) -> update(1), "
             "log.debug loss -> progress.set_postfix, black reformat, item_users -> user_items (Ciu/Cui "
             "roles swapped), loss=None + callback(.., loss), callback argument, alpha scaling)",
    "stories": _V,
    "probes": {
        "iteration": {
            "text": 'flor.log("iteration", iteration)',
            "intent": "ALS iteration counter at the start of every iteration",
            "newest": ("first_in", "for iteration in range(self.iterations):", _FIT),
            "versions": {v: ("first_in", "for iteration in range(self.iterations):", _FIT) for v in OLDER},
        },
        "user_factors_norm": {
            "text": 'flor.log("user_factors_norm", float(np.linalg.norm(self.user_factors)))',
            "intent": "norm of the user factors right after the user half-step (first solver call)",
            "newest": ("after", "solver(", _w(n=1, of=2)),
            "versions": {v: ("after", "solver(", _w(n=1, of=2, **({
                "alt": [("after", "progress.update(.5)", _w(n=1, of=2))],
                "note": "0.3.x advances the bar by .5 right after the user solve; that statement has no "
                        "counterpart in the newest version (update(1) follows the item solve), so either "
                        "side of it is accepted"} if v in _HALF else {}))) for v in OLDER},
        },
        "progress_n": {
            "text": 'flor.log("progress_n", progress.n)',
            "intent": "progress-bar position after both half-steps of an iteration",
            "newest": ("after", "progress.update(1)", _FIT),
            "versions": dict(
                [(v, ("na", "missing_dependency", "0.2.x has no tqdm progress bar; `progress` is not bound",
                      {"scope": "fit"})) for v in _NOBAR] +
                [(v, ("after", "progress.update(.5)", _w(n=2, of=2, note=
                      "0.3.x advances the bar twice by .5; the second update (after the item solve) is the "
                      "image of update(1): only there is the bar at a whole iteration"))) for v in _HALF] +
                [(v, ("after", "progress.update(1)", _FIT)) for v in range(4, 8)]),
        },
        "loss": {
            "text": 'flor.log("loss", loss)',
            "intent": "training loss of every iteration, right after it is computed and reported",
            "newest": ("after", 'progress.set_postfix({"loss": loss})', _FIT),
            "versions": dict(
                [(v, ("after", 'log.debug("loss at iteration %i is %s", iteration, loss)', {**_FIT,
                    "alt": [("after", "loss = _als.calculate_loss(")],
                    "note": "0.2.x reports the loss with log.debug instead of progress.set_postfix (replaced in "
                            "0.3): its image; if one does not count it as the image, it has no counterpart and "
                            "either side of it is right, so right after the loss is computed is also accepted"}))
                 for v in _NOBAR] +
                [(v, ("after", 'progress.set_postfix({"loss": loss})', _FIT)) for v in range(2, 8)]),
        },
        "nnz": {
            "text": 'flor.log("nnz", Cui.nnz)',
            "intent": "number of interactions, once both the user-item and item-user matrices exist",
            "newest": ("after", "Ciu = Cui.T.tocsr()", _FIT),
            "versions": dict(
                [(0, ("after", "Ciu, Cui = item_users.tocsr(), item_users.T.tocsr()", {
                    "note": "0.2.4 builds both matrices in one statement"}))] +
                [(v, ("after", "Cui = Ciu.T.tocsr()", _w(note=
                      "before 0.5 the input is item_users (Ciu) and the timed transpose builds Cui; "
                      "the same statement with the roles swapped"))) for v in range(1, 6)] +
                [(v, ("after", "Ciu = Cui.T.tocsr()", _FIT)) for v in (6, 7)]),
        },
        "user_factors_shape": {
            "text": 'flor.log("user_factors_shape", self.user_factors.shape)',
            "intent": "shape of the learned user factors once all iterations are done",
            "newest": ("after", "with tqdm(", _FIT),
            "versions": dict(
                [(v, ("after", "for iteration in range(self.iterations):", _w(note=
                      "0.2.x has no tqdm `with` block around the loop: after the loop itself"))) for v in _NOBAR] +
                [(v, ("after", "with tqdm.tqdm(", _FIT)) for v in _HALF] +
                [(v, ("after", "with tqdm(", _FIT)) for v in range(4, 8)]),
        },
        "final_loss": {
            "text": 'flor.log("final_loss", loss)',
            "intent": "final training loss, under the post-loop `if self.calculate_training_loss:`",
            "newest": ("first_in", "if self.calculate_training_loss:", _w(n=2, of=2)),
            "versions": dict(
                [(v, ("after", "for iteration in range(self.iterations):", _w(
                    decline_ok=True,
                    note="0.2.x has no post-loop calculate_training_loss block: by the rules the unconditional "
                         "equivalent after the loop; declining is also accepted because there `loss` is only "
                         "bound when calculate_training_loss is set (default off)"))) for v in _NOBAR] +
                [(v, ("first_in", "if self.calculate_training_loss:", _w(n=2, of=2))) for v in range(2, 8)]),
        },
        "callback_iteration": {
            "text": 'flor.log("callback_iteration", iteration)',
            "intent": "iteration for which the user callback was just called",
            "newest": ("last_in", "if callback:", _FIT),
            "versions": dict(
                [(0, ("na", "no_anchor", "0.2.4 has no fit_callback: no callback is ever called", {"scope": "fit"}))] +
                [(v, ("last_in", "if self.fit_callback:", _w(note=
                      "before the `callback` argument (0.6) the loop calls self.fit_callback under "
                      "`if self.fit_callback:` — the same condition without an argument")))
                 for v in range(1, 7)] +
                [(7, ("last_in", "if callback:", _FIT))]),
        },
        "alpha": {
            "text": 'flor.log("alpha", self.alpha)',
            "intent": "confidence weight alpha applied to the interactions",
            "newest": ("after", "if self.alpha != 1.0:", _FIT),
            "versions": dict(
                [(v, ("na", "missing_dependency", "alpha is added in 0.6; the class has no self.alpha before",
                      {"scope": "fit"})) for v in range(7)] +
                [(7, ("after", "if self.alpha != 1.0:", _FIT))]),
        },
    },
}
