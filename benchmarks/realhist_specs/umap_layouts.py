# umap-learn umap/layouts.py (optimize_layout_euclidean + _optimize_layout_euclidean_single_epoch; before 0.4: umap/umap_.py optimize_layout), PyPI 0.1.5 .. 0.5.12 (v00 .. v09).
# Round 24, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "umap_layouts" / "versions.json").read_text())
OLDER = range(9)
_OLD = {"within": "def optimize_layout("}                        # v00-v04: umap_.py, one inline function
_EUC = {"within": "def optimize_layout_euclidean("}              # v05-v09: epoch driver
_EP = {"within": "def _optimize_layout_euclidean_single_epoch("}  # v05-v09: per-edge work of one epoch
_INLINE = range(1, 5)   # v01-v04: epoch loop with the per-edge loop inline in optimize_layout
_SPLIT = range(5, 9)    # v05-v08: per-edge loop moved into _optimize_layout_euclidean_single_epoch
_ALPHA = "alpha = initial_alpha * (1.0 - (float(n) / float(n_epochs)))"
_V00 = ("0.1.5 has no epochs: one flat `for i in range(n_edge_samples):` loop that draws a positive edge "
        "or a random negative pair per iteration (is_negative_sample)")


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "umap_layouts",
    "title": "UMAP SGD layout optimisation across 0.1.5 .. 0.5.12 (edge-sample loop -> epoch loop with "
             "epochs_per_sample schedule, embedding/positive_head -> head_embedding/tail_embedding/head/tail, "
             "dist_squared > 0 guards, umap_.py optimize_layout -> layouts.py optimize_layout_euclidean with the "
             "per-edge loop moved into a numba single-epoch function, densMAP terms, tqdm epoch loop, verbose "
             "print dropped in 0.5.2 and restored, list-valued n_epochs with embedding snapshots, per-sample rng)",
    "stories": _V,
    "probes": {
        "n_epochs": {
            "text": 'flor.log("n_epochs", n_epochs)',
            "intent": "number of optimisation epochs once resolved, right before the epoch loop setup",
            "newest": ("after", "if isinstance(n_epochs, list):", _EUC),
            "versions": dict(
                [(0, ("na", "missing_dependency", _V00 + "; it takes n_edge_samples, not n_epochs "
                      "(a different quantity, not a rename)"))] +
                [(v, ("after", "epoch_of_next_sample = epochs_per_sample.copy()", _w(_OLD, note=
                      "no list-valued n_epochs yet: keeps its place after the schedule setup, right before the "
                      "epoch loop"))) for v in _INLINE] +
                [(5, ("after", "optimize_fn = numba.njit(", _w(_EUC, note=
                      "no densMAP/epochs_list setup yet: after the last setup statement, before the loop")))] +
                [(v, ("after", "if densmap:", _w(_EUC, note=
                      "no epochs_list block yet: after the whole densMAP setup if/else, which precedes it in the "
                      "newest version (v07: before `if \"disable\" not in tqdm_kwds:`)"))) for v in (6, 7)] +
                [(8, ("after", "if isinstance(n_epochs, list):", _EUC))]),
        },
        "epoch": {
            "text": 'flor.log("epoch", n)',
            "intent": "epoch counter at the start of every epoch",
            "newest": ("first_in", "for n in tqdm(range(n_epochs), **tqdm_kwds):", _EUC),
            "versions": dict(
                [(0, ("na", "missing_dependency", _V00 + "; `i` counts single edge samples, not epochs",
                      {"probe_site": ("first_in", "for i in range(n_edge_samples):", _OLD)}))] +
                [(v, ("first_in", "for n in range(n_epochs):", _OLD)) for v in _INLINE] +
                [(v, ("first_in", "for n in range(n_epochs):", _EUC)) for v in (5, 6)] +
                [(v, ("first_in", "for n in tqdm(range(n_epochs), **tqdm_kwds):", _EUC)) for v in (7, 8)]),
        },
        "dens_re_std": {
            "text": 'flor.log("dens_re_std", dens_re_std)',
            "intent": "densMAP local-radius spread of each epoch, after the (conditional) densMAP statistics",
            "newest": ("after", "if densmap_flag:", _EUC),
            "versions": dict(
                [(v, ("na", "missing_dependency", "no densMAP before 0.5.0: dens_re_std does not exist"))
                 for v in range(6)] +
                [(v, ("after", "if densmap_flag:", _w(_EUC, note="after the whole if/else, not in a branch")))
                 for v in (6, 7, 8)]),
        },
        "dist_squared": {
            "text": 'flor.log("dist_squared", dist_squared)',
            "intent": "squared low-dimensional distance of each sampled positive edge",
            "newest": ("after", "dist_squared = rdist(current, other)", _w(_EP, n=1, of=2)),
            "versions": dict(
                [(0, ("after", "dist_squared = rdist(current, other)", _w(_OLD, note=
                      "0.1.5 computes one distance per iteration for both the positive edge and the random "
                      "negative pair; that shared statement is the image of the positive-edge distance, and the "
                      "newest `if epoch_of_next_sample[i] <= n:` schedule condition has no equivalent there "
                      "(the positive/negative choice is made before, not around, this statement): unconditional")))] +
                [(v, ("after", "dist_squared = rdist(current, other)", _w(_OLD, n=1, of=2, note=
                      "per-edge loop is inline in optimize_layout before 0.4: first of the two distance "
                      "computations (the positive edge)"))) for v in _INLINE] +
                [(v, ("after", "dist_squared = rdist(current, other)", _w(_EP, n=1, of=2))) for v in _SPLIT]),
        },
        "grad_coeff": {
            "text": 'flor.log("grad_coeff", grad_coeff)',
            "intent": "attractive gradient coefficient of each positive edge, once computed",
            "newest": ("after", "if dist_squared > 0.0:", _w(_EP, n=1, of=2)),
            "versions": dict(
                [(0, ("after", "grad_coeff /= (a * pow(dist_squared, b) + 1.0)", _w(_OLD, note=
                      "0.1.5 computes grad_coeff in `if is_negative_sample: <repulsive> else: <attractive>`; the "
                      "attractive else branch is the image of the newest coefficient and `not is_negative_sample` "
                      "is the equivalent of the newest positive-edge condition: at the end of the else branch. "
                      "After the whole if/else (unconditional, also sees repulsive coefficients) is accepted too",
                      alt=[("after", "if is_negative_sample:", _w(_OLD, n=2, of=2))])))] +
                [(1, ("after", "grad_coeff /= (a * pow(dist_squared, b) + 1.0)", _w(_OLD, note=
                      "before 0.3.5 there is no `if dist_squared > 0.0:` guard: after the unguarded attractive "
                      "coefficient")))] +
                [(2, ("after", "grad_coeff /= a * pow(dist_squared, b) + 1.0", _w(_OLD, note=
                      "before 0.3.5 there is no `if dist_squared > 0.0:` guard: after the unguarded attractive "
                      "coefficient")))] +
                [(v, ("after", "if dist_squared > 0.0:", _w(_OLD, n=1, of=2))) for v in (3, 4)] +
                [(v, ("after", "if dist_squared > 0.0:", _w(_EP, n=1, of=2))) for v in _SPLIT]),
        },
        "n_neg_samples": {
            "text": 'flor.log("n_neg_samples", n_neg_samples)',
            "intent": "number of negative samples drawn for each positive edge",
            "newest": ("after", "n_neg_samples = int(", _EP),
            "versions": dict(
                [(0, ("na", "missing_dependency", _V00 + " (every negative_sample_rate-th iteration is positive); "
                      "no per-edge negative-sample count"))] +
                [(v, ("after", "n_neg_samples = int(", _OLD)) for v in _INLINE] +
                [(v, ("after", "n_neg_samples = int(", _EP)) for v in _SPLIT]),
        },
        "neg_vertex": {
            "text": 'flor.log("neg_vertex", k)',
            "intent": "vertex drawn as each negative sample",
            "newest": ("after", "k = tau_rand_int(rng_state_per_sample[j]) % n_vertices", _EP),
            "versions": dict(
                [(0, ("after", "k = edge % n_vertices", _w(_OLD, note=
                      "0.1.5 draws a random (j, k) pair under `if is_negative_sample:`, the equivalent of the "
                      "negative-sample loop: after k is drawn, inside that branch")))] +
                [(v, ("after", "k = tau_rand_int(rng_state) % n_vertices", _w(_OLD, note=
                      "one rng_state shared by all samples before 0.5.12; the statement drawing k is the image")))
                 for v in _INLINE] +
                [(v, ("after", "k = tau_rand_int(rng_state) % n_vertices", _EP)) for v in _SPLIT]),
        },
        "alpha": {
            "text": 'flor.log("alpha", alpha)',
            "intent": "learning rate after its per-epoch decay",
            "newest": ("after", _ALPHA, _EUC),
            "versions": dict(
                [(0, ("after", "if i % 10000 == 0:", _w(_OLD, note=
                      "0.1.5 decays alpha only every 10000 edge samples, inside `if i % 10000 == 0:`; the "
                      "probe is unconditional in the newest version: after that whole if, every iteration")))] +
                [(v, ("after", _ALPHA, _OLD)) for v in _INLINE] +
                [(v, ("after", _ALPHA, _EUC)) for v in _SPLIT]),
        },
        "embedding_spread": {
            "text": 'flor.log("embedding_spread", float(head_embedding.std()))',
            "intent": "spread of the embedding at the end of every epoch, after the progress print",
            "newest": ("after", "if verbose and n % int(n_epochs / 10) == 0:", _EUC),
            "versions": dict(
                [(0, ("after", "if verbose and i % int(n_edge_samples / 10) == 0:", _w(_OLD, renames={
                      "head_embedding": "embedding"}, note="end of the flat edge-sample loop body, after its "
                      "progress print; the embedding is called `embedding` before 0.3")))] +
                [(1, ("after", "if verbose and n % int(n_epochs / 10) == 0:", _w(_OLD, renames={
                      "head_embedding": "embedding"})))] +
                [(v, ("after", "if verbose and n % int(n_epochs / 10) == 0:", _OLD)) for v in (2, 3, 4)] +
                [(v, ("after", "if verbose and n % int(n_epochs / 10) == 0:", _EUC)) for v in (5, 6, 8)] +
                [(7, ("after", _ALPHA, _w(_EUC, note=
                      "0.5.2 dropped the verbose progress print (tqdm instead): after the alpha decay, the "
                      "last statement of the epoch body")))]),
        },
        "snapshot_epoch": {
            "text": 'flor.log("snapshot_epoch", n)',
            "intent": "epoch at which an intermediate embedding snapshot is saved (list-valued n_epochs)",
            "newest": ("last_in", "if epochs_list is not None and n in epochs_list:", _EUC),
            "versions": dict(
                [(v, ("na", "no_anchor", "no embedding snapshots before 0.5.4 (n_epochs is an int only): "
                      "nothing corresponds to saving one")) for v in range(8)] +
                [(8, ("last_in", "if epochs_list is not None and n in epochs_list:", _EUC))]),
        },
    },
}
