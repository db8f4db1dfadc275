"""``maillage import --rejects FILE`` and ``maillage import DIR`` (DATA-FORMAT.md, imports)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from maillage.cli import main

ACTORS = """id,name,sector,territory
a1,Les Jardins,association,Alsace
a2,Menuiserie,bizness,Alsace
a3,Mairie,public,Alsace
a4,Atelier,business,Alsace
"""
TIES = """source,target
a1,a3
a1,a2
a3,a4
"""


def run(*args: str, store: str):
    return CliRunner().invoke(main, [*args, "--store", store], catch_exceptions=False)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'maillage.db'}"


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "ties.csv").write_text(TIES, encoding="utf-8")
    return [str(tmp_path / "actors.csv"), str(tmp_path / "ties.csv")]


def test_without_rejects_nothing_is_imported(files, sqlite_url):
    result = run("import", *files, store=sqlite_url)
    assert result.exit_code != 0
    assert "unknown sector 'bizness'" in result.output
    assert run("territories", store=sqlite_url).output.count("Alsace") == 0


def test_rejects_imports_the_valid_rows_and_names_the_file(files, sqlite_url, tmp_path):
    rejects = tmp_path / "rejects.csv"
    result = run("import", *files, "--rejects", str(rejects), store=sqlite_url)
    assert result.exit_code == 0, result.output
    assert "3 actors, 2 ties" in result.output
    assert f"2 invalid rows set aside in {rejects}." in result.output
    rows = list(csv.reader(rejects.open(encoding="utf-8")))
    assert [r[1:3] for r in rows[1:]] == [["3", "sector"], ["3", "target"]]


def test_import_of_an_exported_csv_folder(files, sqlite_url, tmp_path):
    fixed = Path(files[0]).read_text(encoding="utf-8").replace("bizness", "business")
    Path(files[0]).write_text(fixed, encoding="utf-8")
    assert run("import", *files, store=sqlite_url).exit_code == 0
    folder = tmp_path / "out"
    exported = run("export", "Alsace", "--format", "csv", "-o", str(folder), store=sqlite_url)
    assert exported.exit_code == 0, exported.output
    other = f"sqlite:///{tmp_path / 'other.db'}"
    result = run("import", str(folder), store=other)
    assert result.exit_code == 0, result.output
    assert "4 actors, 3 ties" in result.output


def test_dry_run_with_rejects_writes_the_rejects_and_not_the_store(files, sqlite_url, tmp_path):
    rejects = tmp_path / "rejects.csv"
    result = run("import", *files, "--dry-run", "--rejects", str(rejects), store=sqlite_url)
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing was written" in result.output
    assert f"2 invalid rows set aside in {rejects}." in result.output
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 3
    assert "Alsace" not in run("territories", store=sqlite_url).output


def test_conflicts_show_sector_names_never_reprs(tmp_path, sqlite_url):
    export = tmp_path / "e.csv"
    export.write_text("id,name,sector,territory,activity\na,A,asso,T,x\na,A,public,T,y\n")
    mapping = tmp_path / "m.toml"
    mapping.write_text('type = "two-mode"\n', encoding="utf-8")
    result = run("import", str(export), "--mapping", str(mapping), store=sqlite_url)
    assert result.exit_code != 0
    assert "'public' here, 'association' at line 2" in result.output
    assert "<Sector" not in result.output
