# flwr flwr/server/server.py (Server.fit + fit_round + evaluate_round), PyPI 0.10.0 .. 1.42.0 (v00 .. v11).
# Round 24, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "flwr_server" / "versions.json").read_text())
OLDER = range(11)
_WEIGHTS = range(4)     # v00-v03 (0.10-0.15): self.weights, weights_prime, acc_cen, Server.evaluate, fit_round returns Weights
_PARAMS = range(4, 11)  # v04-v10 (0.16-1.11): self.parameters, res_fit triple, metrics_cen, evaluate_round
CASE = {
    "name": "flwr_server",
    "title": "Flower Server.fit / fit_round / evaluate_round across 0.10.0 .. 1.42.0 "
             "(weights -> parameters, acc_cen -> metrics_cen, evaluate -> evaluate_round, early-stop and "
             "shutdown leave fit, fit metrics added to history, rnd -> server_round, [ROUND] logs, "
             "guard/log reordered in fit_round, deprecated aggregate-result if/elif/else removed)",
    "stories": _V,
    "probes": {
        "init_loss": {
            "text": 'flor.log("init_loss", res[0] if res is not None else None)',
            "intent": "centralised loss of the initial global model, after the initial evaluation block",
            "newest": ("after", "if res is not None:"),
            "versions": {v: ("after", "if res is not None:", {
                "note": "after the whole `if res is not None:` (the newest has an else branch since 1.11; "
                        "older versions have no else): the probe is unconditional"}) for v in OLDER},
        },
        "round": {
            "text": 'flor.log("round", current_round)',
            "intent": "round counter at the start of every federated round, after the [ROUND] log line",
            "newest": ("after", 'log(INFO, "[ROUND %s]", current_round)'),
            "versions": dict(
                [(v, ("first_in", "for current_round in range(1, num_rounds + 1):", {
                    "note": "before 1.8 there are no per-round log lines: first statement of the round loop, "
                            "before fit_round"})) for v in range(9)] +
                [(v, ("after", 'log(INFO, "[ROUND %s]", current_round)')) for v in (9, 10)]),
        },
        "global_params": {
            "text": 'flor.log("global_params", self.parameters)',
            "intent": "global model after the fit round (aggregated parameters, if any, adopted)",
            "newest": ("after", "if res_fit is not None:"),
            "versions": dict(
                [(v, ("after", "if weights_prime is not None:", {
                    "renames": {"self.parameters": "self.weights"},
                    "note": "before 0.16 the global model is held in self.weights (Weights, a list of ndarrays) and "
                            "fit_round returns weights_prime; 0.16 renamed it to self.parameters (Parameters). "
                            "After the whole if, unconditional"})) for v in _WEIGHTS] +
                [(v, ("after", "if res_fit:")) for v in range(4, 8)] +
                [(v, ("after", "if res_fit is not None:")) for v in (8, 9, 10)]),
        },
        "fit_metrics": {
            "text": 'flor.log("fit_metrics", fit_metrics)',
            "intent": "aggregated fit metrics of the round, after they are recorded in the history",
            "newest": ("after", "history.add_metrics_distributed_fit("),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "fit_round returns only the new weights before 0.16; no fit metrics exist in fit()",
                      {"scope": "fit", "probe_site": ("last_in", "if weights_prime is not None:")})) for v in _WEIGHTS] +
                [(v, ("na", "missing_dependency",
                      "0.16-1.3 unpack `parameters_prime, _, _ = res_fit`: the aggregated fit metrics are "
                      "discarded into `_` and never recorded (`_` is not a rename of fit_metrics)",
                      {"scope": "fit", "probe_site": ("last_in", "if res_fit:")})) for v in (4, 5, 6)] +
                [(7, ("after", "history.add_metrics_distributed_fit(", {
                    "note": "inside `if res_fit:` (truthiness check before 1.5; same condition)"}))] +
                [(v, ("after", "history.add_metrics_distributed_fit(")) for v in (8, 9, 10)]),
        },
        "metrics_cen": {
            "text": 'flor.log("metrics_cen", metrics_cen)',
            "intent": "centralised (server-side) evaluation metrics of each round, inside `if res_cen is not None:`",
            "newest": ("after", "history.add_metrics_centralized(", {"within": "if res_cen is not None:"}),
            "versions": dict(
                [(v, ("after", "history.add_accuracy_centralized(rnd=current_round", {
                    "renames": {"metrics_cen": "acc_cen"},
                    "note": "before 0.16 strategy.evaluate returns (loss, accuracy): `loss_cen, acc_cen = res_cen`, "
                            "recorded with add_accuracy_centralized; acc_cen is the same second element of res_cen"}))
                 for v in _WEIGHTS] +
                [(v, ("after", "history.add_metrics_centralized(", {"within": "if res_cen is not None:"}))
                 for v in _PARAMS]),
        },
        "loss_fed": {
            "text": 'flor.log("loss_fed", loss_fed)',
            "intent": "federated (client-side) evaluation loss, only when evaluate_round returned a loss",
            "newest": ("after", "history.add_metrics_distributed(", {"within": "if loss_fed is not None:"}),
            "versions": dict(
                [(v, ("after", "history.add_loss_distributed(", {
                    "note": "before 0.16 the two nested conditions are one `if res_fed is not None and res_fed[0] is "
                            "not None:` and there are no distributed metrics: after add_loss_distributed, the last "
                            "statement of that if"})) for v in _WEIGHTS] +
                [(v, ("after", "history.add_metrics_distributed(", {
                    "within": "if loss_fed",
                    "note": "`if res_fed:` / `if loss_fed:` truthiness checks before 1.5: same conditions"}))
                 for v in range(4, 8)] +
                [(v, ("after", "history.add_metrics_distributed(", {"within": "if loss_fed is not None:"}))
                 for v in (8, 9, 10)]),
        },
        "round_time": {
            "text": 'flor.log("round_time", timeit.default_timer() - start_time)',
            "intent": "elapsed wall time at the end of each round, after federated evaluation",
            "newest": ("after", "if res_fed is not None:"),
            "versions": dict(
                [(0, ("after", "if res_fed is not None and res_fed[0] is not None:", {
                    "note": "0.10 still ends the round with the strategy's on_conclude_round early-stop check "
                            "(`if not should_continue: break`); the probe follows the federated-evaluation if, i.e. "
                            "before the `# Conclude round` block, so it also runs in the round that breaks"}))] +
                [(v, ("after", "if res_fed is not None and res_fed[0] is not None:")) for v in (1, 2, 3)] +
                [(v, ("after", "if res_fed:")) for v in range(4, 8)] +
                [(v, ("after", "if res_fed is not None:")) for v in (8, 9, 10)]),
        },
        "fit_clients": {
            "text": 'flor.log("fit_clients", len(client_instructions))',
            "intent": "number of clients sampled for the fit round, once it is known the round is not cancelled",
            "newest": ("before", "results, failures = fit_clients("),
            "versions": dict(
                [(v, ("before", "results, failures = fit_clients(", {
                    "note": "before 0.16 fit_round logs 'strategy sampled N clients' BEFORE the `if not "
                            "client_instructions: return None` guard (reversed order). The probe follows both the "
                            "guard and the log in the newest: before fit_clients keeps both relations; right "
                            "after the log would run it also for a cancelled round"})) for v in _WEIGHTS] +
                [(v, ("before", "results, failures = fit_clients(")) for v in _PARAMS]),
        },
        "eval_failures": {
            "text": 'flor.log("eval_failures", len(failures))',
            "intent": "number of failed client evaluations, right after they are collected",
            "newest": ("after", "results, failures = evaluate_clients("),
            "versions": dict(
                [(v, ("after", "results, failures = results_and_failures", {
                    "note": "before 0.16 the method is Server.evaluate (renamed evaluate_round in 0.16) and unpacks "
                            "`results_and_failures = evaluate_clients(...)` in a second statement: after the "
                            "statement that binds `failures`"})) for v in _WEIGHTS] +
                [(4, ("after", "results, failures = evaluate_clients(", {
                    "note": "0.16 keeps a deprecated Server.evaluate wrapper that calls evaluate_round; the probe "
                            "goes in evaluate_round where the clients are evaluated"}))] +
                [(v, ("after", "results, failures = evaluate_clients(")) for v in range(5, 11)]),
        },
        "fit_agg_metrics": {
            "text": 'flor.log("fit_agg_metrics", metrics_aggregated)',
            "intent": "aggregated fit metrics returned by the strategy, inside fit_round",
            "newest": ("after", "parameters_aggregated, metrics_aggregated = aggregated_result"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.16 fit_round returns strategy.aggregate_fit(...) directly (Weights only); no "
                      "aggregated metrics exist",
                      {"scope": "fit_round", "probe_site": ("before", "return self.strategy.")})) for v in _WEIGHTS] +
                [(4, ("after", "if aggregated_result is None:", {
                    "within": "def fit_round(",
                    "note": "0.16-0.18 unpack the result in the else branch of a backward-compatibility "
                            "if/elif/else (metrics_aggregated pre-set to {}): after the whole chain, unconditional"}))] +
                [(v, ("after", "parameters_aggregated, metrics_aggregated = aggregated_result")) for v in range(5, 11)]),
        },
    },
}
