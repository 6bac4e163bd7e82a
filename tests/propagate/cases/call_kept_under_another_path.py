# case: Today keeps the verbosity in a local, verbose = fit_kwargs.get("verbose"), where the old version stored the same call in self._display.verbose: one value kept under another path, and the site reads self._display.verbose.
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
class Tuner:
    def __init__(self, oracle):
        self.oracle = oracle
        self._display = Display(oracle)

    def search(self, *fit_args, **fit_kwargs):
        """Performs a search for the best hyperparameters."""
        if "verbose" in fit_kwargs:
            self._display.verbose = fit_kwargs.get("verbose")
        self.on_search_begin()
        while True:
            trial = self.oracle.create_trial(self.tuner_id)
            self.run_trial(trial, *fit_args, **fit_kwargs)
# === expected
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
# === diagnostics
placed verbose at Tuner/search/if/stmt:1 renames verbose->self._display.verbose
