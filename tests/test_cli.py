"""The command-line contract of DATA-FORMAT.md, on both stores."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from maillage.cli import main

ACTORS = """id,name,sector,territory,city,joined
a1,Mairie de Sélestat,collectivité,Alsace,Sélestat,2010-01-01
a2,Les Jardins d'Ill,asso,Alsace,Strasbourg,2012-05-01
a3,Université du Rhin,université,Alsace|Lille,Strasbourg,
a4,Brasserie du Nord,entreprise,Lille,Lille,2015-03-01
a5,Fondation Lys,fondation,Lille,Lille,
"""
TIES = """source,target,kind,weight,since,until,directed,note
a1,a2,partnership,2,2015-01-01,,false,
a2,a3,event,1,2016-06-01,2018-06-01,false,"Forum ""ESS"" 2016"
a3,a4,funding,3,2017-01-01,,true,
a4,a5,partnership,1,2019-01-01,,false,
"""

EMPTY_LISTING = "territory  actors  ties inside  ties leaving"


def run(*args: str, store: str, input: str | None = None):
    result = CliRunner().invoke(
        main, [*args, "--store", store], input=input, catch_exceptions=False
    )
    return result


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    actors, ties = tmp_path / "actors.csv", tmp_path / "ties.csv"
    actors.write_text(ACTORS, encoding="utf-8")
    ties.write_text(TIES, encoding="utf-8")
    return [actors, ties]


def test_help_names_the_embedded_default_store():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "sqlite:///" in result.output and "maillage.db" in result.output


def test_import_then_territories(store_url, files):
    imported = run("import", *map(str, files), store=store_url)
    assert imported.exit_code == 0, imported.output
    assert "5 actors, 4 ties" in imported.output
    listing = run("territories", store=store_url)
    assert listing.output == (
        "territory  actors  ties inside  ties leaving\n"
        "Alsace          3            2             1\n"
        "Lille           3            2             1\n"
    )


@pytest.mark.neo4j
def test_territories_print_the_same_table_on_both_stores(neo4j_url, tmp_path, files):
    sqlite_url = f"sqlite:///{tmp_path / 'same.db'}"
    outputs = []
    for url in (sqlite_url, neo4j_url):
        assert run("import", *map(str, files), store=url).exit_code == 0
        outputs.append(run("territories", store=url).output)
    assert outputs[0] == outputs[1]
    assert "Alsace" in outputs[0]


def test_invalid_import_exits_non_zero_and_writes_nothing(store_url, files):
    files[1].write_text(TIES + "a1,a9,partnership,1,,,false,\n", encoding="utf-8")
    result = run("import", *map(str, files), store=store_url)
    assert result.exit_code != 0
    assert f"{files[1]}:6: target:" in result.output
    assert "Traceback" not in result.output
    assert run("territories", store=store_url).output.strip() == EMPTY_LISTING


def test_dry_run_validates_and_writes_nothing(store_url, files):
    result = run("import", "--dry-run", *map(str, files), store=store_url)
    assert result.exit_code == 0, result.output
    assert "Dry run" in result.output
    assert run("territories", store=store_url).output.strip() == EMPTY_LISTING


def test_reimport_changes_nothing(store_url, files):
    run("import", *map(str, files), store=store_url)
    again = run("import", *map(str, files), store=store_url)
    assert again.exit_code == 0
    assert "Nothing changed" in again.output


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "gexf", "graphml"])
def test_export_round_trips_through_import(store_url, files, tmp_path, fmt):
    run("import", *map(str, files), store=store_url)
    before = json.loads(run("report", "Lille", "--format", "json", store=store_url).output)
    out = tmp_path / f"lille-export.{fmt}" if fmt != "csv" else tmp_path / "lille-export"
    exported = run("export", "Lille", "--format", fmt, "-o", str(out), store=store_url)
    assert exported.exit_code == 0, exported.output
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    paths = sorted(map(str, out.glob("*.csv"))) if fmt == "csv" else [str(out)]
    reimported = run("import", *paths, store=fresh)
    assert reimported.exit_code == 0, reimported.output
    after = json.loads(run("report", "Lille", "--format", "json", store=fresh).output)
    assert after["network"]["actors"] == before["network"]["actors"] == 3
    assert after["network"]["ties"] == before["network"]["ties"]
    assert {a["id"]: a["degree"] for a in after["actors"]} == {
        a["id"]: a["degree"] for a in before["actors"]
    }


def test_report_json_follows_the_contract(store_url, files):
    run("import", *map(str, files), store=store_url)
    result = run("report", "Alsace", "--format", "json", store=store_url)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["territory"] == "Alsace" and report["as_of"] is None
    network = report["network"]
    for key in ("actors", "ties", "components", "communities"):
        assert isinstance(network[key], int)
    for key in ("density", "largest_component_share", "average_clustering", "modularity"):
        assert isinstance(network[key], float)
    assert network["actors"] == 3
    # a1-a2, a2-a3 inside; a3-a4 leaves Alsace: 1 of 3 ties goes out.
    assert network["openness"] == pytest.approx(1 / 3)
    broker = next(a for a in report["actors"] if a["id"] == "a2")
    assert broker["betweenness"] == pytest.approx(1.0)
    assert set(broker["brokerage"]) == {
        "coordinator",
        "itinerant",
        "gatekeeper",
        "representative",
        "liaison",
    }


def test_report_as_of_drops_later_ties(store_url, files):
    run("import", *map(str, files), store=store_url)
    result = run("report", "Alsace", "--as-of", "2015-06-01", "--format", "json", store=store_url)
    report = json.loads(result.output)
    assert report["as_of"] == "2015-06-01"
    assert report["network"]["ties"] == 1


@pytest.mark.parametrize("command", ["gaps", "compare"])
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "html"])
def test_gaps_and_compare_render(store_url, files, command, fmt):
    run("import", *map(str, files), store=store_url)
    args = [command, "Alsace"] + (["Lille"] if command == "compare" else [])
    result = run(*args, "--format", fmt, store=store_url)
    assert result.exit_code == 0, result.output
    expected = (
        {"gaps": "sector_a,sector_b", "compare": "Alsace"}[command] if fmt == "csv" else "Alsace"
    )
    assert expected in result.output


def test_report_and_gaps_in_french_html(store_url, files):
    run("import", *map(str, files), store=store_url)
    report = run("report", "Alsace", "--format", "html", "--lang", "fr", store=store_url)
    assert report.exit_code == 0, report.output
    assert '<html lang="fr">' in report.output
    assert "<h1>Rapport sur le réseau\u202f: Alsace</h1>" in report.output
    assert "<h2>Mises en relation suggérées</h2>" in report.output
    gaps = run("gaps", "Alsace", "--format", "html", "--lang", "fr", store=store_url)
    assert "<h1>Manques entre secteurs\u202f: Alsace</h1>" in gaps.output
    english = run("report", "Alsace", "--format", "html", store=store_url)
    assert "<h1>Network report: Alsace</h1>" in english.output


def test_unknown_territory_is_a_clear_error(store_url):
    result = run("report", "Atlantis", store=store_url)
    assert result.exit_code == 1
    assert "Atlantis" in result.output and "Traceback" not in result.output


def test_unreachable_neo4j_is_a_clear_error():
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    result = CliRunner(env=env).invoke(main, ["territories", "--store", "neo4j://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "neo4j://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output


def test_path_names_the_chain_or_the_missing_actor(store_url, files):
    run("import", *map(str, files), store=store_url)
    chain = run("path", "Alsace", "a1", "a3", store=store_url)
    assert chain.exit_code == 0, chain.output
    assert "Les Jardins d'Ill" in chain.output
    unknown = run("path", "Alsace", "a1", "nobody", store=store_url)
    assert unknown.exit_code == 1
    assert "'nobody'" in unknown.output and "Traceback" not in unknown.output
