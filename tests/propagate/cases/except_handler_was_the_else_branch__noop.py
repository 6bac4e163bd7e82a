# case: the statement in the handler is found again
# === new
import flor


class Controller:
    def create_trainer(self, name):
        if name in self.trainers:
            trainer = self.trainers[name]
        else:
            trainer = self.factory.generate(name)
            self.trainers[name] = trainer
            flor.log("new_trainer", name)
        self.managers[name] = trainer.manager()
# === old
import flor


class Controller:
    def create_trainer(self, name):
        try:
            trainer = self.trainers[name]
        except KeyError:
            trainer = self.factory.generate(name)
            self.trainers[name] = trainer
            flor.log("new_trainer", name)
            self.logger.info(trainer)
        self.managers[name] = trainer.manager()
# === expected
<unchanged>
# === diagnostics
present new_trainer
