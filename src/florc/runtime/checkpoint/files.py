"""Content-addressed checkpoint files: each part is a file named by the SHA-256 of its bytes
(state that did not change between checkpoints is stored once), and a JSON manifest, also
content-addressed and written last, names the parts of one checkpoint. A manifest on disk means
all its parts are: a killed process leaves at worst unreferenced parts, never a checkpoint that
poses as complete. A file whose bytes do not match its name is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from florc.runtime.checkpoint.classify import Part
from florc.runtime.checkpoint.encode import NotRestorable, decode
from florc.runtime.checkpoint.serialize import deserialize, serialize

FORMAT = "florc-checkpoint/1"


@dataclass(frozen=True)
class Written:
    """A checkpoint on disk: its manifest's name, the bytes written now (new parts only)."""

    manifest: str
    bytes: int
    parts: int


@dataclass(frozen=True)
class Snapshot:
    """What a checkpoint holds before it is written: named parts, the RNG states, the names
    that could not be saved (with why), and free-form metadata for the manifest."""

    parts: Mapping[str, Part]
    rng: Part | None = None
    missing: Mapping[str, str] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Loaded:
    """A checkpoint read back: decoded parts ready for ``restore_into`` / ``value_of``."""

    parts: Mapping[str, Part]
    rng: Part | None
    missing: Mapping[str, str]
    meta: Mapping[str, Any]


class CheckpointStore:
    """Content-addressed checkpoint files under ``root`` (``ab/abcdef....pt``)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _path(self, name: str) -> Path:
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise NotRestorable(f"bad checkpoint file name {name!r}")
        return self.root / name[:2] / name

    def put(self, data: bytes, suffix: str) -> tuple[str, bool]:
        """Store ``data``; returns its name and whether it was new."""
        name = hashlib.sha256(data).hexdigest() + suffix
        path = self._path(name)
        if path.exists():
            return name, False
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{name}.{os.getpid()}.{threading.get_ident()}.tmp")
        # Written then renamed: a killed process leaves a stray temp file, never a truncated
        # part under its final name. (No fsync: it would guard against power loss only, at a
        # cost paid by training on every checkpoint.)
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        return name, True

    def get(self, name: str) -> bytes:
        path = self._path(name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise NotRestorable(f"checkpoint file {name} is missing") from exc
        digest = hashlib.sha256(data).hexdigest()
        if not name.startswith(digest):
            raise NotRestorable(f"checkpoint file {name} is damaged (content does not match)")
        return data

    def exists(self, name: str) -> bool:
        return self._path(name).exists()

    def write(self, snapshot: Snapshot) -> Written:
        """Write every part, then the manifest (so a manifest never names a missing part)."""
        written = 0
        entries: dict[str, dict[str, str]] = {}
        named: list[tuple[str, Part]] = list(snapshot.parts.items())
        if snapshot.rng is not None:
            named.append(("", snapshot.rng))
        for key, part in named:
            data, suffix = serialize(part.tree)
            name, new = self.put(data, suffix)
            written += len(data) if new else 0
            entries[key] = {"kind": part.kind, "type": part.type, "file": name}
        manifest = {
            "format": FORMAT,
            "parts": {k: v for k, v in entries.items() if k},
            "rng": entries.get(""),
            "missing": dict(snapshot.missing),
            "meta": dict(snapshot.meta),
        }
        text = json.dumps(manifest, sort_keys=True, default=str).encode()
        name, new = self.put(text, ".json")
        return Written(name, written + (len(text) if new else 0), len(entries))

    def read(self, manifest: str) -> Loaded:
        """Load a checkpoint by its manifest name; a missing or damaged file is NotRestorable."""
        try:
            doc = json.loads(self.get(manifest))
        except ValueError as exc:
            raise NotRestorable(f"checkpoint manifest {manifest} is not valid JSON") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise NotRestorable(f"checkpoint manifest {manifest} has an unknown format")

        def load(entry: Mapping[str, str]) -> Part:
            name = entry["file"]
            try:
                tree = deserialize(self.get(name), Path(name).suffix)
            except NotRestorable:
                raise
            except Exception as exc:  # a refused pickle, a torch load error
                raise NotRestorable(f"checkpoint file {name} cannot be read: {exc}") from exc
            return Part(entry["kind"], decode(tree), entry.get("type", ""))

        parts = {key: load(entry) for key, entry in doc["parts"].items()}
        rng = load(doc["rng"]) if doc.get("rng") else None
        return Loaded(parts, rng, dict(doc.get("missing", {})), dict(doc.get("meta", {})))


__all__ = ["CheckpointStore", "FORMAT", "Loaded", "Snapshot", "Written"]
