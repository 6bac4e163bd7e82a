# case: The same site already placed: nothing to do.
# === new
import flor


class GAN:
    def define_gan(self):
        self.generator = Generator(self.batch_size).build_model(dim=self.layers_dim)
        self.critic = Critic(self.batch_size).build_model(dim=self.layers_dim)
        g_optimizer = Adam(self.g_lr, beta_1=self.beta_1, beta_2=self.beta_2)
        c_optimizer = Adam(self.d_lr, beta_1=self.beta_1, beta_2=self.beta_2)
        flor.log("g_lr", float(g_optimizer.learning_rate))
        return g_optimizer, c_optimizer
# === old
import flor


class GAN:
    def define_gan(self):
        self.generator = Generator(self.batch_size).build_model(dim=self.layers_dim)
        self.critic = Critic(self.batch_size).build_model(dim=self.layers_dim)
        self.g_optimizer = Adam(self.lr, beta_1=self.beta_1, beta_2=self.beta_2)
        self.critic_optimizer = Adam(self.lr, beta_1=self.beta_1, beta_2=self.beta_2)
        flor.log("g_lr", float(self.g_optimizer.learning_rate))
# === expected
<unchanged>
# === diagnostics
present g_lr
