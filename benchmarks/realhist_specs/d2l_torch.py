# d2l/torch.py (the book's utility module: many similar training functions), PyPI d2l 0.14.4 .. 1.0.3 (v00 .. v06).
# Written after the second round of fixes, scored before any change made for it (a held-out check).
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "d2l_torch" / "versions.json").read_text())
ALL = range(6)
CH6 = {"within": "def train_ch6("}
CASE = {
    "name": "d2l_torch",
    "title": "d2l torch.py across 0.14.4 .. 1.0.3: 1,400-3,500 lines, a dozen look-alike training loops, functions moved and renamed",
    "stories": _V,
    "probes": {
        "ch6_train_loss": {
            "text": 'flor.log("ch6_train_loss", train_l)',
            "intent": "running training loss of train_ch6, every batch",
            "newest": ("after", "train_l = metric[0] / metric[2]", CH6),
            "versions": dict(
                [(0, ("after", "train_loss = metric[0]/metric[2]", dict(CH6, renames={"train_l": "train_loss"})))] +
                [(1, ("after", "train_l = metric[0]/metric[2]", CH6))] +
                [(v, ("after", "train_l = metric[0] / metric[2]", CH6)) for v in range(2, 6)]),
        },
        "ch6_test_acc": {
            "text": 'flor.log("ch6_test_acc", test_acc)',
            "intent": "test accuracy of train_ch6, every epoch",
            "newest": ("after", "test_acc = evaluate_accuracy_gpu(net, test_iter)", CH6),
            "versions": {v: ("after", "test_acc = evaluate_accuracy_gpu(net, test_iter)", CH6) for v in ALL},
        },
        "ch6_loss": {
            "text": 'flor.log("ch6_loss", l.item())',
            "intent": "batch loss of train_ch6 after backward (l.backward() is in many functions)",
            "newest": ("after", "l.backward()", CH6),
            "versions": {v: ("after", "l.backward()", CH6) for v in ALL},
        },
        "s2s_loss": {
            "text": 'flor.log("s2s_loss", l.sum().item())',
            "intent": "summed seq2seq loss after backward (train_s2s_ch9 renamed train_seq2seq in 0.16)",
            "newest": ("after", "l.sum().backward()", {"within": "def train_seq2seq("}),
            "versions": dict(
                [(v, ("after", "l.sum().backward()", {"within": "def train_s2s_ch9("})) for v in (0, 1)] +
                [(v, ("after", "l.sum().backward()", {"within": "def train_seq2seq("})) for v in range(2, 6)]),
        },
        "ch13_test_acc": {
            "text": 'flor.log("ch13_test_acc", test_acc)',
            "intent": "test accuracy of the multi-GPU train_ch13 (added in 0.16)",
            "newest": ("after", "test_acc = d2l.evaluate_accuracy_gpu(net, test_iter)", {"within": "def train_ch13("}),
            "versions": dict(
                [(v, ("na", "no_anchor", "no train_ch13 before 0.16")) for v in (0, 1)] +
                [(v, ("after", "test_acc = d2l.evaluate_accuracy_gpu(net, test_iter)", {"within": "def train_ch13("}))
                 for v in range(2, 6)]),
        },
    },
}
