# case: The same site already placed: nothing to do.
# === new
import flor


class Trainer:
    def _monitor_step(self):
        terminate = False
        if self.state.should_monitor:
            self.intermediate = self.get_metrics()
            if self.state.should_start_snapshot:
                score = self.intermediate.final_score
                flor.log("score", score)
                if self.monitor.should_terminate(score):
                    terminate = True
        return terminate
# === old
import flor
class Trainer:
    def _monitor_step(self):
        terminate = False
        if self.state.should_monitor:
            self.intermediate = self.get_metrics()
            if self.state.should_start_snapshot:
                with timing_context(self, "monitor.prune_trial"):
                    score = self.intermediate.final_score
                    flor.log("score", score)
                    if self.trial is not None:
                        self.trial.report(score, step=self.state.step)
                        if self.trial.should_prune():
                            raise optuna.TrialPruned()
                if self.monitor.should_terminate(score):
                    terminate = True
        return terminate
# === expected
<unchanged>
# === diagnostics
present score
