# case: The same site already placed: nothing to do.
# === new
import flor


class Tuner:
    def _activate_all_conditions(self):
        never_active = []
        hp = self.oracle.get_space()
        while True:
            self.hypermodel.build(hp)
            self.oracle.update_space(hp)
            for conditions in hp.inactive_scopes:
                never_active.append(conditions)
            if not never_active:
                break
            hp.values[never_active[0].name] = never_active[0].value

    def _populate_initial_space(self):
        hp = self.oracle.get_space()
        self.hypermodel.declare_hyperparameters(hp)
        self.oracle.update_space(hp)
        self._activate_all_conditions()
        flor.log("n_hyperparameters", len(self.oracle.get_space().space))
# === old
import flor
class Tuner:
    def _populate_initial_space(self):
        never_active = []
        hp = self.oracle.get_space()
        while True:
            self.hypermodel.build(hp)
            for conditions in hp.inactive_scopes:
                never_active.append(conditions)
            if len(never_active) == 0:
                break
            hp.values[never_active[0].name] = never_active[0].value
        self.oracle.update_space(hp)
        flor.log("n_hyperparameters", len(self.oracle.get_space().space))
# === expected
<unchanged>
# === diagnostics
present n_hyperparameters
