# case: no-op twin of merged_loss_keeps_old_name
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
import flor


import torch


class DeepDaze(torch.nn.Module):
    def forward(self, text_embed, image):
        image_embed = self.perceptor.encode_image(image)
        self.num_batches_processed += self.batch_size
        loss = -self.loss_coef * torch.cosine_similarity(text_embed, image_embed, dim=-1).mean()
        flor.log("clip_loss", loss.item())
        return loss
# === expected
<unchanged>
# === diagnostics
present clip_loss
