"""Rebuild the real-history evaluation of log-statement propagation (outside the repository).

    python benchmarks/_realhist.py OUT --tools ../shared/corpus/propagation [--downloads DIR]
    python benchmarks/propagate.py accuracy OUT

The evaluation is a corpus in the development corpus's format (OUT/<case>/vNN.py, probes,
expect.json, scored by the corpus's own check.py), built from the release history of training
code published on PyPI: for each case below, one file of every listed release, oldest first,
consecutive identical contents merged. Nothing of that code is in this repository: this script
downloads the distributions with pip (wheels, or sdists where a release has no wheel), takes
the one file out of each, and builds the probes and their ground truth from the hand-written
specs in benchmarks/realhist_specs/ with the development corpus's build.py (copied into OUT,
as is check.py). A spec names, for every probe and every older version, the statement the probe
goes after (a short anchor: the first characters of that statement), or "n/a" with the reason;
docs/benchmarks.md says how those were decided.

Releases that pip cannot fetch or build metadata for on this machine are skipped with a
message; the specs then no longer line up with the versions and build.py says so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPECS = HERE / "realhist_specs"

# case -> (distribution, paths of the file inside it, first match wins; releases)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "yolov5_train": ("yolov5", ("yolov5/train.py",),
                     ("4.0.3", "5.0.0", "5.0.5", "6.0.1", "6.0.7", "6.1.0", "6.1.9", "6.2.0", "6.2.3", "7.0.0",
                      "7.0.5", "7.0.14")),
    "torchtune_full": ("torchtune", ("recipes/full_finetune_single_device.py",),
                       ("0.1.0", "0.1.1", "0.2.0", "0.2.1", "0.3.0", "0.3.1", "0.4.0", "0.5.0", "0.6.0", "0.6.1")),
    "torchtune_lora": ("torchtune", ("recipes/lora_finetune_single_device.py",),
                       ("0.1.0", "0.1.1", "0.2.0", "0.2.1", "0.3.0", "0.3.1", "0.4.0", "0.5.0", "0.6.0", "0.6.1")),
    "sb3_ppo": ("stable-baselines3", ("stable_baselines3/ppo/ppo.py",),
                ("0.6.0", "0.8.0", "0.10.0", "0.11.1", "1.0", "1.3.0", "1.6.0", "1.8.0", "2.0.0", "2.2.1", "2.4.0",
                 "2.6.0", "2.9.2")),
    "sb3_onpolicy": ("stable-baselines3", ("stable_baselines3/common/on_policy_algorithm.py",),
                     ("0.8.0", "0.10.0", "0.11.1", "1.0", "1.3.0", "1.6.0", "1.8.0", "2.0.0", "2.2.1", "2.4.0",
                      "2.6.0", "2.9.2")),
    "sb3_dqn": ("stable-baselines3", ("stable_baselines3/dqn/dqn.py",),
                ("0.8.0", "0.10.0", "0.11.1", "1.0", "1.3.0", "1.6.0", "1.8.0", "2.0.0", "2.2.1", "2.4.0", "2.6.0",
                 "2.9.2")),
    "flair_trainer": ("flair", ("flair/trainers/trainer.py",),
                      ("0.4.0", "0.4.5", "0.5", "0.6.1", "0.7", "0.8", "0.9", "0.10", "0.11", "0.12", "0.13.0",
                       "0.14.0", "0.15.1")),
    "allennlp_trainer": ("allennlp", ("allennlp/training/gradient_descent_trainer.py", "allennlp/training/trainer.py"),
                         ("0.9.0", "1.0.0", "1.2.0", "1.5.0", "2.0.0", "2.5.0", "2.10.1")),
    "ultralytics_trainer": ("ultralytics", ("ultralytics/engine/trainer.py", "ultralytics/yolo/engine/trainer.py"),
                            ("8.0.0", "8.0.50", "8.0.100", "8.0.200", "8.1.0", "8.2.0", "8.3.0", "8.3.100",
                             "8.4.190")),
    "fairseq_train": ("fairseq", ("fairseq_cli/train.py",),
                      ("0.6.1", "0.7.2", "0.8.0", "0.9.0", "0.10.0", "0.12.2")),
    "d2l_torch": ("d2l", ("d2l/torch.py",),
                  ("0.14.4", "0.15.1", "0.16.0", "0.16.6", "0.17.0", "0.17.6", "1.0.0", "1.0.3")),
    "st_fit": ("sentence-transformers", ("sentence_transformers/SentenceTransformer.py",),
               ("0.3.0", "0.3.9", "0.4.1", "1.0.0", "1.2.0", "2.0.0", "2.2.2")),
    "tabnet": ("pytorch-tabnet", ("pytorch_tabnet/abstract_model.py",), ("2.0.1", "3.0.0", "3.1.1", "4.0", "4.1.0")),
    "skorch_net": ("skorch", ("skorch/net.py",), ("0.2.0", "0.4.0", "0.6.0", "0.8.0", "0.10.0", "0.13.0", "1.0.0", "1.4.0")),
    "pykeen_loop": ("pykeen", ("pykeen/training/training_loop.py",),
                    ("1.0.0", "1.2.0", "1.4.0", "1.6.0", "1.8.0", "1.9.0", "1.10.0", "1.11.1")),
    "speechbrain_core": ("speechbrain", ("speechbrain/core.py",),
                         ("0.5.4", "0.5.7", "0.5.10", "0.5.13", "0.5.16", "1.0.0", "1.0.3", "1.1.2")),
    "ignite_engine": ("pytorch-ignite", ("ignite/engine/__init__.py",),
                      ("0.1.2", "0.2.1", "0.3.0", "0.4.1", "0.4.4", "0.4.7", "0.4.10", "0.4.13", "0.5.1", "0.5.5")),
    "pml_trainer": ("pytorch-metric-learning", ("pytorch_metric_learning/trainers/base_trainer.py",),
                    ("0.9.60", "0.9.75", "0.9.85", "0.9.95", "1.0.0", "1.3.0", "1.6.0", "2.0.0", "2.5.0", "2.9.0")),
    "hf_trainer": ("transformers", ("transformers/trainer.py",),
                   ("2.11.0", "3.0.2", "3.5.1", "4.0.0", "4.5.1", "4.10.3", "4.20.1", "4.30.2", "4.40.2", "4.46.3")),
    "widedeep_trainer": ("pytorch-widedeep", ("pytorch_widedeep/training/trainer.py", "pytorch_widedeep/models/wide_deep.py"),
                         ("0.4.5", "0.4.8", "1.0.0", "1.0.10", "1.1.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0", "1.7.0")),
    "deepchem_torch": ("deepchem", ("deepchem/models/torch_models/torch_model.py",), ("2.4.0", "2.5.0", "2.8.0")),
    "tqc_train": ("sb3-contrib", ("sb3_contrib/tqc/tqc.py",),
                  ("0.10.0", "0.11.1", "1.0", "1.3.0", "1.6.0", "1.8.0", "2.0.0", "2.3.0", "2.6.0", "2.9.2")),
    "espnet2_trainer": ("espnet", ("espnet2/train/trainer.py",),
                        ("0.8.0", "0.9.0", "0.9.5", "0.9.10", "0.10.0", "0.10.6", "202204", "202211", "202308", "202412",
                         "202511")),
    "tianshou_offpolicy": ("tianshou", ("tianshou/trainer/offpolicy.py",),
                           ("0.2.0", "0.2.4", "0.2.7", "0.3.0", "0.3.2", "0.4.0", "0.4.4")),
    "sb2_ppo2": ("stable-baselines", ("stable_baselines/ppo2/ppo2.py",),
                 ("2.0.0", "2.2.1", "2.4.1", "2.5.1", "2.6.0", "2.8.0", "2.9.0", "2.10.2")),
    "neuralprophet_fc": ("neuralprophet", ("neuralprophet/forecaster.py",), ("0.2.5", "0.2.7", "0.3.0", "0.3.2", "0.4.1", "0.4.2")),
    "mmengine_loops": ("mmengine", ("mmengine/runner/loops.py",),
                       ("0.1.0", "0.3.0", "0.5.0", "0.7.0", "0.8.0", "0.9.0", "0.10.0", "0.10.7")),
    "rlgames_a2c": ("rl-games", ("rl_games/common/a2c_common.py",),
                    ("1.0.1", "1.1.0", "1.1.4", "1.3.0", "1.4.0", "1.5.2", "1.6.5")),
    "trl_ppo": ("trl", ("trl/trainer/ppo_trainer.py",),
                ("0.4.1", "0.4.7", "0.5.0", "0.7.1", "0.7.11", "0.8.6", "0.9.6", "0.11.4")),
    "sb2_sac": ("stable-baselines", ("stable_baselines/sac/sac.py",),
                ("2.4.1", "2.5.1", "2.6.0", "2.8.0", "2.9.0", "2.10.2")),
    "litgpt_pretrain": ("litgpt", ("litgpt/pretrain.py",),
                        ("0.2.0", "0.3.0", "0.3.1", "0.4.0", "0.4.5", "0.4.10", "0.5.0", "0.5.4", "0.5.8", "0.5.13")),
    "litgpt_lora": ("litgpt", ("litgpt/finetune/lora.py",),
                    ("0.2.0", "0.3.0", "0.3.1", "0.4.0", "0.4.5", "0.4.10", "0.5.0", "0.5.4", "0.5.8", "0.5.13")),
    "openclip_train": ("open-clip-torch", ("open_clip_train/train.py", "training/train.py"),
                       ("2.7.0", "2.9.3", "2.11.1", "2.13.0", "2.16.0", "2.18.0", "2.20.0", "2.22.0", "2.23.0",
                        "2.24.0", "2.26.1", "2.29.0", "2.31.0", "3.1.0", "3.3.0")),
    "ddpm_trainer": ("denoising-diffusion-pytorch", ("denoising_diffusion_pytorch/denoising_diffusion_pytorch.py",),
                     ("0.7.0", "0.10.0", "0.20.0", "0.27.0", "1.0.0", "1.5.0", "1.9.0", "2.0.0", "2.1.0", "2.3.4")),
    "st_classification": ("simpletransformers", ("simpletransformers/classification/classification_model.py",),
                          ("0.30.0", "0.40.0", "0.48.0", "0.50.0", "0.60.4", "0.61.0", "0.63.0", "0.64.3", "0.70.1")),
    "poutyne_model": ("poutyne", ("poutyne/framework/model.py",),
                      ("0.5", "0.6", "0.7.2", "0.8.2", "1.0.0", "1.3", "1.6", "1.9", "1.12", "1.15", "1.17.4", "1.19.0")),
    "skrl_ppo": ("skrl", ("skrl/agents/torch/ppo/ppo.py",),
                 ("0.7.0", "0.8.0", "0.9.0", "0.10.0", "1.0.0", "1.1.0", "1.3.0", "1.4.3", "2.1.1")),
    "accelerated_trainer": ("pytorch-accelerated", ("pytorch_accelerated/trainer.py",),
                            ("0.1.2", "0.1.9", "0.1.25", "0.1.35", "0.1.45", "0.1.55", "0.1.61")),
    "mlx_lm_trainer": ("mlx-lm", ("mlx_lm/tuner/trainer.py",),
                       ("0.0.14", "0.4.0", "0.8.0", "0.12.0", "0.16.0", "0.19.0", "0.21.0", "0.24.0", "0.26.0", "0.28.0",
                        "0.30.0", "0.32.2")),
    "mlx_lm_lora": ("mlx-lm", ("mlx_lm/lora.py",),
                    ("0.0.14", "0.4.0", "0.8.0", "0.12.0", "0.16.0", "0.19.0", "0.21.0", "0.24.0", "0.26.0", "0.28.0",
                     "0.30.0", "0.32.2")),
    "keras_torch_trainer": ("keras", ("keras/src/backend/torch/trainer.py",),
                            ("3.0.0", "3.1.0", "3.3.3", "3.5.0", "3.7.0", "3.9.0", "3.11.0", "3.13.0", "3.15.1")),
    "fastai_learner": ("fastai", ("fastai/learner.py",),
                       ("2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4", "2.5.0", "2.6.0", "2.7.0", "2.7.10", "2.7.19",
                        "2.8.12")),
    "sb3_sac": ("stable-baselines3", ("stable_baselines3/sac/sac.py",),
                ("0.8.0", "0.10.0", "0.11.1", "1.0", "1.3.0", "1.6.0", "1.8.0", "2.0.0", "2.2.1", "2.4.0", "2.6.0",
                 "2.9.2")),
    "tianshou_onpolicy": ("tianshou", ("tianshou/trainer/onpolicy.py",),
                          ("0.2.0", "0.2.4", "0.2.7", "0.3.0", "0.3.2", "0.4.0", "0.4.4")),
    "d3rlpy_qlearning": ("d3rlpy", ("d3rlpy/algos/qlearning/base.py",), ("2.0.4", "2.2.0", "2.4.0", "2.6.0", "2.8.1")),
    "flair_lm_trainer": ("flair", ("flair/trainers/language_model_trainer.py",),
                         ("0.4.0", "0.4.5", "0.5", "0.6.1", "0.7", "0.8", "0.9", "0.10", "0.11", "0.12", "0.13.0",
                          "0.14.0", "0.15.1")),
    "st_cross_encoder": ("sentence-transformers", ("sentence_transformers/cross_encoder/CrossEncoder.py",),
                         ("0.3.9", "0.4.1", "1.0.0", "1.2.0", "2.0.0", "2.2.2")),
    "rlgames_continuous": ("rl-games", ("rl_games/algos_torch/a2c_continuous.py",),
                           ("1.0.1", "1.1.0", "1.1.4", "1.3.0", "1.4.0", "1.5.2", "1.6.5")),
    "fairseq_trainer": ("fairseq", ("fairseq/trainer.py",), ("0.6.1", "0.7.2", "0.8.0", "0.9.0", "0.10.0", "0.12.2")),
    "sb3_offpolicy": ("stable-baselines3", ("stable_baselines3/common/off_policy_algorithm.py",),
                      ("0.8.0", "0.10.0", "0.11.1", "1.0", "1.3.0", "1.6.0", "1.8.0", "2.0.0", "2.2.1", "2.4.0", "2.6.0",
                       "2.9.2")),
    "ppo_recurrent": ("sb3-contrib", ("sb3_contrib/ppo_recurrent/ppo_recurrent.py",),
                      ("1.6.0", "1.8.0", "2.0.0", "2.3.0", "2.6.0", "2.9.2")),
    "ignite_engine_run": ("pytorch-ignite", ("ignite/engine/engine.py",),
                          ("0.1.2", "0.2.1", "0.3.0", "0.4.1", "0.4.4", "0.4.7", "0.4.10", "0.4.13", "0.5.1", "0.5.5")),
    "torchtune_full_distributed": ("torchtune", ("recipes/full_finetune_distributed.py",),
                                   ("0.1.0", "0.1.1", "0.2.0", "0.2.1", "0.3.0", "0.3.1", "0.4.0", "0.5.0", "0.6.0",
                                    "0.6.1")),
    "deepctr_fit": ("deepctr-torch", ("deepctr_torch/models/basemodel.py",),
                   ("0.1.0", "0.1.2", "0.1.3", "0.2.0", "0.2.2", "0.2.3", "0.2.4", "0.2.6", "0.2.9", "0.3.0")),
    "dopamine_runner": ("dopamine-rl",
                        ("dopamine/discrete_domains/run_experiment.py", "dopamine/atari/run_experiment.py",),
                       ("1.0.0", "1.0.1", "1.0.4", "2.0.0", "2.0.4", "3.1.0", "3.1.9", "4.0.5", "4.0.7", "4.1.0",
                        "4.1.2")),
    "imitation_bc": ("imitation", ("imitation/algorithms/bc.py", "src/imitation/algorithms/bc.py",),
                    ("0.1.0", "0.1.1", "0.2.0", "0.3.1", "0.3.2", "0.4.0", "1.0.0", "1.0.1")),
    "mmcv_epoch_runner": ("mmcv", ("mmcv/runner/epoch_based_runner.py",),
                         ("1.0.0", "1.0.5", "1.1.0", "1.1.6", "1.2.7", "1.3.5", "1.3.9", "1.5.3", "1.6.0", "1.7.2")),
    "mmcv_iter_runner": ("mmcv", ("mmcv/runner/iter_based_runner.py",),
                        ("1.0.0", "1.0.5", "1.1.6", "1.2.7", "1.3.9", "1.3.18", "1.5.3", "1.6.0", "1.7.2")),
    "onmt_trainer": ("OpenNMT-py", ("onmt/trainer.py",),
                    ("1.0.0", "1.1.1", "1.2.0", "2.0.0", "2.1.2", "2.3.0", "3.0.0", "3.1.3", "3.3", "3.4.3", "3.5.1")),
    "parlai_train": ("parlai", ("parlai/scripts/train_model.py",),
                    ("0.1.20200409", "0.8.0", "0.9.1", "0.10.0", "1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.1",
                     "1.5.1", "1.6.0", "1.7.2")),
    "recbole_trainer": ("recbole", ("recbole/trainer/trainer.py",),
                       ("0.1.0", "0.1.1", "0.1.2", "0.2.1", "1.0.0", "1.0.1", "1.1.0", "1.1.1", "1.2.1")),
    "autogluon_nn": ("autogluon-tabular", ("autogluon/tabular/models/tabular_nn/torch/tabular_nn_torch.py",),
                    ("0.4.0", "0.5.2", "0.6.2", "0.7.0", "0.8.3", "1.1.1", "1.2", "1.5.0", "1.6.3")),
    "farm_trainer": ("farm", ("farm/train.py",),
                    ("0.2.0", "0.2.1", "0.3.2", "0.4.1", "0.4.2", "0.4.3", "0.4.5", "0.4.8", "0.6.0", "0.8.0")),
    "gluonts_trainer": ("gluonts", ("gluonts/mx/trainer/_base.py", "gluonts/trainer/_base.py",),
                       ("0.4.0", "0.4.3", "0.5.0", "0.6.0", "0.6.9", "0.7.0", "0.8.0", "0.10.0", "0.10.10", "0.12.0")),
    "haystack_trainer": ("farm-haystack", ("haystack/modeling/training/base.py",),
                        ("1.0.0", "1.2.0", "1.4.0", "1.7.0", "1.10.0", "1.13.0", "1.14.0", "1.18.0", "1.21.0",
                         "1.26.4")),
    "lightning_loop": ("pytorch-lightning", ("pytorch_lightning/trainer/training_loop.py",),
                      ("0.7.1", "0.7.6", "0.8.5", "0.9.0", "0.10.0", "1.0.0", "1.0.8", "1.1.8", "1.2.0", "1.2.10")),
    "scvi_trainer": ("scvi", ("scvi/inference/trainer.py",),
                    ("0.2.0", "0.2.3", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.6.8")),
    "tensorforce_runner": ("tensorforce", ("tensorforce/execution/runner.py",),
                          ("0.4.0", "0.4.4", "0.5.1", "0.5.2", "0.5.3", "0.5.4", "0.6.0", "0.6.3", "0.6.4", "0.6.5")),
    "trax_trainer": ("trax", ("trax/supervised/trainer_lib.py", "trax/trainer_lib.py",),
                    ("1.0.0", "1.1.0", "1.1.2", "1.1.3", "1.2.3", "1.2.4", "1.3", "1.3.2", "1.3.7", "1.3.8", "1.4.1")),
    "chemprop_run_training": ("chemprop", ("chemprop/train/run_training.py",),
                             ("1.0.2", "1.1.0", "1.2.0", "1.3.0", "1.3.1", "1.4.1", "1.5.0", "1.5.2", "1.6.1")),
    "chemprop_train": ("chemprop", ("chemprop/train/train.py",),
                      ("1.0.2", "1.1.0", "1.3.0", "1.3.1", "1.4.1", "1.5.0", "1.5.2", "1.6.1")),
    "deepxde_model": ("deepxde", ("deepxde/model.py",),
                     ("0.1.0", "0.10.0", "0.13.0", "0.14.0", "1.0.0", "1.6.0", "1.8.0", "1.9.0", "1.13.0", "1.15.0")),
    "ludwig_trainer": ("ludwig", ("ludwig/trainers/trainer.py", "ludwig/models/trainer.py",),
                      ("0.4", "0.5", "0.5.5", "0.6.4", "0.7.5", "0.8", "0.8.6", "0.9", "0.9.3", "0.11.0")),
    "spacy_loop": ("spacy", ("spacy/training/loop.py",),
                  ("3.0.0", "3.0.4", "3.0.6", "3.1.0", "3.1.4", "3.5.0", "3.6.0", "3.8.18")),
    "avalanche_sgd": ("avalanche-lib", ("avalanche/training/templates/base_sgd.py", "avalanche/training/strategies/base_strategy.py"),
                     ("0.1.0", "0.2.0", "0.2.1", "0.3.0", "0.3.1", "0.4.0", "0.5.0", "0.6.0")),
    "chainerrl_train_agent": ("chainerrl", ("chainerrl/experiments/train_agent.py",),
                             ("0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.8.0")),
    "ctgan_fit": ("ctgan", ("ctgan/synthesizers/ctgan.py", "ctgan/synthesizer.py", "ctgan/model.py"),
                 ("0.1.0", "0.2.1", "0.3.0", "0.4.0", "0.4.3", "0.5.1", "0.7.4", "0.7.5", "0.9.1", "0.10.2", "0.11.0", "0.12.1")),
    "darts_torch_model": ("u8darts", ("darts/models/forecasting/torch_forecasting_model.py", "darts/models/torch_forecasting_model.py"),
                         ("0.1.0", "0.3.0", "0.6.0", "0.9.0", "0.10.0", "0.10.1", "0.12.0", "0.13.0", "0.15.0", "0.16.1")),
    "nerfstudio_trainer": ("nerfstudio", ("nerfstudio/engine/trainer.py",),
                          ("0.0.3", "0.1.4", "0.1.10", "0.1.14", "0.1.19", "0.2.0", "0.2.2", "0.3.0", "0.3.2", "1.0.0", "1.1.0", "1.1.5")),
    "sbi_snpe": ("sbi", ("sbi/inference/trainers/npe/npe_base.py", "sbi/inference/snpe/snpe_base.py"),
                ("0.8.0", "0.9.0", "0.10.0", "0.11.0", "0.12.0", "0.14.0", "0.15.0", "0.18.0", "0.19.0", "0.22.0", "0.25.0")),
    "stanza_tagger": ("stanza", ("stanza/models/tagger.py",),
                     ("1.0.0", "1.2", "1.2.3", "1.4.2", "1.5.0", "1.5.1", "1.7.0", "1.11.0", "1.15.0")),
    "tts_train": ("TTS", ("TTS/bin/train_tacotron.py",),
                 ("0.0.9", "0.0.9.2", "0.0.10.2", "0.0.10.3", "0.0.11", "0.0.12", "0.0.13.2", "0.0.14.1", "0.0.15.1")),
    "catalyst_runner": ("catalyst", ("catalyst/core/runner.py", "catalyst/dl/core/runner.py", "catalyst/dl/experiments/runner.py"),
                       ("19.3", "19.5", "19.10", "19.12", "20.2", "20.4", "20.6", "20.12", "21.3", "21.8", "21.12", "22.4")),
    "cornac_model": ("cornac", ("cornac/models/ncf/recom_ncf_base.py", "cornac/models/ncf/recom_neumf.py"),
                    ("1.0.0", "1.2.0", "1.4.0", "1.6.0", "1.15.4", "1.18.0", "2.3.3", "3.0.1")),
    "garage_trainer": ("garage", ("src/garage/trainer.py", "src/garage/experiment/local_runner.py"),
                      ("2019.10.0", "2019.10.1", "2019.10.2", "2020.6.0", "2020.6.3", "2020.6.4", "2021.3.0")),
    "mushroom_core": ("mushroom-rl", ("mushroom_rl/core/core.py",),
                     ("1.3.1", "1.3.2", "1.4.0", "1.5.0", "1.5.4", "1.6.0", "1.7.2", "1.9.0", "1.10.0.post2", "1.10.2")),
    "snorkel_label_model": ("snorkel", ("snorkel/labeling/model/label_model.py",),
                           ("0.9.0", "0.9.1", "0.9.2", "0.9.3", "0.9.4", "0.9.6", "0.9.7", "0.9.8", "0.10.0")),
    "torchbearer_trial": ("torchbearer", ("torchbearer/trial.py", "torchbearer/torchbearer.py"),
                         ("0.1.3", "0.1.5", "0.1.7", "0.2.0", "0.2.1", "0.2.4", "0.3.0", "0.3.1", "0.4.0", "0.5.0", "0.5.4", "0.5.5")),
    "torchensemble_voting": ("torchensemble", ("torchensemble/voting.py",),
                            ("0.1.0", "0.1.2", "0.1.3", "0.1.4", "0.1.5", "0.1.7", "0.1.8", "0.1.9", "0.2.0")),
    "torchrl_trainer": ("torchrl", ("torchrl/trainers/trainers.py",),
                       ("0.2.0", "0.10.0", "0.11.0", "0.12.0", "0.13.1", "0.14.1")),
    "acme_environment_loop": ("dm-acme", ("acme/environment_loop.py",),
                             ("0.1", "0.1.8", "0.2.0", "0.2.1", "0.2.2", "0.2.4", "0.3.0", "0.4.0")),
    "classy_task": ("classy-vision", ("classy_vision/tasks/classification_task.py",),
                   ("0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.7.0")),
    "fastnlp_trainer": ("FastNLP", ("fastNLP/core/trainer.py",),
                       ("0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.3.3", "0.4.1", "0.4.9", "0.5.5", "0.6.0", "0.7.0")),
    "gensim_word2vec": ("gensim", ("gensim/models/word2vec.py",),
                       ("0.9.1", "0.10.3", "0.12.0", "0.12.2", "0.12.4", "0.13.4", "2.0.0", "2.3.0", "3.2.0", "4.0.0", "4.3.3", "4.4.0")),
    "joeynmt_training": ("joeynmt", ("joeynmt/training.py",),
                        ("0.0.2", "1.0", "1.1", "1.3", "1.4", "2.0.0", "2.1.0", "2.3.0")),
    "ppe_manager": ("pytorch-pfn-extras", ("pytorch_pfn_extras/training/_trainer.py",),
                   ("0.5.0", "0.5.2", "0.5.3", "0.5.6", "0.5.7", "0.5.8", "0.6.0", "0.6.4", "0.7.0", "0.7.5", "0.9.0")),
    "pykg2vec_trainer": ("pykg2vec", ("pykg2vec/utils/trainer.py",),
                        ("0.0.37", "0.0.40", "0.0.45", "0.0.46", "0.0.47", "0.0.49", "0.0.50", "0.0.52")),
    "sockeye_training": ("sockeye", ("sockeye/training.py",),
                        ("1.5.1", "1.16.2", "1.18.1", "1.18.106", "2.1.7", "2.2.8", "2.3.24", "3.1.0", "3.1.14", "3.1.34")),
    "composer_trainer": ("mosaicml", ("composer/trainer/trainer.py",),
                         ("0.3.1", "0.5.0", "0.7.1", "0.9.0", "0.11.1", "0.13.5", "0.16.4", "0.19.1", "0.23.5", "0.27.0", "0.32.1")),
    "deeppavlov_trainer": ("deeppavlov", ("deeppavlov/core/trainers/nn_trainer.py", "deeppavlov/core/commands/train.py"),
                           ("0.0.6", "0.0.8", "0.0.9", "0.1.0", "0.1.5", "0.2.0", "0.7.0", "0.12.0", "0.17.0", "1.0.0", "1.7.0")),
    "mace_train": ("mace-torch", ("mace/tools/train.py",),
                   ("0.3.3", "0.3.5", "0.3.6", "0.3.7", "0.3.11", "0.3.13", "0.3.14", "0.3.15", "0.3.16")),
    "nequip_trainer": ("nequip", ("nequip/train/trainer.py",),
                       ("0.5.4", "0.5.5", "0.5.6", "0.6.0", "0.6.1", "0.6.2")),
    "pypots_imputer": ("pypots", ("pypots/imputation/base.py",),
                       ("0.0.6", "0.0.7", "0.0.10", "0.0.11", "0.1.1", "0.2.1", "0.3", "0.4", "0.8.1", "0.10", "0.11", "0.12")),
    "rlberry_ppo": ("rlberry", ("rlberry/agents/torch/ppo/ppo.py", "rlberry/agents/experimental/torch/ppo/ppo.py", "rlberry/agents/ppo/ppo.py"),
                    ("0.0.1", "0.0.2", "0.0.3.1", "0.0.4", "0.2.1", "0.3.0", "0.4.0", "0.4.1", "0.5.0", "0.6.0")),
    "tfagents_sac": ("tf-agents", ("tf_agents/examples/sac/haarnoja18/sac_train_eval.py", "tf_agents/experimental/examples/sac/haarnoja18/sac_train_eval.py"),
                     ("0.7.1", "0.8.0", "0.9.0", "0.10.0", "0.12.0", "0.13.0", "0.17.0", "0.18.0", "0.19.0")),
    "torchgan_trainer": ("torchgan", ("torchgan/trainer/base_trainer.py", "torchgan/trainer/trainer.py"),
                         ("0.0.1", "0.0.2", "0.0.3", "0.0.4", "0.0.5", "0.1.0")),
    "gpt2simple_finetune": ("gpt-2-simple", ("gpt_2_simple/gpt_2.py",),
                            ("0.1", "0.3.1", "0.4", "0.5", "0.5.1", "0.5.4", "0.6", "0.7", "0.7.1", "0.8.0", "0.8.1")),
    "mbrl_model_trainer": ("mbrl", ("mbrl/models/model_trainer.py",),
                           ("0.1.1", "0.1.2", "0.1.3", "0.1.4", "0.1.5", "0.2.0")),
    "merlion_vae": ("salesforce-merlion", ("merlion/models/anomaly/vae.py",),
                    ("1.0.0", "1.1.1", "1.2.0", "1.3.1", "2.0.0", "2.0.2", "2.0.4")),
    "mlagents_trainer": ("mlagents", ("mlagents/trainers/trainer_controller.py", "unitytrainers/trainer_controller.py"),
                         ("0.4.0", "0.5.0", "0.6.0", "0.8.0", "0.9.0", "0.13.0", "0.14.0", "0.16.0", "0.17.0", "0.18.0", "0.19.0", "1.1.0")),
    "rechub_trainer": ("torch-rechub", ("torch_rechub/trainers/mtl_trainer.py",),
                       ("0.0.1", "0.0.2", "0.0.3", "0.0.4", "0.0.6", "0.9.0")),
    "samplefactory_learner": ("sample-factory", ("sample_factory/algo/learning/learner.py", "sample_factory/algorithms/appo/learner.py"),
                              ("1.0.5", "1.117.3", "1.120.0", "1.121.0", "1.123.0", "2.0.3", "2.1.1")),
    "supergradients_trainer": ("super-gradients", ("super_gradients/training/sg_trainer/sg_trainer.py", "super_gradients/training/sg_model/sg_model.py"),
                               ("1.3.0", "1.7.5", "2.0.0", "2.2.0", "2.6.0", "3.0.0", "3.1.0", "3.3.0", "3.5.0", "3.7.1")),
    "textattack_trainer": ("textattack", ("textattack/trainer.py", "textattack/commands/train_model/run_training.py"),
                           ("0.1.0", "0.1.5", "0.2.0", "0.2.2", "0.2.4", "0.2.15", "0.2.17", "0.3.0", "0.3.4", "0.3.11")),
    "ampligraph_model": ("ampligraph", ("ampligraph/latent_features/models/EmbeddingModel.py", "ampligraph/latent_features/models.py"),
                         ("1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.1.0", "1.2.0", "1.3.0", "1.3.1", "1.3.2", "1.4.0")),
    "funasr_trainer": ("funasr", ("funasr/train_utils/trainer.py",),
                       ("1.0.0", "1.0.8", "1.0.12", "1.0.16", "1.0.18", "1.0.20", "1.0.24", "1.0.26", "1.0.28", "1.1.12", "1.3.15", "1.4.16")),
    "kerasrl_core": ("keras-rl", ("rl/core.py",),
                     ("0.2.0", "0.2.2", "0.3.0", "0.3.1", "0.4.0", "0.4.2")),
    "modelscope_trainer": ("modelscope", ("modelscope/trainers/trainer.py",),
                           ("1.0.4", "1.1.1", "1.2.0", "1.3.0", "1.3.2", "1.4.0", "1.6.0", "1.7.0", "1.9.5", "1.40.2")),
    "paddlenlp_trainer": ("paddlenlp", ("paddlenlp/trainer/trainer.py", "paddlenlp/trainer/trainer_base.py"),
                          ("2.3.0", "2.3.7", "2.4.5", "2.5.2", "2.6.0", "2.6.1", "2.7.0", "2.8.0", "2.8.1")),
    "paddleseg_train": ("paddleseg", ("paddleseg/core/train.py",),
                        ("2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0", "2.7.0", "2.8.0")),
    "pyod_mo_gaal": ("pyod", ("pyod/models/mo_gaal.py",),
                     ("0.6.6", "0.6.7", "0.7.4", "0.8.3", "0.8.5", "1.0.7", "2.0.1", "2.0.2", "3.6.7")),
    "cogdl_node_classification": ("cogdl", ("cogdl/tasks/node_classification.py",),
                                  ("0.1.1", "0.1.2", "0.2.0", "0.3.0", "0.4.0", "0.4.1")),
    "libreco_trainer": ("LibRecommender", ("libreco/training/tf_trainer.py",),
                        ("0.10.0", "0.10.2", "0.12.0", "0.12.4", "0.12.6", "1.0.0", "1.0.1", "1.1.0", "1.2.0", "1.2.2", "1.3.0", "1.5.2")),
    "opennmttf_training": ("OpenNMT-tf", ("opennmt/training.py",),
                           ("2.0.0", "2.3.0", "2.5.0", "2.6.0", "2.9.0", "2.11.0", "2.13.0", "2.15.0", "2.22.0", "2.32.0")),
    "pygod_base": ("pygod", ("pygod/detector/base.py", "pygod/models/dominant.py"),
                   ("0.1.0", "0.1.1", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0")),
    "rlcoach_agent": ("rl-coach", ("rl_coach/agents/agent.py",),
                      ("0.9.5", "0.11.0", "0.11.1", "0.12.0", "0.12.1", "1.0.0", "1.0.1")),
    "synthcity_ts_model": ("synthcity", ("synthcity/plugins/core/models/ts_model.py",),
                           ("0.0.1", "0.0.2", "0.1.1", "0.2.4", "0.2.6", "0.2.7", "0.2.10")),
    "agilerl_off_policy": ("agilerl", ("agilerl/training/train_off_policy.py", "agilerl/training/train.py"),
                           ("0.1.0", "0.1.10", "0.1.15", "0.1.20", "1.0.0", "1.0.20", "2.0.0", "2.2.0",
                            "2.6.0", "2.8.0", "2.10.0", "2.58.0")),
    "brax_ppo": ("brax", ("brax/training/agents/ppo/train.py", "brax/training/ppo.py"),
                 ("0.0.4", "0.0.8", "0.0.12", "0.0.14", "0.1.2", "0.9.4", "0.10.5", "0.12.0", "0.12.5",
                  "0.14.0", "0.14.2")),
    "chainer_trainer": ("chainer", ("chainer/training/trainer.py",),
                        ("1.11.0", "1.19.0", "1.22.0", "2.0.0", "3.0.0", "4.0.0", "5.0.0", "6.0.0", "7.8.1")),
    "lightgbm_engine": ("lightgbm", ("lightgbm/engine.py", "python-package/lightgbm/engine.py"),
                        ("2.0.2", "2.0.12", "2.1.0", "2.2.0", "2.3.1", "3.0.0", "3.2.0", "3.3.5", "4.0.0",
                         "4.3.0", "4.7.0")),
    "numpyro_svi": ("numpyro", ("numpyro/infer/svi.py", "numpyro/svi.py"),
                    ("0.2.0", "0.2.4", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.7.0", "0.8.0", "0.9.0", "0.12.0",
                     "0.15.0", "0.22.0")),
    "sklearn_mlp": ("scikit-learn", ("sklearn/neural_network/_multilayer_perceptron.py",
                                     "sklearn/neural_network/multilayer_perceptron.py"),
                    ("0.18", "0.20.4", "0.21.3", "0.23.2", "0.24.2", "1.0.2", "1.1.3", "1.2.2", "1.3.2",
                     "1.6.1", "1.7.2")),
    "tensorlayer_fit": ("tensorlayer", ("tensorlayer/utils.py",),
                        ("1.2", "1.4.1", "1.5.4", "1.8.0", "1.9.0", "1.10.1", "2.0.0", "2.2.3")),
    "tensorpack_trainer": ("tensorpack", ("tensorpack/train/base.py",),
                           ("0.1.5", "0.1.6", "0.1.7", "0.3.0", "0.4.0", "0.6.0", "0.7.0", "0.8.3", "0.11")),
    "cellbender_train": ("cellbender", ("cellbender/remove_background/train.py",),
                         ("0.2.0", "0.2.1", "0.3.0", "0.3.2", "0.4.0")),
    "flwr_server": ("flwr", ("flwr/server/server.py",),
                    ("0.10.0", "0.11.0", "0.13.0", "0.15.0", "0.16.0", "0.19.0", "1.0.0", "1.4.0", "1.5.0",
                     "1.8.0", "1.11.0", "1.42.0")),
    "implicit_als": ("implicit", ("implicit/cpu/als.py", "implicit/als.py"),
                     ("0.2.4", "0.2.13", "0.3.6", "0.3.9", "0.4.0", "0.4.8", "0.5.2", "0.6.2", "0.7.2")),
    "lightfm_fit": ("lightfm", ("lightfm/lightfm.py",),
                    ("1.3", "1.4", "1.7", "1.9", "1.10", "1.12", "1.13", "1.14", "1.15", "1.16", "1.17")),
    "nnunet_trainer": ("nnunet", ("nnunet/training/network_training/network_trainer.py",),
                       ("1.0", "1.1.4.3", "1.5", "1.6.2", "1.6.3", "1.6.6", "1.7.1")),
    "rasa_models": ("rasa", ("rasa/utils/tensorflow/models.py", "rasa/utils/train_utils.py"),
                    ("1.6.0", "1.8.0", "1.9.0", "1.10.0", "1.10.10", "2.0.0", "2.2.0", "2.3.5")),
    "umap_layouts": ("umap-learn", ("umap/layouts.py", "umap/umap_.py"),
                     ("0.1.5", "0.2.0", "0.3.0", "0.3.5", "0.3.8", "0.4.0", "0.5.0", "0.5.2", "0.5.4", "0.5.12")),
    "xgboost_training": ("xgboost", ("xgboost/training.py",),
                         ("0.6a2", "0.72.1", "0.90", "1.0.0", "1.1.0", "1.3.3", "1.4.0", "1.6.0", "1.7.6",
                          "2.1.0", "3.0.0", "3.2.0")),
    "evojax_trainer": ("evojax", ("evojax/trainer.py",),
                       ("0.1.0.post4", "0.1.0.post12", "0.2.3", "0.2.4", "0.2.5", "0.2.17")),
    "openrl_driver": ("openrl", ("openrl/drivers/onpolicy_driver.py",),
                      ("0.0.3", "0.0.4", "0.0.5", "0.0.7", "0.0.10", "0.0.11", "0.0.12", "0.0.13", "0.2.0")),
    "opentsne_gd": ("openTSNE", ("openTSNE/tsne.py",),
                    ("0.3.0", "0.3.5", "0.3.9", "0.3.12", "0.4.0", "0.4.4", "0.5.0", "0.6.0", "0.6.2", "0.7.0",
                     "1.0.0", "1.0.4")),
    "pyro_mcmc": ("pyro-ppl", ("pyro/infer/mcmc/api.py",),
                  ("0.3.4", "0.4.1", "0.5.1", "1.0.0", "1.2.1", "1.3.1", "1.4.0", "1.6.0", "1.7.0", "1.8.6",
                   "1.9.1")),
    "tftts_trainer": ("TensorFlowTTS", ("tensorflow_tts/trainers/base_trainer.py",),
                      ("0.7", "0.8", "0.9", "0.11", "1.1", "1.6", "1.6.1", "1.8")),
    "alignn_train": ("alignn", ("alignn/train.py",),
                     ("2021.9.29", "2022.11.6", "2023.5.31", "2023.10.1", "2024.2.4", "2024.3.4",
                      "2024.8.30", "2024.12.12", "2026.5.20", "2026.8.11")),
    "audiolm_trainer": ("audiolm-pytorch", ("audiolm_pytorch/trainer.py",),
                        ("0.0.20", "0.0.30", "0.0.50", "0.2.0", "0.4.0", "0.7.0", "0.12.0", "0.15.0",
                         "1.7.0", "1.8.0", "1.9.1", "2.4.0")),
    "elegy_fit": ("elegy", ("elegy/model/model_base.py", "elegy/model.py"),
                  ("0.1.1", "0.2.2", "0.4.1", "0.6.0", "0.7.4", "0.8.0", "0.8.6")),
    "jaxline_train": ("jaxline", ("jaxline/train.py",),
                      ("0.0.1", "0.0.2", "0.0.3", "0.0.4", "0.0.5", "0.0.7", "0.0.8")),
    "lwgan_trainer": ("lightweight-gan", ("lightweight_gan/lightweight_gan.py",),
                      ("0.1.0", "0.5.0", "0.7.0", "0.9.0", "0.11.0", "0.14.0", "0.16.0", "0.18.0",
                       "0.19.0", "1.2.1")),
    "scarches_trainer": ("scarches", ("scarches/trainers/scpoli/trainer.py",),
                         ("0.5.6", "0.5.7", "0.5.8", "0.5.9", "0.6.1")),
    "stylegan2_trainer": ("stylegan2-pytorch", ("stylegan2_pytorch/stylegan2_pytorch.py",),
                          ("0.1", "0.4", "0.6.0", "0.10.0", "0.14.0", "0.17.0", "0.19.0", "0.22.3",
                           "1.2.0", "1.5.0", "1.7.0", "1.9.0")),
    "supar_parser": ("supar", ("supar/parsers/parser.py",),
                     ("0.0.1", "1.0.0", "1.0.1", "1.1.0", "1.1.1", "1.1.2", "1.1.3", "1.1.4")),
    "chgnet_trainer": ("chgnet", ("chgnet/trainer/trainer.py",),
                       ("0.1.2", "0.1.4", "0.2.1", "0.3.1", "0.3.4", "0.3.5", "0.3.8", "0.4.2")),
    "dalle2_trainer": ("dalle2-pytorch", ("dalle2_pytorch/trainer.py", "dalle2_pytorch/train.py"),
                       ("0.0.77", "0.0.90", "0.0.109", "0.2.24", "0.2.30", "0.2.39", "0.10.1", "0.16.6",
                        "0.17.1", "1.0.0", "1.0.4", "1.15.6")),
    "deepdaze_imagine": ("deep-daze", ("deep_daze/deep_daze.py",),
                         ("0.1.0", "0.1.16", "0.1.23", "0.2.9", "0.4.5", "0.5.0", "0.6.3", "0.8.1",
                          "0.9.0", "0.11.1")),
    "lerobot_train": ("lerobot", ("lerobot/scripts/lerobot_train.py", "lerobot/scripts/train.py"),
                      ("0.1.0", "0.3.2", "0.3.3", "0.4.0", "0.4.1", "0.4.2", "0.4.3", "0.4.4")),
    "nni_enas": ("nni",
                 ("nni/retiarii/oneshot/pytorch/enas.py",
                  "nni/retiarii/trainer/pytorch/enas.py",
                  "nni/algorithms/nas/pytorch/enas/trainer.py",
                  "nni/nas/pytorch/enas/trainer.py"),
                 ("1.2", "1.3", "1.4", "1.5", "1.6", "1.8", "2.0", "2.4", "2.8", "2.10.1")),
    "olmo_trainer": ("ai2-olmo", ("olmo/train.py",),
                     ("0.1.0", "0.2.0", "0.2.3", "0.2.5", "0.3.0", "0.4.0", "0.5.0", "0.6.0")),
    "paddledet_trainer": ("paddledet", ("ppdet/engine/trainer.py",),
                          ("2.0.1", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0")),
    "tfmodels_bert_loop": ("tf-models-official",
                           ("official/legacy/bert/model_training_utils.py",
                            "official/nlp/bert/model_training_utils.py",
                            "official/modeling/model_training_utils.py"),
                           ("2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.7.0", "2.9.0", "2.16.0", "2.20.0")),
    "art_pytorch_fit": ("adversarial-robustness-toolbox",
                        ("art/estimators/classification/pytorch.py", "art/classifiers/pytorch.py"),
                        ("0.3.0", "0.6.0", "0.10.0", "1.2.0", "1.6.0", "1.10.0", "1.14.0", "1.16.0", "1.18.0",
                         "1.20.1")),
    "ddsp_train": ("ddsp", ("ddsp/training/train_util.py",),
                   ("0.0.6", "0.0.7", "0.0.10", "0.2.0", "0.4.0", "0.5.0", "0.13.0", "0.14.0", "1.3.0",
                    "3.7.0")),
    "pytext_trainer": ("pytext-nlp", ("pytext/trainers/trainer.py",),
                       ("0.1.2", "0.1.4", "0.1.5", "0.2.0", "0.2.2", "0.3.0", "0.3.1", "0.3.2", "0.3.3")),
    "robustness_train": ("robustness", ("robustness/train.py",),
                         ("1.0", "1.0.post1", "1.1", "1.1.post2", "1.2", "1.2.post1", "1.2.1", "1.2.1.post2")),
    "rv_learner": ("rastervision_pytorch_learner", ("rastervision/pytorch_learner/learner.py",),
                   ("0.12", "0.12.1", "0.13", "0.13.1", "0.20", "0.20.2", "0.21", "0.21.3", "0.30.0",
                    "0.31.0", "0.31.1")),
    "selene_train": ("selene-sdk", ("selene_sdk/train_model.py",),
                     ("0.0.0", "0.0.1", "0.1.0", "0.4.0", "0.4.2", "0.5.0", "0.5.1", "0.5.2", "0.6.0")),
    "tez_model": ("tez", ("tez/model/tez.py", "tez/model/model.py"),
                  ("0.0.3", "0.0.6", "0.1.2", "0.1.8", "0.2.0", "0.5.0", "0.6.0", "0.6.4", "0.6.6", "0.7.0",
                   "0.7.2")),
    "tf2rl_trainer": ("tf2rl", ("tf2rl/experiments/trainer.py",),
                      ("0.1.5", "0.1.7", "0.1.10", "0.1.12", "0.1.15", "0.1.19", "0.2.0", "1.1.2", "1.1.5")),
    "deepecho_par": ("deepecho", ("deepecho/models/par.py",),
                     ("0.1.3", "0.2.0", "0.2.1", "0.3.0", "0.4.0", "0.4.2", "0.5.0", "0.6.0", "0.7.0",
                      "0.8.0", "0.8.1")),
    "determined_pytorch_trial": ("determined", ("determined/pytorch/_pytorch_trial.py",),
                                 ("0.12.0", "0.13.0", "0.15.0", "0.17.0", "0.18.0", "0.20.0", "0.22.0",
                                  "0.31.0", "0.38.1")),
    "edward_inference": ("edward", ("edward/inferences/variational_inference.py", "edward/inferences.py"),
                         ("1.0.0", "1.0.5", "1.0.8", "1.0.9", "1.1.2", "1.1.3", "1.1.4", "1.2.0", "1.2.4",
                          "1.3.0", "1.3.3", "1.3.5")),
    "hmmlearn_fit": ("hmmlearn", ("hmmlearn/base.py", "lib/hmmlearn/base.py"),
                     ("0.1.1", "0.2.0", "0.2.1", "0.2.2", "0.2.3", "0.2.5", "0.2.6", "0.2.7", "0.2.8",
                      "0.3.0", "0.3.2")),
    "imagen_trainer": ("imagen-pytorch", ("imagen_pytorch/trainer.py",),
                       ("0.0.20", "0.0.50", "0.18.0", "0.19.0", "0.20.0", "0.21.0", "0.22.0", "1.4.0",
                        "1.17.0", "2.1.0")),
    "levanter_trainer": ("levanter", ("levanter/trainer.py",),
                         ("1.1", "1.1.dev981", "1.2.dev1074", "1.2.dev1196", "1.2.dev1238", "1.2.dev1300",
                          "1.2.dev1322", "1.2.dev1390", "1.2.dev1465", "1.2.dev1644")),
    "ngboost_fit": ("ngboost", ("ngboost/ngboost.py",),
                    ("0.1", "0.1.4", "0.2.0", "0.2.1", "0.3.5", "0.3.12", "0.5.0", "0.5.4", "0.5.11",
                     "0.6.0")),
    "ydata_wgangp": ("ydata-synthetic", ("ydata_synthetic/synthesizers/regular/wgangp/model.py",),
                     ("0.1.1", "0.3.4", "0.6.0", "0.7.1", "0.8.0", "0.9.0", "2.0.1")),
    "lifelines_coxph": ("lifelines", ("lifelines/fitters/coxph_fitter.py",),
                        ("0.9.0.0", "0.13.0", "0.14.0", "0.15.0", "0.16.0", "0.18.0", "0.20.0", "0.22.0", "0.24.0",
                         "0.25.0", "0.27.0", "0.30.0")),
    "ptf_base_model": ("pytorch-forecasting", ("pytorch_forecasting/models/base/_base_model.py",
                                               "pytorch_forecasting/models/base_model.py"),
                       ("0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.7.0", "0.8.0", "0.9.0", "0.10.0", "1.1.0",
                        "1.3.0", "1.8.0")),
    "neuralforecast_windows": ("neuralforecast", ("neuralforecast/common/_base_windows.py",),
                               ("1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0", "1.6.4", "1.7.0",
                                "1.7.5", "2.0.0", "2.0.1")),
    "neuralforecast_recurrent": ("neuralforecast", ("neuralforecast/common/_base_recurrent.py",),
                                 ("1.0.0", "1.1.0", "1.2.0", "1.4.0", "1.5.0", "1.6.0", "1.6.4", "1.7.0", "1.7.5",
                                  "2.0.0", "2.0.1")),
    "sbx_ppo": ("sbx-rl", ("sbx/ppo/ppo.py",),
                ("0.3.0", "0.6.0", "0.7.0", "0.12.0", "0.19.0", "0.20.0", "0.21.0", "0.22.0", "0.23.0", "0.28.0")),
    "sbx_sac": ("sbx-rl", ("sbx/sac/sac.py",),
                ("0.1.0.post1", "0.2.0", "0.3.0", "0.5.0", "0.7.0", "0.10.0", "0.11.0", "0.18.0", "0.20.0", "0.21.0",
                 "0.22.0", "0.26.0")),
    "muse_vqgan_trainer": ("muse-maskgit-pytorch", ("muse_maskgit_pytorch/trainers.py",),
                           ("0.0.11", "0.0.17", "0.0.18", "0.0.26", "0.0.27", "0.1.4", "0.1.5", "0.3.5")),
    "bigsleep_imagine": ("big-sleep", ("big_sleep/big_sleep.py",),
                         ("0.0.1", "0.1.4", "0.2.6", "0.3.1", "0.3.6", "0.4.1", "0.4.8", "0.5.3", "0.6.1", "0.7.2",
                          "0.8.1", "0.9.1")),
    "rlzoo3_exp_manager": ("rl-zoo3", ("rl_zoo3/exp_manager.py",),
                           ("1.6.2", "1.6.2.post1", "1.6.3", "1.7.0", "1.8.0", "2.0.0", "2.2.1", "2.5.0", "2.6.0",
                            "2.7.0", "2.8.0", "2.9.2")),
    "asteroid_system": ("asteroid", ("asteroid/engine/system.py",),
                        ("0.1.2", "0.1.3", "0.2.1", "0.3.1", "0.3.2", "0.3.3", "0.3.4", "0.4.0", "0.4.1", "0.4.2",
                         "0.5.1", "0.7.0")),
    "ptab_base_model": ("pytorch-tabular", ("pytorch_tabular/models/base_model.py",),
                        ("0.1.1", "0.2.0", "0.4.0", "0.6.0", "0.7.0", "1.0.0", "1.0.1", "1.0.2", "1.1.0", "1.1.1",
                         "1.2.0")),
    "mmdet_train": ("mmdet", ("mmdet/apis/train.py",),
                    ("0.6.0", "2.3.0", "2.6.0", "2.10.0", "2.16.0", "2.18.0", "2.19.0", "2.20.0", "2.21.0", "2.24.0",
                     "2.25.0", "2.28.2")),
    "kerastuner_search": ("keras-tuner", ("keras_tuner/src/engine/base_tuner.py", "keras_tuner/engine/base_tuner.py",
                           "kerastuner/engine/base_tuner.py"),
                          ("1.0.0", "1.0.1", "1.0.2", "1.0.4", "1.1.0", "1.1.3", "1.2.0", "1.3.0", "1.4.0", "1.4.5",
                           "1.4.8")),
    "optuna_optimize": ("optuna", ("optuna/study/_optimize.py", "optuna/_optimize.py", "optuna/study.py"),
                        ("0.4.0", "0.9.0", "0.13.0", "0.17.0", "1.0.0", "1.5.0", "2.3.0", "2.4.0", "2.6.0", "3.0.0",
                         "4.5.0", "5.0.0")),
    "transganformer_train": ("transganformer", ("transganformer/transganformer.py",),
                             ("0.0.2", "0.0.3", "0.0.4", "0.0.5", "0.0.7", "0.0.8", "0.0.9", "0.0.10", "0.0.12",
                              "0.0.14", "0.0.17")),
    "meshgpt_trainer": ("meshgpt-pytorch", ("meshgpt_pytorch/trainer.py",),
                        ("0.0.37", "0.0.41", "0.0.55", "0.1.0", "0.2.0", "0.2.25", "0.3.10", "0.3.20", "0.4.12",
                         "0.4.23", "1.2.22", "1.8.1")),
    "gliner_trainer": ("gliner", ("gliner/training/trainer.py",),
                       ("0.2.3", "0.2.7", "0.2.14", "0.2.18", "0.2.21", "0.2.22", "0.2.23", "0.2.25", "0.2.26",
                        "0.2.27", "0.2.29")),
    "sheeprl_ppo": ("sheeprl", ("sheeprl/algos/ppo/ppo.py",),
                    ("0.5.5", "0.5.6", "0.5.7", "0.6.0", "0.6.1", "0.7.0", "0.8.0", "0.8.1", "0.8.3", "0.8.4")),
    "fairseq2_trainer": ("fairseq2",
                         ("fairseq2/trainer.py", "fairseq2/recipe/trainer.py", "fairseq2/recipes/trainer.py"),
                         ("0.3.0", "0.4.0", "0.4.1", "0.4.2", "0.4.3", "0.4.6", "0.5.0", "0.5.2", "0.6", "0.7.0",
                          "0.8.0", "0.8.1")),
    "mmseg_train": ("mmsegmentation", ("mmseg/apis/train.py",),
                    ("0.5.0", "0.8.0", "0.17.0", "0.19.0", "0.20.0", "0.21.0", "0.24.0", "0.25.0", "0.30.0")),
    "setfit_trainer": ("setfit", ("src/setfit/trainer.py", "setfit/trainer.py"),
                       ("0.0.2", "0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.7.0", "1.0.3", "1.1.0", "1.2.0")),
    "demucs_solver": ("demucs", ("demucs/solver.py", "demucs/train.py"),
                      ("0.0.1", "0.0.2", "2.0.0", "2.0.1", "2.0.2", "2.0.3", "3.0.0", "3.0.1", "3.0.2", "3.0.3",
                       "3.0.4", "3.0.5", "3.0.6", "4.0.0", "4.0.1", "4.1.0")),
    "af3_trainer": ("alphafold3-pytorch", ("alphafold3_pytorch/trainer.py",),
                    ("0.1.17", "0.1.22", "0.1.60", "0.1.100", "0.2.30", "0.2.80", "0.2.128", "0.4.40", "0.5.10",
                     "0.6.0", "0.6.5", "0.8.3")),
    "alibidetect_trainer": ("alibi-detect",
                            ("alibi_detect/models/tensorflow/trainer.py", "alibi_detect/models/trainer.py"),
                            ("0.1.0", "0.3.0", "0.3.1", "0.4.1", "0.7.1", "0.7.2", "0.10.0", "0.11.2", "0.13.0")),
    "cflearn_trainer": ("carefree-learn", ("cflearn/trainer.py",),
                        ("0.1.3", "0.1.7.1", "0.1.13", "0.1.16", "0.2.1", "0.2.5", "0.3.2", "0.3.4", "0.3.4.28",
                         "0.4.0", "0.5.0")),
    "all_single_env": ("autonomous-learning-library",
                       ("all/experiments/single_env_experiment.py", "all/experiments/runner.py"),
                       ("0.3.4", "0.4.0", "0.5.0", "0.5.2", "0.6.0", "0.7.0", "0.8.0", "0.9.1a1", "0.9.1")),
    "t4r_trainer": ("transformers4rec", ("transformers4rec/torch/trainer.py",),
                    ("0.1", "0.1.2", "0.1.11", "0.1.13", "0.1.14", "0.1.15", "0.1.16", "23.4.0", "23.5.0",
                     "23.6.0")),
    "mmpose_train": ("mmpose", ("mmpose/apis/train.py",),
                     ("0.7.0", "0.8.0", "0.11.0", "0.14.0", "0.18.0", "0.19.0", "0.20.0", "0.21.0", "0.23.0",
                      "0.24.0", "0.25.0", "0.28.0")),
    "e2tts_trainer": ("e2-tts-pytorch", ("e2_tts_pytorch/trainer.py",),
                      ("0.0.16", "0.0.24", "0.0.33", "0.0.40", "0.1.5", "0.1.7", "0.1.8", "0.2.6", "0.2.8", "1.0.6",
                       "1.2.2", "1.6.0")),
    "t5_hf_model": ("t5", ("t5/models/hf_model.py",),
                    ("0.5.0", "0.5.1", "0.6.0", "0.7.1", "0.8.0", "0.9.0", "0.9.2", "0.9.4")),
    "botorch_fit": ("botorch", ("botorch/optim/fit.py",),
                    ("0.1.0", "0.1.1", "0.1.4", "0.2.0", "0.2.1", "0.2.2", "0.2.3", "0.2.5", "0.3.1", "0.6.1",
                     "0.7.0", "0.7.3")),
}


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def download(dist: str, version: str, into: Path) -> Path | None:
    """The wheel (or sdist) of ``dist==version`` in ``into``, fetched with pip when missing."""
    into.mkdir(parents=True, exist_ok=True)
    found = _archive(into, dist, version)
    if found is not None:
        return found
    for extra in ([], ["--no-binary", ":all:"]):
        cmd = [sys.executable, "-m", "pip", "download", f"{dist}=={version}", "--no-deps", "--ignore-requires-python",
               "-q", "-d", str(into)]
        if subprocess.run(cmd + extra, capture_output=True).returncode == 0:
            return _archive(into, dist, version)
    # pip builds an sdist's metadata before it keeps it, which old setup scripts fail today
    # (mmcv 1.x needs `pkg_resources`): take the file from the package index as it is
    found = _from_index(dist, version, into)
    if found is None:
        print(f"{dist} {version}: pip could not fetch it, skipped", file=sys.stderr)
    return found


def _from_index(dist: str, version: str, into: Path) -> Path | None:
    """Download ``dist==version`` from the PyPI simple index without building anything: a
    pure-Python wheel if there is one, else the sdist; its sha256 checked."""
    try:
        page = urllib.request.urlopen(f"https://pypi.org/simple/{dist}/", timeout=60).read().decode()
    except OSError:
        return None
    files = dict((name, url) for url, name in re.findall(r'href="([^"]+)"[^>]*>([^<]+)<', page))
    stem = re.compile(rf"^{_release_stem(dist, version)}"
                      r"(-py[^-]*-none-any\.whl|\.tar\.gz|\.zip)$", re.IGNORECASE)
    names = sorted((n for n in files if stem.match(n)), key=lambda n: not n.endswith(".whl"))
    if not names:
        return None
    url, _, digest = files[names[0]].partition("#sha256=")
    data = urllib.request.urlopen(url, timeout=300).read()
    if digest and hashlib.sha256(data).hexdigest() != digest:
        print(f"{dist} {version}: {names[0]} does not match its sha256, skipped", file=sys.stderr)
        return None
    path = into / names[0]
    path.write_bytes(data)
    return path


def _release_stem(dist: str, version: str) -> str:
    """The pattern a file of ``dist==version`` starts with (`-`, `_` and `.` in a name are one)."""
    name = "[-_.]".join(re.escape(part) for part in re.split(r"[-_.]+", dist))
    return f"{name}-{re.escape(version)}"


def _archive(folder: Path, dist: str, version: str) -> Path | None:
    pattern = re.compile(rf"^{_release_stem(dist, version)}(-py|-cp|\.tar\.gz$|\.zip$)", re.IGNORECASE)
    for path in sorted(folder.iterdir()):
        if pattern.match(path.name):
            return path
    return None


def member(archive: Path, paths: tuple[str, ...]) -> bytes | None:
    """The first of ``paths`` inside a wheel or sdist (an sdist nests it under one folder)."""
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            names = zf.namelist()
            for path in paths:
                for name in names:
                    if name == path or name.split("/", 1)[-1] == path:
                        return zf.read(name)
        return None
    with tarfile.open(archive) as tf:
        names = tf.getnames()
        for path in paths:
            for name in names:
                if name.split("/", 1)[-1] == path:
                    handle = tf.extractfile(name)
                    return handle.read() if handle is not None else None
    return None


def build_case(case: str, out: Path, downloads: Path) -> None:
    dist, paths, releases = CASES[case]
    kept: list[tuple[list[str], bytes]] = []
    for version in sorted(releases, key=version_key):
        archive = download(dist, version, downloads / dist)
        data = member(archive, paths) if archive is not None else None
        if data is None:
            if archive is not None:
                print(f"{dist} {version}: none of {paths} in {archive.name}, skipped", file=sys.stderr)
            continue
        if kept and kept[-1][1] == data:
            kept[-1][0].append(version)  # unchanged in this release: one version
        else:
            kept.append(([version], data))
    folder = out / case
    folder.mkdir(parents=True, exist_ok=True)
    stories = []
    for i, (versions, data) in enumerate(kept):
        (folder / f"v{i:02d}.py").write_bytes(data)
        stories.append(f"{dist} {', '.join(versions)}: {paths[0]} ({data.count(10)} lines)")
    (folder / "versions.json").write_text(json.dumps(stories, indent=1))
    print(f"{case}: {len(kept)} versions", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to build the corpus in (outside the repository)")
    parser.add_argument("--tools", type=Path, required=True,
                        help="the development corpus folder, whose check.py and build.py are copied")
    parser.add_argument("--downloads", type=Path, default=None, help="where distributions are kept (reused)")
    parser.add_argument("cases", nargs="*", help="only these cases")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for tool in ("check.py", "build.py"):
        shutil.copy2(args.tools / tool, out / tool)
    (out / "_specs").mkdir(exist_ok=True)
    downloads = args.downloads or Path(tempfile.mkdtemp(prefix="florc-realhist-"))
    for case in args.cases or sorted(CASES):
        build_case(case, out, downloads)
        shutil.copy2(SPECS / f"{case}.py", out / "_specs" / f"{case}.py")
    cmd = [sys.executable, str(out / "build.py")] + list(args.cases)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    print(proc.stdout, end="")
    print(proc.stderr, end="", file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
