# case: Propagating twice changes nothing: the old version already logs the kind of its initializer
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
# === expected
<unchanged>
# === diagnostics
present session_init
