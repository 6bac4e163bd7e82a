"""The records the instrumentation pass produces and consumes: facts about a script's loops and
statements, the directives a replay plan gives, and the edits the pass makes.

Pure data (no libcst): the replay planner and the runtime side read these without importing the
compiler. Every record is frozen and prints as one readable line or block (``--explain``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any


def _names(label: str, names: tuple[str, ...]) -> str | None:
    return f"{label} {', '.join(names)}" if names else None


@dataclass(frozen=True)
class WriteSet:
    """What running a loop may change, as names and dotted paths of the loop's scope.

    - ``assigned``: names and attribute paths (``net.last_loss``) the loop rebinds and that are
      read after it (or read in it before being rebound): restored by value and rebound.
    - ``scratch``: names the loop rebinds that nothing reads afterwards; saved only when small.
    - ``mutated``: objects the loop changes in place for certain (``opt.step()``, ``xs[i] = v``).
    - ``maybe``: objects the loop may change in place (passed to a call, receiver of a method it
      cannot classify); saved when they can be, ignored when they are code.
    - ``iterated``: objects the loop iterates; an iterator among them is consumed by the loop.
    - ``global_names``: globals assigned by functions the loop calls, outside the loop's scope.
    - ``grads``: the loop may change parameters' ``.grad`` (``backward``, ``zero_grad``, ...).
    """

    assigned: tuple[str, ...] = ()
    scratch: tuple[str, ...] = ()
    mutated: tuple[str, ...] = ()
    maybe: tuple[str, ...] = ()
    iterated: tuple[str, ...] = ()
    global_names: tuple[str, ...] = ()
    grads: bool = False

    def __str__(self) -> str:
        parts = [
            _names("assigned", self.assigned),
            _names("scratch", self.scratch),
            _names("mutated", self.mutated),
            _names("maybe", self.maybe),
            _names("iterated", self.iterated),
            _names("globals", self.global_names),
            "grads" if self.grads else None,
        ]
        return "; ".join(p for p in parts if p) or "nothing"


@dataclass(frozen=True)
class LoopFacts:
    """One loop the pass instruments.

    ``role`` is ``main`` for the outermost ``flor.loop`` of a function or module and ``nested``
    for a loop directly inside a main loop's body (through ``if``/``with``/``try``, not through
    another loop). ``opaque`` lists why the write-set is unknown (the loop is then never skipped
    and iterations are never resumed from a checkpoint); ``control`` lists why skipping the whole
    loop would change control flow (``return`` inside it, say).
    """

    address: str  # the block address of the loop body: checkpoints are keyed by it
    role: str  # main | nested
    label: str  # the flor.loop name, or the loop target as written
    line: int
    end_line: int
    main: str | None  # the enclosing main loop of a nested loop
    writes: WriteSet
    opaque: tuple[str, ...] = ()
    control: tuple[str, ...] = ()
    grads_read_after: bool = False  # code outside the loop reads parameters' .grad
    kind: str = "loop"  # loop | call (a statement calling a script function that loops)

    @property
    def skippable(self) -> bool:
        return not self.opaque and not self.control

    @property
    def resumable(self) -> bool:
        return not self.opaque

    def __str__(self) -> str:
        what = "call block" if self.kind == "call" else "loop"
        head = f"{self.role} {what} {self.address} (lines {self.line}-{self.end_line})"
        why = "; ".join((*self.opaque, *self.control))
        state = "skippable" if self.skippable else f"not skippable: {why}"
        return f"{head}: {state}\n    writes: {self.writes}"


@dataclass(frozen=True)
class Placement:
    """Where a statement runs relative to the main loops, which decides the replay level.

    ``level``: ``prefix`` (before main loop ``main``, outside loops), ``suffix`` (outside every
    main loop, after one or where the order is not lexical), ``outer`` (in the body of ``main``,
    outside its nested loops), ``inner`` (inside nested loop ``block`` of ``main``), ``unknown``
    (the pass cannot tell: the replay then runs everything).
    """

    level: str
    main: str | None = None
    block: str | None = None
    via: tuple[str, ...] = ()  # call sites through which the statement runs
    why: str = ""

    def __str__(self) -> str:
        where = self.block or self.main or "the module"
        via = f" via {' -> '.join(self.via)}" if self.via else ""
        why = f" ({self.why})" if self.why else ""
        return f"{self.level} in {where}{via}{why}"


@dataclass(frozen=True)
class StatementFacts:
    address: str
    line: int
    placements: tuple[Placement, ...]
    reads_grads: bool = False
    logged: tuple[str, ...] = ()  # keys of the flor.log calls of a simple statement
    end_line: int = 0  # last line (0: the statement is one line)
    compound: bool = False  # a for/while/if/with/try/def/class: its lines include its body

    def __str__(self) -> str:
        return f"{self.address} (line {self.line}): " + "; ".join(str(p) for p in self.placements)


@dataclass(frozen=True)
class ScriptAnalysis:
    """Everything the planner needs to know about one script."""

    path: str
    loops: tuple[LoopFacts, ...]
    statements: tuple[StatementFacts, ...]
    notes: tuple[str, ...] = ()

    def loop(self, address: str) -> LoopFacts:
        for facts in self.loops:
            if facts.address == address:
                return facts
        raise KeyError(address)

    def statement(self, address: str) -> StatementFacts:
        for facts in self.statements:
            if facts.address == address:
                return facts
        raise KeyError(address)

    def statements_at(self, line: int) -> tuple[StatementFacts, ...]:
        return tuple(s for s in self.statements if s.line == line)

    @property
    def main_loops(self) -> tuple[LoopFacts, ...]:
        return tuple(f for f in self.loops if f.role == "main")

    def nested(self, main: str) -> tuple[LoopFacts, ...]:
        return tuple(f for f in self.loops if f.main == main)

    def __str__(self) -> str:
        lines = [f"{self.path}: {len(self.main_loops)} main loop(s), {len(self.loops)} loop(s)"]
        lines.extend(str(f) for f in self.loops)
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReplayDirectives:
    """What a replay plan asks of the pass (addresses of loops):

    - ``skip``: loops to guard so that the runtime may restore them from a checkpoint instead of
      running them (the runtime runs them when it cannot);
    - ``select``: main loops whose iterations the runtime chooses (others are skipped, the state
      before the first chosen one restored);
    - ``stop``: main loops before which the replay ends (everything it needs came before).
    """

    skip: frozenset[str] = frozenset()
    select: frozenset[str] = frozenset()
    stop: frozenset[str] = frozenset()

    def __str__(self) -> str:
        parts = [
            f"{label}: {', '.join(sorted(items))}"
            for label, items in (("skip", self.skip), ("select", self.select), ("stop", self.stop))
            if items
        ]
        return "; ".join(parts) or "run everything"


@dataclass(frozen=True)
class Edit:
    """One change the pass makes: ``kind`` at loop ``target`` (or the module), with ``code``.

    Kinds: ``import`` (module top), ``top`` (first statements of the loop body), ``after`` /
    ``before`` (statements next to the loop), ``guard`` (``code`` is the condition; the loop
    goes under ``else:`` and ``restore`` under ``if``).
    """

    kind: str
    target: str
    code: str
    restore: str | None = None

    def __str__(self) -> str:
        text = self.code if self.restore is None else f"if {self.code}: {self.restore}"
        return f"{self.kind:6} {self.target or '<module>'}: {' '.join(text.split())}"


@dataclass(frozen=True)
class InstrumentResult:
    """The outcome for one script: new code (equal to the input when nothing applies), the
    edits made, the analysis behind them, and notes (why a loop was left alone)."""

    code: str
    edits: tuple[Edit, ...]
    analysis: ScriptAnalysis
    notes: tuple[str, ...] = field(default_factory=tuple)
    # For each line of ``code`` (1-based; index 0 unused, one past the end for a position after
    # the last line), the line of the input it is, or for an inserted line the line it follows.
    lines: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def explain(self) -> str:
        lines = [str(e) for e in self.edits] or ["no edits"]
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)


def writeset_from_json(data: Mapping[str, Any]) -> WriteSet:
    return WriteSet(
        **{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}  # type: ignore[arg-type]
    )


__all__ = [
    "Edit",
    "InstrumentResult",
    "LoopFacts",
    "Placement",
    "ReplayDirectives",
    "ScriptAnalysis",
    "StatementFacts",
    "WriteSet",
    "writeset_from_json",
]
