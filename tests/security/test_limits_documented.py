"""Every limit of the settings is in docs/security.md with its variable and its default."""

from __future__ import annotations

from pathlib import Path

import pytest

from maillage.loaders.limits import FileLimits
from maillage.settings import LIMIT_VARIABLES, Limits

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"


def default(name: str) -> int:
    if name.startswith("files."):
        return getattr(FileLimits(), name.removeprefix("files."))
    return getattr(Limits(), name)


@pytest.mark.parametrize("name", sorted(LIMIT_VARIABLES))
def test_each_limit_is_documented_with_its_default(name: str):
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    variable = LIMIT_VARIABLES[name]
    (row,) = [line for line in rows if line.startswith(f"| `{variable}` |")]
    assert f"| {default(name):,}" in row, row


def test_every_limit_has_a_variable():
    fields = {f"files.{f}" for f in FileLimits.__dataclass_fields__}
    fields |= {f for f in Limits.__dataclass_fields__ if f != "files"}
    assert fields == set(LIMIT_VARIABLES)
