"""Propagating log statements into older versions of a file.

``propagate_source(new, old)`` inserts every ``flor.log`` statement of the newest version that
the old version lacks at its equivalent place, renamed to the old names, every other byte kept;
or declines a statement, with the reason, when the old version has no equivalent place. The
pipeline is sites -> align -> place -> resolve -> plan -> apply (one module each); the aligner's
design is in docs/design/alignment.md.
"""

from __future__ import annotations

from florc.propagate.engine import (
    NewVersion,
    Version,
    analyse,
    prepare,
    prepare_cached,
    propagate_source,
    propagate_version,
)
from florc.propagate.outcome import Diagnostic, PropagationResult, SiteOutcome
from florc.propagate.plan import AddImport, Decline, Insert, Plan

__all__ = [
    "AddImport",
    "Decline",
    "Diagnostic",
    "Insert",
    "NewVersion",
    "Plan",
    "PropagationResult",
    "SiteOutcome",
    "Version",
    "analyse",
    "prepare",
    "prepare_cached",
    "propagate_source",
    "propagate_version",
]
