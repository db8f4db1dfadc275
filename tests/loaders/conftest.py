"""Helpers for the loader tests: write small input files, collect the problems of a load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from maillage.graph.errors import ValidationError
from maillage.loaders import load

ACTORS = """id,name,sector,territory
a1,Les Jardins,association,Alsace
a2,Menuiserie Kessler,business,Alsace
a3,Mairie,public,Alsace|Lille
"""


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write(name, text, encoding="utf-8")`` creates ``tmp_path / name`` and returns its path."""

    def write_file(name: str, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write_file


@pytest.fixture
def actors_csv(write: Callable[..., Path]) -> Path:
    """A canonical ``actors.csv``: a1 (association), a2 (business), a3 (public, 2 territories)."""
    return write("actors.csv", ACTORS)


@pytest.fixture
def problems() -> Callable[..., list[str]]:
    """``problems(paths, **options)``: what a failing load reports, as texts, in order."""

    def collect(paths: list[Path], **options: object) -> list[str]:
        with pytest.raises(ValidationError) as caught:
            load(paths, **options)  # type: ignore[arg-type]
        return [str(p) for p in caught.value.problems]

    return collect
