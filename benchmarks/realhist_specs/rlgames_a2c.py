# rl-games common/a2c_common.py (ContinuousA2CBase.train_epoch / train), PyPI 1.0.1 .. 1.6.5 (v00 .. v06).
# Round 6, held out: written and scored after all of the round's fixes, before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "rlgames_a2c" / "versions.json").read_text())
_C2 = {"n": 2, "of": 2, "note": "the continuous-action class, after its discrete twin"}
CASE = {
    "name": "rlgames_a2c",
    "title": "rl-games A2C/PPO base across 1.0.1 .. 1.6.5 (horovod -> torch.distributed, step time returned, "
             "frames counted per agent and per rank)",
    "stories": _V,
    "probes": {
        "a_loss": {
            "text": 'flor.log("a_loss", a_loss.item())',
            "intent": "actor loss of each minibatch (continuous actions)",
            "newest": ("after", "a_losses.append(a_loss)", _C2),
            "versions": {v: ("after", "a_losses.append(a_loss)", _C2) for v in range(6)},
        },
        "kl": {
            "text": 'flor.log("kl", av_kls.item())',
            "intent": "mean KL divergence of each mini-epoch (continuous actions)",
            "newest": ("after", "av_kls = torch_ext.mean_list(ep_kls)", _C2),
            "versions": {v: ("after", "av_kls = torch_ext.mean_list(ep_kls)", _C2) for v in range(6)},
        },
        "lr": {
            "text": 'flor.log("lr", self.last_lr)',
            "intent": "learning rate after the per-mini-epoch adaptive schedule updates it",
            "newest": ("after", "self.update_lr(self.last_lr)", {"within": "== 'standard':"}),
            "versions": {v: ("after", "self.update_lr(self.last_lr)", {"within": "== 'standard':"}) for v in range(6)},
        },
        "frame": {
            "text": 'flor.log("frame", frame)',
            "intent": "frame count at the start of each epoch's report",
            "newest": ("after", "frame = self.frame", _C2),
            "versions": {v: ("after", "frame = self.frame", _C2) for v in range(6)},
        },
        "curr_frames": {
            "text": 'flor.log("curr_frames", curr_frames)',
            "intent": "frames played in the epoch (rank 0)",
            "newest": ("after", "curr_frames = self.curr_frames", _C2),
            "versions": {v: ("after", "curr_frames = self.curr_frames", _C2) for v in range(6)},
        },
        "mean_reward": {
            "text": 'flor.log("mean_reward", mean_rewards[0])',
            "intent": "mean game reward of each epoch, once some game finished",
            "newest": ("after", "mean_rewards = self.game_rewards.get_mean()", _C2),
            "versions": {v: ("after", "mean_rewards = self.game_rewards.get_mean()", _C2) for v in range(6)},
        },
        "step_time": {
            "text": 'flor.log("step_time", step_time)',
            "intent": "time spent stepping the environments in each epoch",
            "newest": ("after", "step_time, play_time, update_time, sum_time,", _C2),
            "versions": dict([(0, ("na", "missing_dependency", "1.0.1's train_epoch does not return the step time"))] +
                             [(v, ("after", "step_time, play_time, update_time, sum_time,", _C2)) for v in range(1, 6)]),
        },
    },
}
