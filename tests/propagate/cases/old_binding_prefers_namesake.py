# case: the old gp = gradient_penalty(...) is not the first line of today's inline penalty, scaled_gradients = torch_grad(...), while today's gp = ... deeper in it has no counterpart: the name's binding pairs with the name's
# === new
import flor
import torch
from torch.autograd import grad as torch_grad


class Trainer:
    def train(self, image_batch, apply_gradient_penalty):
        real_output = self.GAN.D(image_batch)
        fake_output = self.GAN.D(self.GAN.G(self.latents()))
        disc_loss = (torch.relu(1 + real_output) + torch.relu(1 - fake_output)).mean()

        if apply_gradient_penalty:
            outputs = [real_output]
            scaled_gradients = torch_grad(outputs=outputs, inputs=image_batch,
                                          grad_outputs=[torch.ones_like(t) for t in outputs],
                                          create_graph=True, retain_graph=True, only_inputs=True)[0]
            inv_scale = 1. / self.D_scaler.get_scale() if self.amp else 1.
            if inv_scale != float("inf"):
                gradients = scaled_gradients * inv_scale
                gradients = gradients.reshape(image_batch.shape[0], -1)
                gp = self.gp_weight * ((gradients.norm(2, dim=1) - 1) ** 2).mean()
                if not torch.isnan(gp):
                    disc_loss = disc_loss + gp
                    self.last_gp_loss = gp.clone().detach().item()
                    flor.log("gp", gp.item())

        disc_loss.backward()
        self.GAN.D_opt.step()
# === old
import torch
from torch.autograd import grad as torch_grad


def gradient_penalty(images, outputs, weight=10):
    gradients = torch_grad(outputs=outputs, inputs=images,
                           grad_outputs=[torch.ones_like(t) for t in outputs],
                           create_graph=True, retain_graph=True, only_inputs=True)[0]
    gradients = gradients.reshape(images.shape[0], -1)
    return weight * ((gradients.norm(2, dim=1) - 1) ** 2).mean()


class Trainer:
    def train(self, image_batch, apply_gradient_penalty):
        real_output = self.GAN.D(image_batch)
        fake_output = self.GAN.D(self.GAN.G(self.latents()))
        disc_loss = (torch.relu(1 + real_output) + torch.relu(1 - fake_output)).mean()

        if apply_gradient_penalty:
            gp = gradient_penalty(image_batch, (real_output,))
            self.last_gp_loss = gp.clone().detach().item()
            disc_loss = disc_loss + gp

        disc_loss.backward()
        self.GAN.D_opt.step()
# === expected
import flor
import torch
from torch.autograd import grad as torch_grad


def gradient_penalty(images, outputs, weight=10):
    gradients = torch_grad(outputs=outputs, inputs=images,
                           grad_outputs=[torch.ones_like(t) for t in outputs],
                           create_graph=True, retain_graph=True, only_inputs=True)[0]
    gradients = gradients.reshape(images.shape[0], -1)
    return weight * ((gradients.norm(2, dim=1) - 1) ** 2).mean()


class Trainer:
    def train(self, image_batch, apply_gradient_penalty):
        real_output = self.GAN.D(image_batch)
        fake_output = self.GAN.D(self.GAN.G(self.latents()))
        disc_loss = (torch.relu(1 + real_output) + torch.relu(1 - fake_output)).mean()

        if apply_gradient_penalty:
            gp = gradient_penalty(image_batch, (real_output,))
            self.last_gp_loss = gp.clone().detach().item()
            flor.log("gp", gp.item())
            disc_loss = disc_loss + gp

        disc_loss.backward()
        self.GAN.D_opt.step()
# === diagnostics
placed gp at Trainer/train/if/stmt:2
