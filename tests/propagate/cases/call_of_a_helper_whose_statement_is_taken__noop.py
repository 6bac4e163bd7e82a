# case: Propagating twice changes nothing: the old `update` already logs its key
# === new
import flor


class SVI:
    def init(self, rng, *args):
        model_seed, guide_seed = random.split(rng, 2)
        model_init = seed(self.model, model_seed)
        guide_init = seed(self.guide, guide_seed)
        params = find_params(model_init, guide_init, args)
        return SVIState(self.optim.init(params), rng)

    def update(self, svi_state, *args):
        rng_key, rng_key_step = random.split(svi_state.rng_key)
        flor.log("rng_key", rng_key)
        loss_fn = make_loss_fn(self.loss, rng_key_step, self.model, self.guide, args)
        loss_val, optim_state = self.optim.eval_and_update(loss_fn, svi_state.optim_state)
        return SVIState(optim_state, rng_key), loss_val
# === old
import flor


def _seed(model, guide, rng):
    model_seed, guide_seed = random.split(rng, 2)
    model_init = seed(model, model_seed)
    guide_init = seed(guide, guide_seed)
    return model_init, guide_init


class SVI:
    def init(self, rng, *args):
        model_init, guide_init = _seed(self.model, self.guide, rng)
        params = find_params(model_init, guide_init, args)
        return SVIState(self.optim.init(params), rng)

    def update(self, svi_state, *args):
        rng, rng_seed = random.split(svi_state.rng)
        flor.log("rng_key", rng)
        model_init, guide_init = _seed(self.model, self.guide, rng_seed)
        params = self.optim.get_params(svi_state.optim_state)
        loss_val, grads = value_and_grad(lambda x: self.loss(x, model_init, guide_init, args))(params)
        optim_state = self.optim.update(grads, svi_state.optim_state)
        return SVIState(optim_state, rng), loss_val
# === expected
<unchanged>
# === diagnostics
present rng_key
