# case: Today populates the space, updates it, then calls _activate_all_conditions(), new today and holding the old loop that ran before the update: the site follows both neighbours today, so it goes after the old update, not between the loop and it.
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
# === expected
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
# === diagnostics
placed n_hyperparameters at Tuner/_populate_initial_space/stmt:4
