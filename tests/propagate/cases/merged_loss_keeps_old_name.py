# case: today's loss merges an averaged and a general loss; the old loss, the counterpart of today's general loss, is the earlier form of the value under its name
# === new
import flor
import torch


class DeepDaze(torch.nn.Module):
    def forward(self, text_embed, image_pieces):
        image_embed = self.perceptor.encode_image(image_pieces)
        self.num_batches_processed += self.batch_size
        avg_image_embed = image_embed.mean(dim=0).unsqueeze(0)
        averaged_loss = -self.loss_coef * torch.cosine_similarity(text_embed, avg_image_embed, dim=-1).mean()
        general_loss = -self.loss_coef * torch.cosine_similarity(text_embed, image_embed, dim=-1).mean()
        loss = averaged_loss * self.averaging_weight + general_loss * (1 - self.averaging_weight)
        flor.log("clip_loss", loss.item())
        return loss
# === old
import torch


class DeepDaze(torch.nn.Module):
    def forward(self, text_embed, image):
        image_embed = self.perceptor.encode_image(image)
        self.num_batches_processed += self.batch_size
        loss = -self.loss_coef * torch.cosine_similarity(text_embed, image_embed, dim=-1).mean()
        return loss
# === expected
import flor
import torch


class DeepDaze(torch.nn.Module):
    def forward(self, text_embed, image):
        image_embed = self.perceptor.encode_image(image)
        self.num_batches_processed += self.batch_size
        loss = -self.loss_coef * torch.cosine_similarity(text_embed, image_embed, dim=-1).mean()
        flor.log("clip_loss", loss.item())
        return loss
# === diagnostics
placed clip_loss at DeepDaze/forward/stmt:3
