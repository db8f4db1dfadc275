"""Territories and actors found as people type them: ``graph/names.py`` and every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from maillage.cli import main
from maillage.graph.names import (
    AmbiguousName,
    UnknownName,
    closest,
    name_key,
    resolve_actor,
    resolve_territory,
)

TERRITORIES = ["FR42 / Alsace", "Lille", "Île-de-France", "Lille Métropole"]
ACTORS = [("a1", "Mairie de Sélestat"), ("a2", "Les Jardins"), ("a3", "Les jardins"), ("B7", "B7")]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Lille", "Lille"),
        ("lille", "Lille"),
        ("  LILLE ", "Lille"),
        ("fr42  /  alsace", "FR42 / Alsace"),
        ("ile-de-france", "Île-de-France"),
        ("lille metropole", "Lille Métropole"),
    ],
)
def test_territories_ignore_case_accents_and_spaces(typed, found):
    assert resolve_territory(typed, TERRITORIES) == found


def test_an_unknown_territory_names_the_closest():
    with pytest.raises(UnknownName) as caught:
        resolve_territory("alsace", TERRITORIES)
    assert str(caught.value) == "no territory named 'alsace'; did you mean 'FR42 / Alsace'?"
    with pytest.raises(UnknownName, match="did you mean 'Lille'"):
        resolve_territory("Lile", TERRITORIES)
    with pytest.raises(UnknownName) as caught:
        resolve_territory("zzzz", TERRITORIES)
    assert str(caught.value) == "no territory named 'zzzz'"


def test_two_territories_with_one_key_are_ambiguous():
    with pytest.raises(AmbiguousName, match="'lille' could be several territories"):
        resolve_territory("lille", ["LILLE", "Lille "])


@pytest.mark.parametrize(
    ("typed", "found"),
    [("a1", "a1"), ("A1", "a1"), ("b7", "B7"), ("mairie de selestat", "a1")],
)
def test_actors_by_id_or_unambiguous_name(typed, found):
    assert resolve_actor(typed, ACTORS) == found


def test_an_ambiguous_actor_name_lists_the_candidates_with_their_ids():
    with pytest.raises(AmbiguousName) as caught:
        resolve_actor("les jardins", ACTORS, where="Alsace")
    assert str(caught.value) == (
        "'les jardins' could be several actors in Alsace; "
        "did you mean 'a2' (Les Jardins) or 'a3' (Les jardins)?"
    )


def test_an_unknown_actor_names_the_closest():
    with pytest.raises(UnknownName, match=r"did you mean 'a1' \(Mairie de Sélestat\)"):
        resolve_actor("Mairie Selestat", ACTORS)


def test_keys_and_closest():
    assert name_key(" Université\tdu  Rhin ") == "universite du rhin"
    assert closest("lille", TERRITORIES) == ["Lille", "Lille Métropole"]


ACTORS_CSV = """id,name,sector,territory
a1,Mairie de Sélestat,public,FR42  / Alsace
a2,Les Jardins,association,FR42  / Alsace
a3,Université du Rhin,academic,FR42  / Alsace|Lille
a4,Brasserie du Nord,business,Lille
"""
TIES_CSV = "source,target\na1,a2\na2,a3\na3,a4\n"


@pytest.fixture
def store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'names.db'}"
    (tmp_path / "actors.csv").write_text(ACTORS_CSV, encoding="utf-8")
    (tmp_path / "ties.csv").write_text(TIES_CSV, encoding="utf-8")
    files = [str(tmp_path / "actors.csv"), str(tmp_path / "ties.csv")]
    assert run("import", *files, store=url).exit_code == 0
    return url


def run(*args: str, store: str):
    return CliRunner().invoke(main, [*args, "--store", store], catch_exceptions=False)


@pytest.mark.parametrize("typed", ["FR42 / Alsace", "fr42 / alsace", "FR42  / ALSACE"])
def test_every_command_takes_the_territory_as_typed(store, typed, tmp_path):
    for args in (
        ("report", typed, "--format", "json"),
        ("gaps", typed, "--format", "json"),
        ("compare", typed, "lille", "--format", "json"),
        ("export", typed, "--format", "gexf", "-o", str(tmp_path / "out.gexf")),
    ):
        result = run(*args, store=store)
        assert result.exit_code == 0, (args, result.output)


def test_a_mistyped_territory_gets_suggestions_in_every_command(store):
    for args in (("report", "alsace"), ("gaps", "alsace"), ("export", "alsace", "--format", "csv")):
        result = run(*args, store=store)
        assert result.exit_code != 0
        assert "did you mean 'FR42  / Alsace'?" in result.output, result.output
        assert "Traceback" not in result.output


def test_path_takes_actor_names(store):
    result = run("path", "fr42 / alsace", "mairie de selestat", "Université du Rhin", store=store)
    assert result.exit_code == 0, result.output
    assert "Mairie de Sélestat" in result.output
    missing = run("path", "fr42 / alsace", "a1", "Jardin", store=store)
    assert missing.exit_code != 0
    assert "did you mean 'a2' (Les Jardins)?" in missing.output


def test_delete_territory_as_typed(store):
    result = run("delete-territory", "LILLE", "--yes", store=store)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Deleted Lille (`maillage undo` brings it back)"
