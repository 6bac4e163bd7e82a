"""Replay of recorded runs: selectors, plans, materialized trees."""

from __future__ import annotations

from florc.replay.selectors import Address, Selector, SelectorError, parse_address, parse_selectors

__all__ = ["Address", "Selector", "SelectorError", "parse_address", "parse_selectors"]
