"""Pieces of synthetic training scripts for the benchmarks that time compilers (propagation,
instrumentation): helper functions and model blocks of realistic shape, reproducible from a seed."""

from __future__ import annotations

import random

OPS = ("torch.relu({a})", "torch.tanh({a}) * {c}", "F.dropout({a}, p={c})", "{a}.mean(dim=1, keepdim=True)",
       "{a} / ({b}.norm() + 1e-6)", "torch.cat([{a}, {b}], dim=-1)", "{a}.clamp(min=-{c}, max={c})",
       "self.{layer}({a})", "F.gelu({a}) + {b}", "{a}.view({a}.size(0), -1)")


def synthetic_function(rng: random.Random, vr: random.Random, k: int, version: int = 0) -> list[str]:
    """A helper function of the model code; ``vr`` decides what older ``version``s lack or
    compute differently (version 0: nothing)."""
    suffix = "_v" if vr.random() < 0.1 * version else ""
    lines = [f"def helper_{k}(x{suffix}, y, scale={rng.randint(1, 9)}):", f'    """Helper number {k}."""']
    names = [f"x{suffix}", "y"]
    for i in range(rng.randint(4, 12)):
        a, b = rng.choice(names), rng.choice(names)
        expr = rng.choice(OPS).format(a=a, b=b, c=rng.randint(1, 5), layer="fc")
        target = f"h{k}_{i}"
        shape, bound = rng.random(), rng.randint(0, 4)
        names.append(target)
        if vr.random() < 0.05 * version:
            lines.append(f"    {target} = {a}")  # this version computes it differently
            continue
        if shape < 0.2:
            lines += [f"    if {a}.sum() > {bound}:", f"        {target} = {expr}", "    else:",
                      f"        {target} = {b}"]
        elif shape < 0.3:
            lines += [f"    for _ in range({bound}):", f"        {target} = {expr}"]
        else:
            lines.append(f"    {target} = {expr}")
    lines += [f"    return {names[-1]} * scale", "", ""]
    return lines


def synthetic_block(rng: random.Random, vr: random.Random, k: int, version: int = 0) -> list[str]:
    """An ``nn.Module`` of the model code; ``vr`` as for ``synthetic_function``."""
    lines = [f"class Block{k}(nn.Module):", f"    def __init__(self, dim={rng.choice([16, 32, 64])}):",
             "        super().__init__()"]
    for i in range(rng.randint(2, 5)):
        lines.append(f"        self.fc{i} = nn.Linear(dim, dim)")
    lines += ["", "    def forward(self, x):"]
    for i in range(rng.randint(3, 9)):
        expr = rng.choice(OPS).format(a="x", b="x", c=rng.randint(1, 5), layer=f"fc{i % 2}")
        if vr.random() < 0.05 * version:
            continue  # a statement this version lacks
        lines.append(f"        x = {expr}")
    lines += ["        return x", "", ""]
    return lines
