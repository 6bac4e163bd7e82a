# case: the renamed function's old version already logs: nothing changes
# === new
import flor


def train_seq2seq(net, data_iter, lr, num_epochs, device):
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for batch in data_iter:
            optimizer.zero_grad()
            l = loss_of(net, batch)
            l.sum().backward()
            flor.log("s2s_loss", l.sum().item())
            optimizer.step()
# === old
import flor


def train_s2s(model, data_iter, lr, num_epochs, device):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(num_epochs):
        for batch in data_iter:
            l = loss_of(model, batch)
            l.sum().backward()
            flor.log("s2s_loss", l.sum().item())
            optimizer.step()
# === expected
<unchanged>
# === diagnostics
present s2s_loss
