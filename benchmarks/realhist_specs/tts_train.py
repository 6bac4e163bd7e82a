# TTS TTS/bin/train_tacotron.py (train + evaluate + main), PyPI 0.0.9 .. 0.0.15.1 (v00 .. v04).
# Round 16, held out: written before the round's fixes, scored before any change made for it.
import json, pathlib
_V = json.loads((pathlib.Path(__file__).parent.parent / "tts_train" / "versions.json").read_text())
OLDER = range(4)
# v00 (0.0.9): argparse + load_config inline under __main__, config global `c`, no model_characters,
#              `if 'best_loss' not in locals():`, no keep_all_best/keep_after.
# v01 (0.0.10.2) / v02 (0.0.11): process_args(); best loss restored by an if/else; keep_* via c.get().
# v03 (0.0.12): black reformatting (multi-line tuple unpacking and calls).
# v04 (0.0.14.1, newest): global `c` renamed `config` (init_training), test-sentence if/else inverted.
_TRAIN = {"within": "def train("}
_EVAL = {"within": "def evaluate("}
_C = {"config": "c"}
CASE = {
    "name": "tts_train",
    "title": "Coqui TTS train_tacotron.py train()/evaluate()/main() across 0.0.9 .. 0.0.15.1 (argparse -> "
             "process_args -> init_training, config global c -> config, best-loss restore if/else, "
             "keep_all_best/keep_after, model_characters, black reformatting, inverted test-sentence if/else)",
    "stories": _V,
    "probes": {
        "grad_norm": {
            "text": 'flor.log("grad_norm", grad_norm)',
            "intent": "gradient norm of the main model on each step, after the (AMP or plain) optimizer step",
            "newest": ("after", "if config.mixed_precision:", _TRAIN),
            "versions": {v: ("after", "if c.mixed_precision:", dict(_TRAIN, note=(
                "after the whole `if c.mixed_precision:` if/else (grad_norm is set in both branches); "
                "the header reads `c.` before 0.0.14; v00 has a second `if c.mixed_precision:` under "
                "__main__, not the one meant"))) for v in OLDER},
        },
        "current_lr": {
            "text": 'flor.log("current_lr", current_lr)',
            "intent": "learning rate on every print step, first thing in the print block",
            "newest": ("first_in", "if global_step % config.print_step == 0:"),
            "versions": {v: ("first_in", "if global_step % c.print_step == 0:") for v in OLDER},
        },
        "eval_align_error": {
            "text": 'flor.log("eval_align_error", align_error)',
            "intent": "alignment error of each evaluation batch, right after it is stored in the eval loss dict",
            "newest": ("after", 'loss_dict["align_error"] = align_error', _EVAL),
            "versions": {v: ("after", "loss_dict['align_error'] = align_error" if v < 3 else
                             'loss_dict["align_error"] = align_error', dict(_EVAL, note=(
                                 "in evaluate()'s batch loop, not the identical statement in train()")))
                         for v in OLDER},
        },
        "ckpt_loss": {
            "text": 'flor.log("ckpt_loss", loss_dict["postnet_loss"])',
            "intent": "postnet loss stored with each periodic checkpoint, right after save_checkpoint (under if checkpoint)",
            "newest": ("after", "save_checkpoint("),
            "versions": {v: ("after", "save_checkpoint(", {"note": (
                "0.0.9 saves without characters=model_characters; same call, inside `if c.checkpoint:`"
                if v == 0 else "inside `if c.checkpoint:`; the call is reformatted in 0.0.12")}) for v in OLDER},
        },
        "n_test_sentences": {
            "text": 'flor.log("n_test_sentences", len(test_sentences))',
            "intent": "number of test sentences synthesised at the end of evaluate(), once they are chosen",
            "newest": ("after", "if config.test_sentences_file:"),
            "versions": {v: ("after", "if c.test_sentences_file is None:", {"note": (
                "before 0.0.14 the if/else is inverted (`if c.test_sentences_file is None:` default list, "
                "else read the file); same statement: after the whole if/else, not in either branch")})
                for v in OLDER},
        },
        "num_chars": {
            "text": 'flor.log("num_chars", num_chars)',
            "intent": "size of the model's input alphabet, once the model characters are chosen in main()",
            "newest": ("after", "model_characters = phonemes if config.use_phonemes else symbols"),
            "versions": dict(
                [(0, ("after", "num_chars = len(phonemes) if c.use_phonemes else len(symbols)", {
                    "note": "0.0.9 has no model_characters (the previous sibling); the place keeps its position "
                            "relative to the statements that exist: after num_chars, before load_meta_data"}))] +
                [(v, ("after", "model_characters = phonemes if c.use_phonemes else symbols")) for v in (1, 2, 3)]),
        },
        "best_loss": {
            "text": 'flor.log("best_loss", best_loss)',
            "intent": "best loss training starts from (inf or restored), after it is initialised in main()",
            "newest": ("after", "if args.restore_step == 0 or not args.best_path:"),
            "versions": dict(
                [(0, ("after", "if 'best_loss' not in locals():", {
                    "note": "0.0.9 initialises best_loss with a bare `if 'best_loss' not in locals():` (no restore "
                            "from best_path): the statement that plays the role of the newest if/else; after it, "
                            "not inside"}))] +
                [(v, ("after", "if args.restore_step == 0 or not args.best_path:", {
                    "note": "after the whole if/else"})) for v in (1, 2, 3)]),
        },
        "keep_after": {
            "text": 'flor.log("keep_after", keep_after)',
            "intent": "step after which all best models are kept, right after it is read from the config",
            "newest": ("after", "keep_after = config.keep_after"),
            "versions": dict(
                [(0, ("na", "missing_dependency",
                      "0.0.9 has no keep_all_best/keep_after (save_best_model keeps only the last best model)",
                      {"scope": "main"}))] +
                [(v, ("after", "keep_after = c.get(", {
                    "note": "read with c.get('keep_after', 10000) before 0.0.14; same statement"})) for v in (1, 2, 3)]),
        },
        "r": {
            "text": 'flor.log("r", config.r)',
            "intent": "reduction factor used for the epoch, after gradual training may have changed it",
            "newest": ("after", "if config.gradual_training is not None:"),
            "versions": {v: ("after", "if c.gradual_training is not None:", {
                "renames": _C,
                "note": "global config `config` is `c` before 0.0.14; after the whole gradual-training if"})
                for v in OLDER},
        },
        "target_loss": {
            "text": 'flor.log("target_loss", target_loss)',
            "intent": "loss used to pick the best model each epoch (train or eval), after the run_eval override",
            "newest": ("after", "if config.run_eval:"),
            "versions": {v: ("after", "if c.run_eval:", {"note": "after the `if c.run_eval:` override, not inside"})
                         for v in OLDER},
        },
    },
}
