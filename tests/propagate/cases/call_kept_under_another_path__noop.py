# case: The same site already placed: nothing to do.
# === new
import flor


class Tuner:
    def __init__(self, oracle):
        self.oracle = oracle

    def search(self, *fit_args, **fit_kwargs):
        """Performs a search for the best hyperparameters."""
        if "verbose" in fit_kwargs:
            verbose = fit_kwargs.get("verbose")
            flor.log("verbose", verbose)
        if dist_utils.is_chief_oracle():
            self.oracle.verbose = verbose
        self.on_search_begin()
        while True:
            trial = self.oracle.create_trial(self.tuner_id)
            self.run_trial(trial, *fit_args, **fit_kwargs)
# === old
import flor
class Tuner:
    def __init__(self, oracle):
        self.oracle = oracle
        self._display = Display(oracle)

    def search(self, *fit_args, **fit_kwargs):
        """Performs a search for the best hyperparameters."""
        if "verbose" in fit_kwargs:
            self._display.verbose = fit_kwargs.get("verbose")
            flor.log("verbose", self._display.verbose)
        self.on_search_begin()
        while True:
            trial = self.oracle.create_trial(self.tuner_id)
            self.run_trial(trial, *fit_args, **fit_kwargs)
# === expected
<unchanged>
# === diagnostics
present verbose
