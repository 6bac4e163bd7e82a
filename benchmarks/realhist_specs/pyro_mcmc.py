# pyro-ppl pyro/infer/mcmc/api.py (MCMC.run / _UnarySampler.run / _gen_samples), PyPI 0.3.4 .. 1.9.1 (v00 .. v10).
# Round 25, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "pyro_mcmc" / "versions.json").read_text())
ALL = range(10)
# From 1.7.0 (v08) the file also has StreamingMCMC with its own run(); every MCMC.run probe is added to
# MCMC.run (`within: "class MCMC"`, which StreamingMCMC's header does not contain).
_MCMC = {"within": "class MCMC"}
_UNARY = {"within": "class _UnarySampler"}
_WARM = {"within": "for i in range(warmup_steps)"}


def _w(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "pyro_mcmc",
    "title": "pyro MCMC sampling loops across 0.3.4 .. 1.9.1 (sequential chains in _UnarySampler (1.0), "
             "chain-labelled hooks, optional validation (1.4), detached args (1.6), save_params, "
             "AbstractMCMC._set_transforms and StreamingMCMC (1.7))",
    "stories": _V,
    "probes": {
        "warmup_iter": {
            "text": 'flor.log("warmup_iter", i)',
            "intent": "index of each warmup transition, right after the kernel produced it",
            "newest": ("after", "params = kernel.sample(params)", _WARM),
            "versions": {v: ("after", "params = kernel.sample(params)", dict(_WARM)) for v in ALL},
        },
        "save_params": {
            "text": 'flor.log("save_params", save_params)',
            "intent": "names of the sites that are saved, once per chain before sampling",
            "newest": ("after", "save_params = getattr(kernel,"),
            "versions": {v: (("after", "save_params = getattr(kernel,") if v >= 8 else
                             ("na", "missing_dependency",
                              "save_params does not exist before 1.7.0: every site is flattened via sorted(params)",
                              {"scope": "_gen_samples"})) for v in ALL},
        },
        "chain_id": {
            "text": 'flor.log("chain_id", i)',
            "intent": "index of the chain that _UnarySampler starts to draw, at the top of the chain loop",
            "newest": ("first_in", "for i in range(self.num_chains)", _UNARY),
            "versions": {v: (("first_in", "for i in range(self.num_chains)", dict(_UNARY)) if v >= 3 else
                             ("na", "missing_dependency",
                              "before 1.0.0 _UnarySampler runs one chain only (no chain loop, chain id is the "
                              "literal 0): no variable holds the chain index",
                              {"scope": "_UnarySampler.run",
                               "probe_site": ("after", 'logger = logging.getLogger("pyro.infer.mcmc")', dict(_UNARY))}))
                         for v in ALL},
        },
        "warmup_steps": {
            "text": 'flor.log("warmup_steps", self.warmup_steps)',
            "intent": "warmup length the progress bar of each chain is built with",
            "newest": ("after", "progress_bar = ProgressBar(", _UNARY),
            "versions": {v: ("after", "progress_bar = ProgressBar(", _w(_UNARY, **({
                "note": "before 1.0.0 there is no chain loop: the progress bar is built once, unconditionally; "
                        "the probe follows it there"} if v < 3 else {}))) for v in ALL},
        },
        "n_model_args": {
            "text": 'flor.log("n_model_args", len(args))',
            "intent": "number of positional model arguments passed to the sampler, after they are detached",
            "newest": ("after", "args = [arg.detach() if torch.is_tensor(arg) else arg for arg in args]", _MCMC),
            "versions": {v: (("after", "args = [arg.detach()", dict(_MCMC)) if v >= 7 else
                             ("before", "for x, chain_id in self.sampler.run(", _w(_MCMC, note=(
                                 "args is not detached before 1.6.0: the probe keeps its place inside the "
                                 "validation `with` block, right before the sampling loop; `args` is the run() "
                                 "parameter itself")))) for v in ALL},
        },
        "chain_diagnostics": {
            "text": 'flor.log("chain_diagnostics", self._diagnostics[chain_id])',
            "intent": "kernel diagnostics of a chain when its last message arrives",
            "newest": ("after", "self._diagnostics[chain_id] = x", _MCMC),
            "versions": {v: ("after", "self._diagnostics[chain_id] = x", dict(_MCMC)) for v in ALL},
        },
        "n_draws": {
            "text": 'flor.log("n_draws", num_samples[chain_id])',
            "intent": "running count of draws of a chain, after each draw is stored (else branch)",
            "newest": ("after", "z_flat_acc[chain_id].append(x_cloned)", _MCMC),
            "versions": {v: ("after", "z_flat_acc[chain_id].append(x_cloned)", dict(_MCMC)) for v in ALL},
        },
        "z_flat_shape": {
            "text": 'flor.log("z_flat_shape", tuple(z_flat_acc.shape))',
            "intent": "shape (chains, samples, flat dim) of the stacked draws after sampling",
            "newest": ("after", "z_flat_acc = torch.stack(", _MCMC),
            "versions": {v: ("after", "z_flat_acc = torch.stack(", dict(_MCMC)) for v in ALL},
        },
        "sample_sites": {
            "text": 'flor.log("sample_sites", sorted(z_acc))',
            "intent": "sites of the unpacked draws, once the transforms to constrained space are settled",
            "newest": ("after", "if self.transforms is None:", _MCMC),
            "versions": {v: ("after", "if self.transforms is None", _w(_MCMC, **({
                "note": "before 1.2.1 the inference condition also requires an HMC/NUTS kernel "
                        "(`if self.transforms is None and isinstance(...)`); after the whole if"} if v < 4 else
                {"note": "1.2.1 .. 1.6.0 infer the transforms inline (if/elif/else) instead of "
                         "_set_transforms(); after the whole if"} if v < 8 else {}))) for v in ALL},
        },
    },
}
