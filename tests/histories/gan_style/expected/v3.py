import flor
import torch
import torch.nn as nn
import torch.optim as optim

nz = 100
lr = 0.0002
niter = 25


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()
        self.main = nn.Sequential(nn.Linear(nz, 256), nn.ReLU(True), nn.Linear(256, 784), nn.Tanh())

    def forward(self, input):
        return self.main(input)


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()
        self.main = nn.Sequential(nn.Linear(784, 256), nn.LeakyReLU(0.2, True), nn.Linear(256, 1), nn.Sigmoid())

    def forward(self, input):
        return self.main(input).view(-1)


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
gen = Generator().to(device)
disc = Discriminator().to(device)
flor.log("gen_device", str(next(gen.parameters()).device))
criterion = nn.BCELoss()
opt_d = optim.Adam(disc.parameters(), lr=lr, betas=(0.5, 0.999))
opt_g = optim.Adam(gen.parameters(), lr=lr, betas=(0.5, 0.999))

def discriminator_step(real, fake):
    """(1) Update D: maximize log(D(x)) + log(1 - D(G(z)))."""
    disc.zero_grad()
    batch_size = real.size(0)
    label = torch.full((batch_size,), 1.0, device=device)
    output = disc(real.view(batch_size, -1))
    loss_d_real = criterion(output, label)
    loss_d_real.backward()
    flor.log("d_real_grad", sum(p.grad.norm() for p in disc.parameters()).item())
    D_x = output.mean().item()
    label.fill_(0.0)
    output = disc(fake.detach())
    loss_d_fake = criterion(output, label)
    loss_d_fake.backward()
    opt_d.step()
    return loss_d_real + loss_d_fake, D_x


for epoch in range(niter):
    for i, (real, _) in enumerate(dataloader):
        real = real.to(device)
        batch_size = real.size(0)
        noise = torch.randn(batch_size, nz, device=device)
        fake = gen(noise)
        loss_d, D_x = discriminator_step(real, fake)
        label = torch.full((batch_size,), 1.0, device=device)

        # (2) Update G: maximize log(D(G(z)))
        gen.zero_grad()
        output = disc(fake)
        loss_g = criterion(output, label)
        loss_g.backward()
        opt_g.step()
        flor.log("loss_g", loss_g.item())

        print('[%d/%d][%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f' % (epoch, niter, i, loss_d.item(), loss_g.item(), D_x))
