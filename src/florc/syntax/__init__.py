"""Reading Python sources: version-tolerant parsing, the statement tree the aligner works on,
recognition of the flor surface under any import alias, name binding, statement addresses."""

from __future__ import annotations

from florc.syntax.address import address, block_address
from florc.syntax.flor import FLOR_MODULES, FlorCall, FlorImports, flor_calls, flor_imports
from florc.syntax.parse import Unparseable, parse_python
from florc.syntax.scope import Point, Scopes, read_paths, written_paths
from florc.syntax.source import Unreadable, decode_source, newline_of, split_lines
from florc.syntax.tokens import is_path, tokenize_segment
from florc.syntax.tree import Block, StatementTree, Stmt, build_tree, iter_blocks

__all__ = [
    "FLOR_MODULES",
    "Block",
    "FlorCall",
    "FlorImports",
    "Point",
    "Scopes",
    "StatementTree",
    "Stmt",
    "Unparseable",
    "Unreadable",
    "address",
    "block_address",
    "build_tree",
    "decode_source",
    "flor_calls",
    "flor_imports",
    "is_path",
    "iter_blocks",
    "newline_of",
    "parse_python",
    "read_paths",
    "split_lines",
    "tokenize_segment",
    "written_paths",
]
