# case: Today's `session_init._run_init(self.sess)` is the old `self.config.session_init.init(self.sess)`: the two methods share the word `init`, so their objects correspond, and `session_init` is read as `self.config.session_init`
# === new
import flor


class Trainer:
    def __init__(self, config):
        self.config = config
        self.hooks = config.callbacks.get_hooks()

    def initialize(self, session_creator, session_init):
        self.sess = session_creator.create_session()
        session_init._run_init(self.sess)
        flor.log("session_init", type(session_init).__name__)
        self.hooked_sess = HookedSession(self.sess, self.hooks)
# === old
class Trainer:
    def __init__(self, config):
        self.config = config
        self.hooks = config.callbacks.get_hooks()

    def initialize(self, session_creator):
        self.sess = session_creator.create_session()
        self.config.session_init.init(self.sess)
        self.hooked_sess = HookedSession(self.sess, self.hooks)
# === expected
import flor
class Trainer:
    def __init__(self, config):
        self.config = config
        self.hooks = config.callbacks.get_hooks()

    def initialize(self, session_creator):
        self.sess = session_creator.create_session()
        self.config.session_init.init(self.sess)
        flor.log("session_init", type(self.config.session_init).__name__)
        self.hooked_sess = HookedSession(self.sess, self.hooks)
# === diagnostics
placed session_init at Trainer/initialize/stmt:2 renames session_init->self.config.session_init
