# case: The statement already first in the old loop: nothing changes
# === new
import flor


def fit(model, optimizer, loss_fn, x, y, batch_size, nb_epochs, device, use_amp=False, scheduler=None):
    dataset = TensorDataset(torch.from_numpy(x), torch.from_numpy(y))
    dataloader = DataLoader(dataset, batch_size=batch_size, shuffle=True)
    for _ in tqdm(range(nb_epochs), desc="Epochs"):
        for x_batch, y_batch in dataloader:
            flor.log("lr", optimizer.param_groups[0]["lr"])
            x_batch = x_batch.to(device)
            y_batch = y_batch.to(device)
            optimizer.zero_grad()
            try:
                outputs = model(x_batch)
            except ValueError as err:
                if "Expected more than 1 value per channel" in str(err):
                    logger.exception("Try drop_last=True")
                raise err
            loss = loss_fn(outputs, y_batch)
            if use_amp:
                with amp.scale_loss(loss, optimizer) as scaled_loss:
                    scaled_loss.backward()
            else:
                loss.backward()
            optimizer.step()
        if scheduler is not None:
            scheduler.step()


def fit_generator(model, optimizer, loss_fn, generator, nb_epochs):
    for _ in range(nb_epochs):
        for i_batch, o_batch in generator:
            optimizer.zero_grad()
            outputs = model(i_batch)
            loss = loss_fn(outputs, o_batch)
            loss.backward()
            optimizer.step()
# === old
import flor


def fit(model, optimizer, loss_fn, x, y, batch_size, nb_epochs, device):
    num_batch = int(np.ceil(len(x) / float(batch_size)))
    ind = np.arange(len(x))
    for _ in range(nb_epochs):
        random.shuffle(ind)
        for m in range(num_batch):
            flor.log("lr", optimizer.param_groups[0]["lr"])
            i_batch = torch.from_numpy(x[ind[m * batch_size:(m + 1) * batch_size]]).to(device)
            o_batch = torch.from_numpy(y[ind[m * batch_size:(m + 1) * batch_size]]).to(device)
            optimizer.zero_grad()
            outputs = model(i_batch)
            loss = loss_fn(outputs, o_batch)
            loss.backward()
            optimizer.step()


def fit_generator(model, optimizer, loss_fn, generator, nb_epochs):
    for _ in range(nb_epochs):
        for i_batch, o_batch in generator:
            optimizer.zero_grad()
            outputs = model(i_batch)
            loss = loss_fn(outputs, o_batch)
            loss.backward()
            optimizer.step()
# === expected
<unchanged>
# === diagnostics
present lr
