"""The content-addressed cache of propagated files, under the project's store directory.

An entry is keyed by the hash of (florc version, newest source, old source): the same pair of
contents always propagates the same way, whatever commit it comes from, and a new florc version
never reuses an older one's results. Each entry is two files written atomically (temporary name,
then rename): ``<key>.py`` with the propagated source when there is one, and ``<key>.json`` with
the outcome. A damaged or partial entry reads as a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from florc.propagate.outcome import Diagnostic, PropagationResult, SiteOutcome

CACHE_DIRNAME = "propagated"


def cache_key(new_source: bytes, old_source: bytes) -> str:
    from florc import __version__

    h = hashlib.sha256()
    for part in (__version__.encode(), new_source, old_source):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


class PropagationCache:
    def __init__(self, directory: Path, new_source: bytes) -> None:
        self.directory = directory
        self.new_source = new_source

    def path_for(self, old_source: bytes, suffix: str = ".py") -> Path:
        key = cache_key(self.new_source, old_source)
        return self.directory / key[:2] / f"{key}{suffix}"

    def lookup(self, old_source: bytes) -> PropagationResult | None:
        meta_path = self.path_for(old_source, ".json")
        try:
            meta = json.loads(meta_path.read_text())
            code: str | None = None
            if meta.get("has_code"):
                code = self.path_for(old_source).read_bytes().decode("utf-8")
            return _result_from_json(meta, code)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, old_source: bytes, result: PropagationResult) -> None:
        meta_path = self.path_for(old_source, ".json")
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        if result.code is not None:
            _atomic_write(self.path_for(old_source), result.code.encode("utf-8"))
        meta = _result_to_json(result)
        meta["has_code"] = result.code is not None
        _atomic_write(meta_path, json.dumps(meta, indent=1).encode())


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _result_to_json(result: PropagationResult) -> dict[str, Any]:
    return {
        "status": result.status,
        "sites": [
            {"key": s.key, "status": s.status, "new_line": s.new_line, "reason": s.reason,
             "old_line": s.old_line, "renames": [list(r) for r in s.renames], "address": s.address}
            for s in result.sites
        ],
        "diagnostics": [
            {"severity": d.severity, "message": d.message, "line": d.line, "column": d.column, "key": d.key}
            for d in result.diagnostics
        ],
    }


def _result_from_json(meta: dict[str, Any], code: str | None) -> PropagationResult:
    sites = tuple(
        SiteOutcome(s["key"], s["status"], s["new_line"], s["reason"], s["old_line"],
                    tuple((a, b) for a, b in s["renames"]), s["address"])
        for s in meta["sites"]
    )
    diagnostics = tuple(
        Diagnostic(d["severity"], d["message"], d["line"], d["column"], d["key"]) for d in meta["diagnostics"]
    )
    return PropagationResult(meta["status"], code, diagnostics, sites)


__all__ = ["CACHE_DIRNAME", "PropagationCache", "cache_key"]
