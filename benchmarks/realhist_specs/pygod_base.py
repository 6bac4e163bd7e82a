# pygod pygod/detector/base.py (DeepDetector.fit + decision_function; DOMINANT.fit in pygod/models/dominant.py before 0.4), PyPI 0.1.0 .. 1.1.0 (v00 .. v04).
# Round 22, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "pygod_base" / "versions.json").read_text())
OLDER = range(4)
_FIT = {"within": "def fit("}
_DF = {"within": "def decision_function("}


def _o(base, **kw):
    d = dict(base)
    d.update(kw)
    return d


CASE = {
    "name": "pygod_base",
    "title": "pygod training loop across 0.1.0 .. 1.1.0: full-batch DOMINANT.fit (models/dominant.py) -> "
             "NeighborLoader minibatches (G/y_true, decision_scores numpy, node_idx) -> generic "
             "DeepDetector.fit in detector/base.py (data/label, forward_model, self.decision_score_, logger, "
             "gan branch opt_g -> opt_in)",
    "stories": _V,
    "probes": {
        "in_dim": {
            "text": 'flor.log("in_dim", self.in_dim)',
            "intent": "input feature dimension, right after it is recorded at the start of fit",
            "newest": ("after", "self.num_nodes, self.in_dim = data.x.shape"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "DOMINANT.fit never stores self.in_dim (it passes G.x.shape[1] / x.shape[1] straight to "
                      "DOMINANT_Base); a substitute expression is not a rename")) for v in range(3)] +
                [(3, ("after", "self.num_nodes, self.in_dim = data.x.shape", {
                    "note": "0.4.0 records the shape before self.process_graph(data), 1.1.0 after it: the probe "
                            "follows its previous sibling, so it lands before process_graph here"}))]),
        },
        "n_params": {
            "text": 'flor.log("n_params", sum(p.numel() for p in self.model.parameters()))',
            "intent": "parameter count of the model once it is built (and possibly compiled)",
            "newest": ("after", "if self.compile_model:"),
            "versions": dict(
                [(v, ("after", "self.model = DOMINANT_Base(", {
                    "note": "model built directly as DOMINANT_Base(...).to(device), no compile option: after the "
                            "construction, before the optimizer"})) for v in range(3)] +
                [(3, ("after", "if self.compile_model:", {"note": "after the whole compile if, not inside it"}))]),
        },
        "opt_in_lr": {
            "text": 'flor.log("opt_in_lr", self.opt_in.param_groups[0]["lr"])',
            "intent": "learning rate of the inner (generator) optimizer, only in the adversarial (gan) branch",
            "newest": ("after", "optimizer = torch.optim.Adam(self.model.outer.parameters(),"),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "DOMINANT.fit has no adversarial branch and no second optimizer (self.opt_in / self.opt_g)"))
                 for v in range(3)] +
                [(3, ("after", "optimizer = torch.optim.Adam(self.model.discriminator.parameters(),", {
                    "renames": {"self.opt_in": "self.opt_g"},
                    "note": "0.4.0 names the gan optimizers opt_g / discriminator (1.1.0: opt_in / outer): rename, "
                            "inside the else (gan) branch"}))]),
        },
        "lr": {
            "text": 'flor.log("lr", optimizer.param_groups[0]["lr"])',
            "intent": "learning rate at the start of every epoch",
            "newest": ("first_in", "for epoch in range(self.epoch):"),
            "versions": dict(
                [(0, ("first_in", "for epoch in range(self.epoch):", {
                    "alt": [("after", "self.model.train()", {"within": "for epoch in range(self.epoch):"})],
                    "note": "0.1.0 calls self.model.train() as the first statement of each epoch (later moved "
                            "before the loop): either side of it"}))] +
                [(v, ("first_in", "for epoch in range(self.epoch):")) for v in range(1, 4)]),
        },
        "batch_size": {
            "text": 'flor.log("batch_size", batch_size)',
            "intent": "number of target nodes of each minibatch",
            "newest": ("after", "node_idx = sampled_data.n_id", _FIT),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.1.x trains full-batch: no minibatch loop and no batch_size variable"))] +
                [(v, ("after", "node_idx = sampled_data.node_idx", _o(_FIT, note=
                      "node ids were sampled_data.node_idx (set by fit) before 0.4; same statement")))
                 for v in (1, 2)] +
                [(3, ("after", "node_idx = sampled_data.n_id", _FIT))]),
        },
        "loss": {
            "text": 'flor.log("loss", loss.item())',
            "intent": "training loss of each minibatch, right after it is computed",
            "newest": ("after", "loss, score = self.forward_model(sampled_data)", _FIT),
            "versions": dict(
                [(0, ("after", "loss = torch.mean(score)", {
                    "note": "full-batch: the epoch body is the single batch; the loss is computed inline as "
                            "score = self.loss_func(...); loss = torch.mean(score) (forward_model's role)"}))] +
                [(v, ("after", "loss = torch.mean(score)", _o(_FIT, note=
                      "loss computed inline after the score and its write into decision_scores: after the loss, "
                      "before epoch_loss += ..."))) for v in (1, 2)] +
                [(3, ("after", "loss, score = self.forward_model(sampled_data)", _FIT))]),
        },
        "batch_score_mean": {
            "text": 'flor.log("batch_score_mean", float(score.mean()))',
            "intent": "mean outlier score of each minibatch, right after the scores are stored",
            "newest": ("after", "self.decision_score_[node_idx[:batch_size]] = score"),
            "versions": dict(
                [(0, ("after", "loss = torch.mean(score)", {
                    "alt": [("after", "score = self.loss_func(x, x_, adj, adj_)")],
                    "note": "0.1.x stores no per-batch scores (only after the loop); the probe keeps its place "
                            "after the forward/loss computation and before optimizer.zero_grad(); score and loss "
                            "play forward_model's role together, so right after the score is also accepted"}))] +
                [(v, ("after", "decision_scores[node_idx[:batch_size]] = score.detach()", _o(_FIT, note=
                      "the store is a numpy write into the local decision_scores and comes before "
                      "loss/epoch_loss there: the probe follows the store (its previous sibling)")))
                 for v in (1, 2)] +
                [(3, ("after", "self.decision_score_[node_idx[:batch_size]] = score"))]),
        },
        "epoch_loss": {
            "text": 'flor.log("epoch_loss", epoch_loss / data.x.shape[0])',
            "intent": "mean training loss of each epoch, after the minibatch loop and the gan adjustment, "
                      "before the epoch is reported",
            "newest": ("after", "if self.gan:", {"within": "for epoch in range(self.epoch):", "n": 2, "of": 2}),
            "versions": dict(
                [(0, ("na", "missing_dependency", "0.1.x has no epoch_loss accumulator (full-batch loss only)"))] +
                [(v, ("after", "for sampled_data in loader:", _o(_FIT, renames={"data": "G"}, note=
                      "no loss_value / gan block: after the minibatch loop, before the verbose print "
                      "(logger's role); the graph is G")))
                 for v in (1, 2)] +
                [(3, ("after", "if self.gan:", {"within": "for epoch in range(self.epoch):", "n": 2, "of": 2,
                                                 "note": "after the whole if, not inside it"}))]),
        },
        "train_score_max": {
            "text": 'flor.log("train_score_max", float(self.decision_score_.max()))',
            "intent": "largest training outlier score once training has finished",
            "newest": ("after", "for epoch in range(self.epoch):"),
            "versions": dict(
                [(0, ("after", "self.decision_scores_ = score.detach().cpu().numpy()", {
                    "renames": {"self.decision_score_": "self.decision_scores_"},
                    "note": "0.1.x fills self.decision_scores_ only after the loop; before that statement only the "
                            "last epoch's `score` exists (a substitute, not a rename), so only after it"}))] +
                [(v, ("after", "self.decision_scores_ = decision_scores", {
                    "renames": {"self.decision_score_": "self.decision_scores_"},
                    "alt": [("after", "for epoch in range(self.epoch):",
                             {"renames": {"self.decision_score_": "decision_scores"}})],
                    "note": "the scores live in the local decision_scores during training and are copied into "
                            "self.decision_scores_ after the loop (no counterpart in the newest version): either "
                            "side of that copy, with the matching name"})) for v in (1, 2)] +
                [(3, ("after", "for epoch in range(self.epoch):"))]),
        },
        "eval_score_mean": {
            "text": 'flor.log("eval_score_mean", float(outlier_score.mean()))',
            "intent": "mean outlier score computed by decision_function, after all minibatches are scored",
            "newest": ("after", "for sampled_data in loader:", _DF),
            "versions": dict(
                [(0, ("after", "outlier_scores = self.loss_func(x, x_, adj, adj_)", {
                    "renames": {"outlier_score": "outlier_scores"},
                    "note": "full-batch scoring: after the single score computation (a torch tensor here)"}))] +
                [(v, ("after", "for sampled_data in loader:", _o(_DF, renames={"outlier_score": "outlier_scores"})))
                 for v in (1, 2)] +
                [(3, ("after", "for sampled_data in loader:", _DF))]),
        },
    },
}
