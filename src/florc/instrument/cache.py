"""The content-addressed cache of instrumented scripts, under the project's store directory.

An instrumented script is a pure function of the script's text, its path (loop addresses embed
it), the mode, the replay directives, and the pass itself. The key hashes all of them: the pass
by the text of its own modules (an edited pass never reuses an older pass's output, released or
not) and florc's version, and the Python version (``ast`` positions and grammar follow it).
Running the same script again then costs one small file read instead of the pass.

An entry is one JSON file ``<store>/cache/instrument/<key>.json``: the instrumented code, its line
map, the notes, and in record mode the inserted statements with the statement each follows (what
``execute.py`` compiles from without re-reading the instrumented text). It is written to a
temporary name and renamed, so a reader sees a whole entry or none; an entry that does not decode
to what its key promises is ignored and written again. Entries are few and small; the oldest
beyond ``LIMIT`` are removed when a new one is written, and a hit refreshes an entry's age.

Errors never surface: a store that cannot be read or written means recomputing, never failing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from florc.instrument.model import ReplayDirectives

DIRNAME = ("cache", "instrument")
LIMIT = 256  # entries kept
FORMAT = 1

_PASS: list[str] = []


def _pass_digest() -> str:
    """A digest of the pass's own source: any change to it changes every key."""
    if not _PASS:
        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        for module in sorted(here.glob("*.py")):
            h.update(module.name.encode())
            h.update(module.read_bytes())
        _PASS.append(h.hexdigest())
    return _PASS[0]


@dataclass(frozen=True)
class Insert:
    """A statement record mode adds: ``kind`` (import | top | after) at the statement that
    starts at ``line``:``column`` (the loop or call block; nothing for the import), carrying
    the line number it runs under (the line it follows)."""

    kind: str
    line: int
    column: int
    at: int
    code: str


@dataclass(frozen=True)
class Instrumented:
    """What running an instrumented script needs: its code, for each of its lines the line of
    the script it is (``InstrumentResult.lines``), the pass's notes, and in record mode the
    inserted statements."""

    code: str
    lines: tuple[int, ...]
    notes: tuple[str, ...]
    inserts: tuple[Insert, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "lines": list(self.lines),
            "notes": list(self.notes),
            "inserts": [[i.kind, i.line, i.column, i.at, i.code] for i in self.inserts],
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> Instrumented:
        code, lines, notes, inserts = data["code"], data["lines"], data["notes"], data["inserts"]
        if not (isinstance(code, str) and isinstance(lines, list) and isinstance(notes, list)):
            raise ValueError("malformed entry")
        return Instrumented(
            code,
            tuple(int(n) for n in lines),
            tuple(str(n) for n in notes),
            tuple(Insert(str(k), int(a), int(b), int(c), str(d)) for k, a, b, c, d in inserts),
        )


def cache_key(mode: str, source: str, path: str, directives: ReplayDirectives | None = None) -> str:
    from florc import __version__

    plan = None
    if directives is not None:
        plan = [sorted(directives.skip), sorted(directives.select), sorted(directives.stop)]
    head = json.dumps([FORMAT, __version__, _pass_digest(), sys.implementation.cache_tag, mode, path, plan])
    h = hashlib.sha256(head.encode())
    h.update(b"\0")
    h.update(source.encode("utf-8", errors="surrogatepass"))
    return h.hexdigest()


class InstrumentCache:
    """Instrumented scripts by content (see the module doc); ``directory`` None caches nothing.

    >>> import tempfile
    >>> cache = InstrumentCache.under(Path(tempfile.mkdtemp()))
    >>> source = "import florc as flor\\nfor e in flor.loop('e', range(2)):\\n    pass\\n"
    >>> first = cache.record(source, "t.py")
    >>> cache.record(source, "t.py") == first, cache.hits
    (True, 1)
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits = 0

    @staticmethod
    def under(store: Path) -> InstrumentCache:
        """The cache of the store at ``store`` (``florc.store.layout.store_dir(root)``)."""
        return InstrumentCache(store.joinpath(*DIRNAME))

    def record(self, source: str, path: str) -> Instrumented:
        """``source`` instrumented in record mode (raises ``Unparseable`` like the pass)."""
        key = cache_key("record", source, path)
        found = self.lookup(key)
        if found is None:
            from florc.instrument import record_parsed

            parsed, result = record_parsed(source, path)
            found = instrumented(parsed, result, record=True)
            self.store(key, found)
        return found

    def replay(self, source: str, path: str, directives: ReplayDirectives) -> Instrumented:
        """``source`` instrumented in replay mode for ``directives``."""
        key = cache_key("replay", source, path, directives)
        found = self.lookup(key)
        if found is None:
            from florc.instrument import instrument_replay

            result = instrument_replay(source, path, directives)
            found = Instrumented(result.code, result.lines, result.notes)
            self.store(key, found)
        return found

    def _path(self, key: str) -> Path | None:
        return None if self.directory is None else self.directory / f"{key}.json"

    def lookup(self, key: str) -> Instrumented | None:
        entry = self._path(key)
        if entry is None:
            return None
        try:
            data = json.loads(entry.read_bytes())
            if data.get("key") != key:
                return None
            found = Instrumented.from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.hits += 1
        try:
            os.utime(entry)  # recently used: kept when older entries are removed
        except OSError:
            pass
        return found

    def store(self, key: str, value: Instrumented) -> None:
        entry = self._path(key)
        if entry is None:
            return
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"key": key, **value.to_json()}), encoding="utf-8")
            os.replace(tmp, entry)
            self._trim(entry.parent)
        except OSError:
            pass

    def _trim(self, directory: Path) -> None:
        entries = []
        for item in os.scandir(directory):
            if item.name.endswith(".json"):
                try:
                    entries.append((item.stat().st_mtime, item.path))
                except OSError:
                    continue
        for _, path in sorted(entries)[: max(0, len(entries) - LIMIT)]:
            try:
                os.unlink(path)
            except OSError:
                pass


def instrumented(parsed: Any, result: Any, *, record: bool) -> Instrumented:
    """The cacheable part of a pass's result; in record mode with its inserted statements."""
    inserts: list[Insert] = []
    if record and result.edits:
        from florc.instrument.splice import gap

        for edit in result.edits:
            node = parsed.loops.get(edit.target) if edit.target else None
            line, column = (node.lineno, node.col_offset) if node is not None else (0, 0)
            at = max(gap(parsed.text, parsed.module, node, edit.kind), 1)
            inserts.append(Insert(edit.kind, line, column, at, edit.code))
    return Instrumented(result.code, result.lines, result.notes, tuple(inserts))


__all__ = ["DIRNAME", "Insert", "InstrumentCache", "Instrumented", "cache_key", "instrumented"]
