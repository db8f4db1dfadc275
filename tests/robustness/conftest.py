"""Fixtures of the robustness tests: a store pre-filled with a known data set."""

from __future__ import annotations

from pathlib import Path

import pytest
from robustness_support import OUTCOMES, SeededStore


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> SeededStore:
    """A SQLite store holding ``KNOWN``; call ``reset()`` before each example."""
    return SeededStore(Path(tmp_path_factory.mktemp("seeded")))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if OUTCOMES:
        total = sum(OUTCOMES.values())
        terminalreporter.write_line(
            f"robustness: {total} generated imports, {OUTCOMES['loaded']} loaded, "
            f"{OUTCOMES['rejected']} rejected cleanly"
        )
