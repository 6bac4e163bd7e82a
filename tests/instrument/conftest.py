from __future__ import annotations


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/instrument/cases/*.out.py from the current output (then review the diff)",
    )
