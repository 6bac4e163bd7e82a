# case: Propagating twice changes nothing: the old version already logs after its guard
# === new
import flor


class Server:
    def fit_round(self, rnd):
        client_instructions = self.strategy.configure_fit(rnd=rnd, parameters=self.parameters,
                                                          client_manager=self._client_manager)
        if not client_instructions:
            log(INFO, "fit_round: no clients selected, cancel")
            return None
        log(DEBUG, "fit_round: strategy sampled %s clients (out of %s)", len(client_instructions),
            self._client_manager.num_available())
        flor.log("fit_clients", len(client_instructions))
        results, failures = fit_clients(client_instructions)
        return self.strategy.aggregate_fit(rnd, results, failures)
# === old
import flor


class Server:
    def fit_round(self, rnd):
        client_instructions = self.strategy.configure_fit(rnd=rnd, weights=self.weights,
                                                          client_manager=self._client_manager)
        log(DEBUG, "fit_round: strategy sampled %s clients (out of %s)", len(client_instructions),
            self._client_manager.num_available())
        if not client_instructions:
            log(INFO, "fit_round: no clients sampled, cancel fit")
            return None
        flor.log("fit_clients", len(client_instructions))
        results, failures = fit_clients(client_instructions)
        return self.strategy.aggregate_fit(rnd, results, failures)
# === expected
<unchanged>
# === diagnostics
present fit_clients
