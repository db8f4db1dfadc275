"""``maillage compare``: rates, years, crossings and the brief, from the command line.

The two territories have a history written down here, so that every count
below can be checked by hand. Lille, as of each 31 December:

- 2019: b1, b2, a1, p1, u1 (a2 joins in March 2020); ties b1-a1, u1-b1.
- 2020: a2 joins; the event tie b2-a2 starts in June (it ends on 2021-06-30).
- 2021: a1-p1 (funding) starts; b2-a2 has ended; b1-f1 crosses to Figeac.

u1 belongs to both territories.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from maillage.cli import main

ACTORS = """id,name,sector,territory,joined
b1,Brasserie du Nord,business,Lille,2019-01-01
b2,Imprimerie Lilloise,business,Lille,2019-01-01
a1,Secours Lillois,association,Lille,2019-01-01
a2,Jardins de Fives,association,Lille,2020-03-01
p1,Mairie de Lille,public,Lille,2019-01-01
u1,Université des Deux Villes,academic,Lille|Figeac,
f1,Fromagerie du Célé,business,Figeac,2019-01-01
f2,Asso Figeac Solidaire,association,Figeac,2019-01-01
m1,Mairie de Figeac,public,Figeac,2019-01-01
"""
TIES = """source,target,kind,since,until
b1,a1,partnership,2019-02-01,
b2,a2,event,2020-06-01,2021-06-30
a1,p1,funding,2021-01-15,
u1,b1,partnership,2019-05-01,
f1,f2,partnership,2020-01-10,
f2,m1,partnership,2021-03-01,
u1,f1,service,2019-09-01,
b1,f1,partnership,2021-05-01,
"""


@pytest.fixture
def store(store_url: str, tmp_path: Path) -> str:
    """A store of each kind (SQLite, Neo4j) holding the two territories."""
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "ties.csv").write_text(TIES, encoding="utf-8")
    url = store_url
    files = [str(tmp_path / "actors.csv"), str(tmp_path / "ties.csv")]
    assert run("import", *files, store=url).exit_code == 0
    return url


def run(*args: str, store: str):
    return CliRunner().invoke(main, [*args, "--store", store], catch_exceptions=False)


def compare_json(store: str, *options: str) -> dict:
    result = run("compare", "Lille", "Figeac", "--format", "json", *options, store=store)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_lists_the_rates_business_to_association_first(store):
    rates = compare_json(store)["rates"]
    first = rates[0]
    assert (first["from"], first["to"]) == ("business", "association")
    # every tie ever, without --as-of: b1 (a1) and b2 (a2) of b1, b2
    assert first["values"]["Lille"] == {
        "actors": 2,
        "tied": 2,
        "share": 1.0,
        "low": pytest.approx(0.342380, abs=1e-6),
        "high": 1.0,
    }
    # at the end of 2021 b2-a2 has ended: b1 of b1, b2; Figeac: f1 (tied to f2) of f1
    first = compare_json(store, "--as-of", "2021-12-31")["rates"][0]
    assert first["values"]["Lille"] == {
        "actors": 2,
        "tied": 1,
        "share": 0.5,
        "low": pytest.approx(0.094531, abs=1e-6),
        "high": pytest.approx(0.905469, abs=1e-6),
    }
    assert (first["values"]["Figeac"]["tied"], first["values"]["Figeac"]["actors"]) == (1, 1)
    sectors = {"business", "association", "public", "academic"}
    assert {(r["from"], r["to"]) for r in rates} == {(a, b) for a in sectors for b in sectors}


def test_kind_counts_only_ties_of_that_kind(store):
    rates = {
        (r["from"], r["to"]): r["values"] for r in compare_json(store, "--kind", "funding")["rates"]
    }
    assert rates["association", "public"]["Lille"]["tied"] == 1  # a1-p1 is funding
    assert rates["business", "association"]["Lille"]["tied"] == 0
    assert compare_json(store, "--kind", "Partnership")["method"]["kind"] == "partnership"


def test_every_format_shows_the_rates(store, tmp_path):
    table = run("compare", "Lille", "Figeac", "--as-of", "2021-12-31", store=store).output
    line = next(x for x in table.splitlines() if x.lstrip().startswith("businesses → associations"))
    assert "1 of 2 · 50% (9–91%)" in line and "1 of 1 · 100% (21–100%)" in line
    csv_text = run("compare", "Lille", "Figeac", "--format", "csv", store=store).output
    assert "business→association,businesses → associations,1.0,1.0" in csv_text
    html = run("compare", "Lille", "Figeac", "--format", "html", store=store).output
    assert "businesses → associations" in html
    target = tmp_path / "compare.xlsx"
    run("compare", "Lille", "Figeac", "--format", "xlsx", "-o", str(target), store=store)
    rates = list(load_workbook(target)["rates"].iter_rows(values_only=True))
    assert rates[1][:6] == ("business", "association", "businesses → associations", "Lille", 2, 2)


def test_by_year_gives_each_31_december_and_the_bridges_of_each_year(store):
    years = compare_json(store, "--by-year")["by_year"]
    assert years["years"] == [2019, 2020, 2021]
    first = years["rates"][0]
    lille = [(c["tied"], c["actors"]) for c in first["values"]["Lille"]]
    assert (first["from"], first["to"], lille) == (
        "business",
        "association",
        [(1, 2), (2, 2), (1, 2)],
    )
    ties = next(r for r in years["indicators"] if r["name"] == "ties")["values"]
    assert ties == {"Lille": [2, 3, 3], "Figeac": [1, 2, 3]}
    lost = {
        (row["territory"], row["year"]): [i.get("id") for i in row["lost"] if i["type"] == "actor"]
        for row in years["bridges"]
    }
    assert sorted(lost["Lille", 2021]) == ["a2", "b2"]
    table = run("compare", "Lille", "Figeac", "--by-year", store=store).output
    assert "Lille, as of each 31 December" in table
    header = next(x for x in table.splitlines() if x.lstrip().startswith("Measure"))
    assert header.split() == ["Measure", "2019", "2020", "2021"]
    line = next(x for x in table.splitlines() if x.lstrip().startswith("businesses → associations"))
    assert line.split()[-3:] == ["1/2", "2/2", "1/2"]
    assert "Imprimerie Lilloise (business):" in table and "business–association" in table
    csv_text = run("compare", "Lille", "Figeac", "--by-year", "--format", "csv", store=store).output
    assert "2021,2021-12-31,Lille,bridges_lost,Bridges lost,2" in csv_text
    assert (
        "2020,2020-12-31,Lille,business→association,businesses → associations,1.0,2,2" in csv_text
    )


def test_actors_shared_and_ties_that_cross(store, tmp_path):
    crossings = compare_json(store)["crossings"]
    (pair,) = crossings["pairs"]
    assert pair["territories"] == ["Lille", "Figeac"]
    assert [a["id"] for a in pair["shared"]] == ["u1"]
    assert [(t["source"]["id"], t["target"]["id"]) for t in pair["crossing"]] == [("b1", "f1")]
    # u1-f1 is inside Figeac and leaves Lille through the shared u1
    assert crossings["leaving"]["Lille"] == {"ties": 2, "to": {"Figeac": 2}, "elsewhere": 0}
    table = run("compare", "Lille", "Figeac", store=store).output
    assert "Across territories" in table
    assert "Brasserie du Nord – Fromagerie du Célé (partnership)" in table
    target = tmp_path / "compare.xlsx"
    run("compare", "Lille", "Figeac", "--format", "xlsx", "-o", str(target), store=store)
    book = load_workbook(target)
    shared = list(book["shared_actors"].iter_rows(values_only=True))
    assert shared[1] == ("Lille", "Figeac", "u1", "Université des Deux Villes", "academic")
    crossing = list(book["crossing_ties"].iter_rows(values_only=True))
    assert crossing[1][2:4] == ("b1", "Brasserie du Nord") and crossing[1][-2:] == (
        "partnership",
        1,
    )


def test_the_coordinators_brief_in_french_and_english(store, tmp_path):
    for lang, heading in (
        ("fr", "<h2>Évolution dans le temps</h2>"),
        ("en", "<h2>Change over time</h2>"),
    ):
        target = tmp_path / f"brief-{lang}.html"
        result = run(
            "compare", "Lille", "Figeac", "--by-year", "--format", "html", "--lang", lang,
            "-o", str(target), store=store,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        html = target.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html and heading in html
        # rates, raw values, z-scores, years and the territories' matrix, each on its own axes
        assert html.count('class="plotly-graph-div"') == 5
    workbook = tmp_path / "brief.xlsx"
    run(
        "compare",
        "Lille",
        "Figeac",
        "--format",
        "xlsx",
        "--lang",
        "fr",
        "-o",
        str(workbook),
        store=store,
    )
    assert load_workbook(workbook)["rates"]["A1"].value == "de"


def test_bridges_gained_and_lost_read_as_sector_pairs(store):
    args = ("report", "Lille", "--since", "2020-12-31", "--until", "2021-12-31")
    table = run(*args, store=store).output
    rows = [
        line.split() for line in table.splitlines() if line.lstrip().startswith(("gained", "lost"))
    ]
    assert ["lost", "Imprimerie", "Lilloise", "(business)", "business–association"] in rows
    assert ["gained", "Mairie", "de", "Lille", "(public)", "association–public"] in rows
    csv_text = run(*args, "--format", "csv", store=store).output
    header, *lines = csv_text.splitlines()
    assert header.split(",")[:3] == ["change", "type", "id"]
    assert "lost,actor,b2,Imprimerie Lilloise,business,,,,,,,business–association" in lines
    assert not any(mark in csv_text for mark in ("[", "]", "'", "{"))
