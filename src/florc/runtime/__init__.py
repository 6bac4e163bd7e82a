"""What training code imports. Placeholder until the runtime lands: calls pass values through."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def log(name: str, value: T) -> T:
    return value


def arg(name: str, default: T | None = None) -> T | None:
    return default


def loop(name: str, vals: Iterable[T]) -> Iterator[T]:
    yield from vals


def checkpointing(**objs: Any) -> None:
    return None


def commit() -> None:
    return None


def dataframe(*names: str) -> Any:
    raise NotImplementedError


def query(sql: str) -> Any:
    raise NotImplementedError
