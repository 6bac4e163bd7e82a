# case: a function renamed today (`train_s2s` -> `train_seq2seq`) whose body mostly corresponds: the statement goes into the old function
# === new
import flor


def train_seq2seq(net, data_iter, lr, num_epochs, device):
    net.apply(xavier_init_weights)
    net.to(device)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    loss = MaskedSoftmaxCELoss()
    net.train()
    for epoch in range(num_epochs):
        timer = Timer()
        metric = Accumulator(2)
        for batch in data_iter:
            optimizer.zero_grad()
            X, X_valid_len, Y, Y_valid_len = [x.to(device) for x in batch]
            Y_hat, _ = net(X, Y, X_valid_len)
            l = loss(Y_hat, Y, Y_valid_len)
            l.sum().backward()
            flor.log("s2s_loss", l.sum().item())
            grad_clipping(net, 1)
            optimizer.step()


def train_other(net, data_iter, lr):
    for batch in data_iter:
        l = net(batch)
        l.sum().backward()
# === old
def train_s2s(model, data_iter, lr, num_epochs, device):
    model.apply(xavier_init_weights)
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss = MaskedSoftmaxCELoss()
    model.train()
    for epoch in range(num_epochs):
        timer = Timer()
        metric = Accumulator(2)
        for batch in data_iter:
            X, X_vlen, Y, Y_vlen = [x.to(device) for x in batch]
            Y_hat, _ = model(X, Y, X_vlen)
            l = loss(Y_hat, Y, Y_vlen)
            l.sum().backward()
            grad_clipping(model, 1)
            optimizer.step()


def train_other(net, data_iter, lr):
    for batch in data_iter:
        l = net(batch)
        l.sum().backward()
# === expected
import flor
def train_s2s(model, data_iter, lr, num_epochs, device):
    model.apply(xavier_init_weights)
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss = MaskedSoftmaxCELoss()
    model.train()
    for epoch in range(num_epochs):
        timer = Timer()
        metric = Accumulator(2)
        for batch in data_iter:
            X, X_vlen, Y, Y_vlen = [x.to(device) for x in batch]
            Y_hat, _ = model(X, Y, X_vlen)
            l = loss(Y_hat, Y, Y_vlen)
            l.sum().backward()
            flor.log("s2s_loss", l.sum().item())
            grad_clipping(model, 1)
            optimizer.step()


def train_other(net, data_iter, lr):
    for batch in data_iter:
        l = net(batch)
        l.sum().backward()
# === diagnostics
placed s2s_loss at train_s2s/for:epoch/for:batch/stmt:4
