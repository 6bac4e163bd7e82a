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


netG = Generator()
netD = Discriminator()
if torch.cuda.is_available():
    netG.cuda()
    netD.cuda()
criterion = nn.BCELoss()
optimizerD = optim.Adam(netD.parameters(), lr=lr, betas=(0.5, 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=lr, betas=(0.5, 0.999))

for epoch in range(niter):
    for i, (real, _) in enumerate(dataloader):
        # (1) Update D: maximize log(D(x)) + log(1 - D(G(z)))
        netD.zero_grad()
        batch_size = real.size(0)
        label = torch.full((batch_size,), 1.0)
        output = netD(real.view(batch_size, -1))
        errD_real = criterion(output, label)
        errD_real.backward()
        D_x = output.mean().item()

        noise = torch.randn(batch_size, nz)
        fake = netG(noise)
        label.fill_(0.0)
        output = netD(fake.detach())
        errD_fake = criterion(output, label)
        errD_fake.backward()
        errD = errD_real + errD_fake
        optimizerD.step()

        # (2) Update G: maximize log(D(G(z)))
        netG.zero_grad()
        label.fill_(1.0)
        output = netD(fake)
        errG = criterion(output, label)
        errG.backward()
        optimizerG.step()

        print('[%d/%d][%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f' % (epoch, niter, i, errD.item(), errG.item(), D_x))
