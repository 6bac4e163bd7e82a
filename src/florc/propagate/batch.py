"""Propagating into many versions of one file: one analysis of the newest version, one
propagation per distinct old content, results cached by content.

Histories repeat themselves: most commits do not touch the training script, so a 500-commit
range may hold 60 distinct versions of it. Each distinct (newest, old) pair of contents is
propagated once; the cache (``florc.propagate.cache``) remembers it across runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from florc.propagate.engine import NewVersion, propagate_version
from florc.propagate.outcome import PropagationResult


@dataclass(frozen=True)
class OldVersion:
    """One old version to propagate into: a label (a commit), its path then, and its bytes
    (None when the file does not exist in that version)."""

    label: str
    path: str
    data: bytes | None


@dataclass(frozen=True)
class VersionOutcome:
    version: OldVersion
    result: PropagationResult | None  # None when the file is absent in that version

    @property
    def status(self) -> str:
        return "absent" if self.result is None else self.result.status


Cache = Callable[[bytes], PropagationResult | None]
Store = Callable[[bytes, PropagationResult], None]


def propagate_versions(
    new: NewVersion,
    versions: Iterable[OldVersion],
    *,
    lookup: Cache | None = None,
    store: Store | None = None,
) -> list[VersionOutcome]:
    """Propagate ``new`` into every version; the same content is propagated once."""
    memo: dict[bytes, PropagationResult] = {}
    out: list[VersionOutcome] = []
    for version in versions:
        if version.data is None:
            out.append(VersionOutcome(version, None))
            continue
        result = memo.get(version.data)
        if result is None and lookup is not None:
            result = lookup(version.data)
        if result is None:
            result = _safely(new, version)
            if store is not None:
                store(version.data, result)
        memo[version.data] = result
        out.append(VersionOutcome(version, result))
    return out


def _safely(new: NewVersion, version: OldVersion) -> PropagationResult:
    # propagate_version turns every failure into a value already
    return propagate_version(new, version.data or b"", path=version.path)


__all__ = ["OldVersion", "VersionOutcome", "propagate_versions"]
