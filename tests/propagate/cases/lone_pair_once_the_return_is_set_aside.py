# case: Between matched neighbours, today's gap holds c_optimizer = Adam(self.d_lr, ...) and a return, the old gap self.critic_optimizer = Adam(self.lr, ...): with the return set aside they are a lone pair, and the site goes after the critic's optimizer.
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
class GAN:
    def define_gan(self):
        self.generator = Generator(self.batch_size).build_model(dim=self.layers_dim)
        self.critic = Critic(self.batch_size).build_model(dim=self.layers_dim)
        self.g_optimizer = Adam(self.lr, beta_1=self.beta_1, beta_2=self.beta_2)
        self.critic_optimizer = Adam(self.lr, beta_1=self.beta_1, beta_2=self.beta_2)
# === expected
import flor
class GAN:
    def define_gan(self):
        self.generator = Generator(self.batch_size).build_model(dim=self.layers_dim)
        self.critic = Critic(self.batch_size).build_model(dim=self.layers_dim)
        self.g_optimizer = Adam(self.lr, beta_1=self.beta_1, beta_2=self.beta_2)
        self.critic_optimizer = Adam(self.lr, beta_1=self.beta_1, beta_2=self.beta_2)
        flor.log("g_lr", float(self.g_optimizer.learning_rate))
# === diagnostics
placed g_lr at GAN/define_gan/stmt:4 renames g_optimizer.learning_rate->self.g_optimizer.learning_rate
