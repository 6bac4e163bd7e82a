from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    try:
        parser.addoption(
            "--regen-goldens",
            action="store_true",
            default=False,
            help="rewrite golden expectations (tests/propagate/cases, tests/histories/*/expected)",
        )
    except ValueError:
        pass  # registered by the other golden directory's conftest


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-goldens", default=False))
