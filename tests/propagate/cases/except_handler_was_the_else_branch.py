# case: an if/else that asks first today was a try/except KeyError before: the statement in the else branch goes into the handler
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
class Controller:
    def create_trainer(self, name):
        try:
            trainer = self.trainers[name]
        except KeyError:
            trainer = self.factory.generate(name)
            self.trainers[name] = trainer
            self.logger.info(trainer)
        self.managers[name] = trainer.manager()
# === expected
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
# === diagnostics
placed new_trainer at Controller/create_trainer/try/except/stmt:2
