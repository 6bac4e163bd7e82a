# case: the statement is already at the end of the old epoch loop: nothing changes
# === new
import flor


def fit(self, train_data, epochs):
    mean = torch.zeros(self._batch_size, self._embedding_dim, device=self._device)
    std = mean + 1
    epoch_iterator = tqdm(range(epochs), disable=(not self._verbose))
    steps_per_epoch = max(len(train_data) // self._batch_size, 1)
    for i in epoch_iterator:
        for id_ in range(steps_per_epoch):
            for n in range(self._discriminator_steps):
                fakez = torch.normal(mean=mean, std=std)
                condvec = self._data_sampler.sample_condvec(self._batch_size)
                if condvec is None:
                    c1, m1, col, opt = None, None, None, None
                    real = self._data_sampler.sample_data(train_data, self._batch_size, col, opt)
                else:
                    c1, m1, col, opt = condvec
                    c1 = torch.from_numpy(c1).to(self._device)
                    fakez = torch.cat([fakez, c1], dim=1)
                    real = self._data_sampler.sample_data(train_data, self._batch_size, col, opt)
                fake = self._generator(fakez)
                real = torch.from_numpy(real.astype('float32')).to(self._device)
                y_fake = discriminator(fake)
                y_real = discriminator(real)
                pen = discriminator.calc_gradient_penalty(real, fake, self._device, self.pac)
                loss_d = -(torch.mean(y_real) - torch.mean(y_fake))
                optimizerD.zero_grad(set_to_none=False)
                pen.backward(retain_graph=True)
                loss_d.backward()
                optimizerD.step()
            fakez = torch.normal(mean=mean, std=std)
            condvec = self._data_sampler.sample_condvec(self._batch_size)
            if condvec is None:
                c1, m1, col, opt = None, None, None, None
            else:
                c1, m1, col, opt = condvec
                c1 = torch.from_numpy(c1).to(self._device)
                fakez = torch.cat([fakez, c1], dim=1)
            fake = self._generator(fakez)
            if c1 is not None:
                y_fake = discriminator(torch.cat([fake, c1], dim=1))
            else:
                y_fake = discriminator(fake)
            if condvec is None:
                cross_entropy = 0
            else:
                cross_entropy = self._cond_loss(fake, c1, m1)
            loss_g = -torch.mean(y_fake) + cross_entropy
            optimizerG.zero_grad(set_to_none=False)
            loss_g.backward()
            optimizerG.step()
        generator_loss = loss_g.detach().cpu().item()
        flor.log("epoch", i)
        if self._verbose:
            epoch_iterator.set_description(f"Gen. ({generator_loss:.2f})")
# === old
import flor


def fit(self, train_data, epochs):
    mean = torch.zeros(self.batch_size, self.embedding_dim, device=self.device)
    std = mean + 1
    steps_per_epoch = max(len(train_data) // self.batch_size, 1)
    for i in range(epochs):
        for id_ in range(steps_per_epoch):
            fakez = torch.normal(mean=mean, std=std)
            condvec = self.cond_generator.sample(self.batch_size)
            if condvec is None:
                c1, m1, col, opt = None, None, None, None
                real = data_sampler.sample(self.batch_size, col, opt)
            else:
                c1, m1, col, opt = condvec
                c1 = torch.from_numpy(c1).to(self.device)
                fakez = torch.cat([fakez, c1], dim=1)
                real = data_sampler.sample(self.batch_size, col, opt)
            fake = self.generator(fakez)
            real = torch.from_numpy(real.astype('float32')).to(self.device)
            y_fake = discriminator(fake)
            y_real = discriminator(real)
            pen = discriminator.calc_gradient_penalty(real, fake, self.device)
            loss_d = -(torch.mean(y_real) - torch.mean(y_fake))
            optimizerD.zero_grad()
            pen.backward(retain_graph=True)
            loss_d.backward()
            optimizerD.step()
            fakez = torch.normal(mean=mean, std=std)
            condvec = self.cond_generator.sample(self.batch_size)
            if condvec is None:
                c1, m1, col, opt = None, None, None, None
            else:
                c1, m1, col, opt = condvec
                c1 = torch.from_numpy(c1).to(self.device)
                fakez = torch.cat([fakez, c1], dim=1)
            fake = self.generator(fakez)
            if c1 is not None:
                y_fake = discriminator(torch.cat([fake, c1], dim=1))
            else:
                y_fake = discriminator(fake)
            if condvec is None:
                cross_entropy = 0
            else:
                cross_entropy = self._cond_loss(fake, c1, m1)
            loss_g = -torch.mean(y_fake) + cross_entropy
            optimizerG.zero_grad()
            loss_g.backward()
            optimizerG.step()
        flor.log("epoch", i)
        print("Epoch %d, Loss G: %.4f" % (i + 1, loss_g.detach().cpu()), flush=True)
# === expected
<unchanged>
# === diagnostics
present epoch
