"""``maillage introductions add|list|update`` and the app's follow-up, on both stores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from maillage.cli import main
from maillage.graph.introductions import Status
from maillage.graph.model import TieKind

ACTORS = """id,name,sector,territory
a1,Atelier Nord,business,Nantes
a2,Asso Lien,association,Nantes
a3,Mairie de Nantes,public,Nantes
a4,Claire Martin,citizen,Nantes
"""
TIES = """source,target,kind
a1,a3,event
a2,a3,partnership
"""


def run(*args: str, store: str, ok: bool = True):
    result = CliRunner().invoke(main, [*args, "--store", store], catch_exceptions=False)
    assert (result.exit_code == 0) == ok, result.output
    return result


@pytest.fixture
def nantes(store_url: str, tmp_path: Path) -> str:
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "ties.csv").write_text(TIES, encoding="utf-8")
    run("import", str(tmp_path / "actors.csv"), str(tmp_path / "ties.csv"), store=store_url)
    return store_url


def listing(store: str, *args: str) -> list[dict]:
    return json.loads(run("introductions", "list", *args, "--format", "json", store=store).output)


def test_an_introduction_goes_from_made_to_partnership_and_the_tie_appears(nantes, tmp_path):
    added = run(
        "introductions",
        "add",
        "Nantes",
        "a1",
        "a2",
        "--via",
        "a3",
        "--date",
        "2026-01-05",
        "--note",
        "au forum",
        "--follow-up",
        "2026-02-01",
        store=nantes,
    )
    assert added.output.strip() == "1"
    run("introductions", "update", "1", "--status", "met", "--date", "2026-01-20", store=nantes)
    moved = run(
        "introductions",
        "update",
        "1",
        "--status",
        "partnership",
        "--date",
        "2026-03-06",
        "--note",
        "convention signée",
        store=nantes,
    )
    assert "partnership" in moved.output
    (record,) = listing(nantes)
    assert record["status"] == "partnership" and record["via"] == ["a3"]
    assert [s["status"] for s in record["history"]] == ["made", "met", "partnership"]
    assert record["history"][2]["note"] == "convention signée"
    assert record["follow_up"] is None
    assert record["tie"] == '["partnership", false, "a1", "a2"]'
    ties = (tmp_path / "out").joinpath("ties.csv")
    run("export", "Nantes", "--format", "csv", "-o", str(tmp_path / "out"), store=nantes)
    rows = ties.read_text(encoding="utf-8-sig").splitlines()
    made = [r for r in rows if r.startswith("a1,a2,partnership")]
    assert len(made) == 1 and "introduction:1" in made[0] and "2026-03-06" in made[0]


def test_an_existing_partnership_is_referenced_not_duplicated(nantes):
    run("introductions", "add", "Nantes", "a2", "a3", store=nantes)
    run("introductions", "update", "1", "--status", "partnership", store=nantes)
    (record,) = listing(nantes)
    assert record["tie"] == '["partnership", false, "a2", "a3"]'
    history = run("history", store=nantes).output
    assert "partnership of introduction" not in history


def test_list_filters_by_territory_status_and_due(nantes):
    run("introductions", "add", "Nantes", "a1", "a2", "--follow-up", "2020-01-01", store=nantes)
    run("introductions", "add", "Nantes", "a1", "a4", "--proposed", store=nantes)
    assert [r["id"] for r in listing(nantes, "--due")] == ["1"]
    assert [r["id"] for r in listing(nantes, "--status", "proposed")] == ["2"]
    assert [r["id"] for r in listing(nantes, "Nantes")] == ["1", "2"]
    table = run("introductions", "list", store=nantes).output
    assert "Atelier Nord" in table and "Claire Martin" in table
    csv_text = run("introductions", "list", "--format", "csv", store=nantes).output
    assert csv_text.splitlines()[0].lstrip("\ufeff").startswith("id,territory,status,source")


def test_bad_requests_are_clear_errors(nantes):
    assert (
        "no actor 'zz' in Nantes"
        in run("introductions", "add", "Nantes", "a1", "zz", store=nantes, ok=False).output
    )
    assert (
        "no introduction with id '7'"
        in run("introductions", "update", "7", "--status", "met", store=nantes, ok=False).output
    )
    run("introductions", "add", "Nantes", "a1", "a2", "--date", "2026-01-05", store=nantes)
    run("introductions", "update", "1", "--status", "met", "--date", "2026-01-09", store=nantes)
    back = run("introductions", "update", "1", "--status", "made", store=nantes, ok=False)
    assert "cannot go back from met to made" in back.output
    assert "Traceback" not in back.output


def test_the_funnel_counts_what_the_introductions_reached(store_url, tmp_path):
    from maillage.app import Maillage
    from maillage.settings import Settings

    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    app = Maillage(Settings.from_env(store_url))
    try:
        app.import_files([tmp_path / "actors.csv"])
        one = app.add_introduction("Nantes", "a1", "a2", day=date(2026, 1, 5), user="marie")
        app.add_introduction("Nantes", "a1", "a3", day=date(2026, 1, 5), user="marie")
        app.update_introduction(one.id, Status.PARTNERSHIP, day=date(2026, 2, 4))
        funnel = app.introduction_funnel("Nantes")["Nantes"]
        assert funnel == {
            "proposed": 2,
            "made": 2,
            "met": 1,
            "partnership": 1,
            "dropped": 0,
            "open": 1,
            "days": 30,
        }
        network = app.network("Nantes")
        assert any(
            t.kind == TieKind.PARTNERSHIP and t.ref == "introduction:1" for t in network.ties
        )
        assert app.introduction("1").history[0].by == "marie"
    finally:
        app.close()


def test_the_partnership_of_an_introduction_is_in_the_history_of_its_actors_territories(
    store_url, tmp_path
):
    from maillage.app import Maillage
    from maillage.settings import Settings

    actors = ACTORS.replace(
        "a2,Asso Lien,association,Nantes", "a2,Asso Lien,association,Nantes|Rezé"
    )
    (tmp_path / "actors.csv").write_text(actors, encoding="utf-8")
    app = Maillage(Settings.from_env(store_url))
    try:
        app.import_files([tmp_path / "actors.csv"])
        one = app.add_introduction("Nantes", "a1", "a2", day=date(2026, 1, 5), user="marie")
        app.update_introduction(one.id, Status.PARTNERSHIP, day=date(2026, 2, 4), user="marie")
        made = app.history()[-1]
        assert made.description == "partnership of introduction 1"
        assert made.territories == ("Nantes", "Rezé")
        assert app.history("Rezé")[-1].id == made.id
        assert app.history("Nantes")[-1].id == made.id
    finally:
        app.close()
