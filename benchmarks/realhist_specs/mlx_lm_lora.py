# mlx-lm mlx_lm/lora.py (run() / train_model() / evaluate_model()), PyPI mlx-lm 0.0.14 .. 0.32.2 (v00 .. v11).
# Round 9, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "mlx_lm_lora" / "versions.json").read_text())
ALL = range(11)
_TRAIN_FN = "in train_model() from 0.16.0 (v04); before that inline in run()"
CASE = {
    "name": "mlx_lm_lora",
    "title": "mlx-lm LoRA fine-tuning script across 0.0.14 .. 0.32.2 (inline run() -> train_model()/evaluate_model(), "
             "adapter file -> adapter path, lora_layers -> num_layers, optimizer choice, test progress bar)",
    "stories": _V,
    "probes": {
        "seed": {
            "text": 'flor.log("seed", args.seed)',
            "intent": "PRNG seed of the run, right after numpy is seeded at the start of run()",
            "newest": ("after", "np.random.seed(args.seed)"),
            "versions": {v: ("after", "np.random.seed(args.seed)") for v in ALL},
        },
        "train_size": {
            "text": 'flor.log("train_size", len(train_set))',
            "intent": "number of training examples, once the datasets are loaded",
            "newest": ("after", "train_set, valid_set, test_set = load_dataset("),
            "versions": {v: ("after", "train_set, valid_set, test_set = load_dataset(", {
                "note": "0.0.14 calls load_dataset(args) without the tokenizer; same statement"} if v == 0 else {})
                for v in ALL},
        },
        "num_layers": {
            "text": 'flor.log("num_layers", args.num_layers)',
            "intent": "number of layers fine-tuned, right after the trainable parameters are reported "
                      "(model frozen and converted)",
            "newest": ("after", "print_trainable_parameters(model)"),
            "versions": dict(
                [(0, ("after", 'print(f"Trainable parameters', {
                    "renames": {"args.num_layers": "args.lora_layers"},
                    "note": "0.0.14 prints total and trainable parameter counts inline; the trainable print "
                            "plays the role of print_trainable_parameters(model); option --lora-layers "
                            "(renamed --num-layers in 0.19.0)"}))] +
                [(v, ("after", "print_trainable_parameters(model)", {
                    "renames": {"args.num_layers": "args.lora_layers"},
                    "note": "unconditional in run(): no train/test split of the setup yet"}))
                 for v in (1, 2)] +
                [(3, ("after", "print_trainable_parameters(model)", {
                    "renames": {"args.num_layers": "args.lora_layers"},
                    "note": "inside the else branch of `if args.test and not args.train:` (the training path), "
                            "which is where the newest train_model() runs"}))] +
                [(4, ("after", "print_trainable_parameters(model)", {
                    "renames": {"args.num_layers": "args.lora_layers"}}))] +
                [(v, ("after", "print_trainable_parameters(model)")) for v in range(5, 11)]),
        },
        "adapter_file": {
            "text": 'flor.log("adapter_file", str(adapter_file))',
            "intent": "path of the adapter weights file the training will write, once it is computed",
            "newest": ("after", "adapter_file = adapter_path / "),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "before 0.8.0 there is no adapter_path/adapter_file variable: the file is only the CLI "
                      "string args.adapter_file (adapters.npz), never computed; substituting an args attribute "
                      "for a computed local is not a rename", {"scope": "run"})) for v in (0, 1)] +
                [(2, ("after", "adapter_file = adapter_path / ", {
                    "note": "computed unconditionally in run() after mkdir and save_config (also used to load "
                            "the weights for testing)"}))] +
                [(3, ("after", "adapter_file = adapter_path / ", {
                    "note": "computed unconditionally before the test-only/training if-else; inside the else "
                            "(training) branch after mkdir, keeping the newest's training-only condition and "
                            "its mkdir -> probe -> save_config order, is also accepted",
                    "alt": [("after", "adapter_path.mkdir(")]}))] +
                [(v, ("after", "adapter_file = adapter_path / ")) for v in range(4, 11)]),
        },
        "lr": {
            "text": 'flor.log("lr", opt.learning_rate.item())',
            "intent": "initial learning rate of the optimizer, once it is built (training path only)",
            "newest": ("after", "opt = "),
            "versions": dict(
                [(v, ("after", "opt = ", {
                    "note": "optim.Adam built inside `if args.train:` in run() (the newest builds it in "
                            "train_model(), called only under `elif args.train:`)"})) for v in range(4)] +
                [(v, ("after", "opt = ", {"note": "optim.Adam, no optimizer choice yet"})) for v in (4, 5, 6)] +
                [(v, ("after", "opt = ")) for v in range(7, 11)]),
        },
        "optimizer": {
            "text": 'flor.log("optimizer", opt_class.__name__)',
            "intent": "optimizer class chosen, right after the if/elif chain over optimizer names",
            "newest": ("after", 'if optimizer_name == "adam":'),
            "versions": dict(
                [(v, ("na", "missing_dependency",
                      "optimizer choice (opt_class) arrives in 0.24.0; before it Adam is hard-coded",
                      {"scope": "run" if v < 4 else "train_model"})) for v in range(7)] +
                [(v, ("after", 'if optimizer_name == "adam":', {
                    "note": "after the whole if/elif/else chain, not inside its last branch"})) for v in range(7, 11)]),
        },
        "test_loss": {
            "text": 'flor.log("test_loss", test_loss)',
            "intent": "test loss of the final evaluation, after the progress bar is closed",
            "newest": ("after", "if pbar is not None:"),
            "versions": dict(
                [(v, ("after", "test_loss = evaluate(", {
                    "note": "no progress bar before 0.32.2: the probe follows the evaluation itself "
                            "(inside `if args.test:` in run() before 0.16.0)"})) for v in range(4)] +
                [(v, ("after", "test_loss = evaluate(", {
                    "note": "no progress bar before 0.32.2: the probe follows the evaluation itself"}))
                 for v in range(4, 11)]),
        },
        "test_ppl": {
            "text": 'flor.log("test_ppl", test_ppl)',
            "intent": "test perplexity of the final evaluation",
            "newest": ("after", "test_ppl = math.exp(test_loss)"),
            "versions": {v: ("after", "test_ppl = math.exp(test_loss)") for v in ALL},
        },
    },
}
