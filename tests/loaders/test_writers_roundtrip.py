"""Exports read back as the same actors and ties, in every format, formulas neutralised."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from maillage.graph.errors import MaillageError
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind
from maillage.loaders import load
from maillage.loaders.demo import demo_dataset
from maillage.loaders.writers import write

ACTORS = (
    Actor(
        "a1",
        '=HYPERLINK("http://evil")',
        Sector.ASSOCIATION,
        ("Alsace",),
        kind="association",
        city="Colmar",
        lat=48.0794,
        lon=-7.3585,
        joined=date(2015, 3, 1),
        attributes={"budget": "-3000", "motto": "+ de liens", "quote": "'=1+1"},
    ),
    Actor("-12", "Kessler & Fils <SA>", Sector.BUSINESS, ("Alsace", "Lille"), kind="PME"),
)
OUTSIDE = (Actor("x9", "@Mairie", Sector.PUBLIC, ("Vosges",)),)
TIES = (
    Tie("a1", "-12", TieKind.PARTNERSHIP, 2.5, date(2019, 1, 1), date(2022, 6, 30), note="mécénat"),
    Tie("-12", "a1", TieKind.FUNDING, 1.0, directed=True, ref="=cmd|' /C calc'!A0"),
    Tie("a1", "x9", TieKind.EVENT, 3.0, date(2010, 5, 5), activities=("e1", "e2", "e3")),
)
NETWORK = Network("Alsace", ACTORS, TIES, OUTSIDE)


def exported_paths(tmp_path, fmt):
    target = tmp_path / ("out" if fmt == "csv" else f"out.{fmt}")
    return write(NETWORK, fmt, target)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "gexf", "graphml"])
def test_round_trip(tmp_path, fmt):
    dataset = load(exported_paths(tmp_path, fmt)).dataset
    assert dataset.actors == ACTORS + OUTSIDE
    assert dataset.ties == TIES


def test_csv_layout_and_neutralised_formulas(tmp_path):
    """Text starting with ``-`` is neutralised even when it reads as a number (OWASP's rule)."""
    actors_path, ties_path = exported_paths(tmp_path, "csv")
    assert (actors_path.name, ties_path.name) == ("actors.csv", "ties.csv")
    rows = list(csv.reader(actors_path.open(encoding="utf-8")))
    assert rows[0] == [
        *("id", "name", "sector", "territory", "kind", "city", "lat", "lon", "joined"),
        *("budget", "motto", "quote"),
    ]
    assert rows[1] == [
        *("a1", '\'=HYPERLINK("http://evil")', "association", "Alsace", "association", "Colmar"),
        *("48.0794", "-7.3585", "2015-03-01", "'-3000", "'+ de liens", "''=1+1"),
    ]
    assert rows[2][:4] == ["'-12", "Kessler & Fils <SA>", "business", "Alsace|Lille"]
    assert rows[3][:2] == ["x9", "'@Mairie"]
    ties = list(csv.reader(ties_path.open(encoding="utf-8")))
    assert ties[2] == ["'-12", "a1", "funding", "1", "", "", "true", "", "'=cmd|' /C calc'!A0", ""]


def test_xlsx_cells_are_never_formulas(tmp_path):
    [path] = exported_paths(tmp_path, "xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["actors", "ties"]
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert book["actors"]["B2"].value == '\'=HYPERLINK("http://evil")'
    assert book["actors"]["G2"].value == 48.0794
    assert book["ties"]["D2"].value == 2.5


def test_csv_export_refuses_a_file_path(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("keep me")
    with pytest.raises(MaillageError, match="csv export writes a folder"):
        write(NETWORK, "csv", path)
    assert path.read_text() == "keep me"


def test_failed_export_leaves_the_previous_file_alone(tmp_path):
    target = tmp_path / "out.gexf"
    target.write_text("previous export")
    broken = Network("X", (Actor("a1", "A", "business", ("X",)),), ())  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        write(broken, "gexf", target)
    assert list(tmp_path.iterdir()) == [target]
    assert target.read_text() == "previous export"


def test_unknown_format(tmp_path):
    with pytest.raises(MaillageError, match="unknown export format 'pdf'"):
        write(NETWORK, "pdf", tmp_path / "x.pdf")


def test_demo_territory_round_trips_through_csv(tmp_path):
    dataset = demo_dataset()
    members = tuple(a for a in dataset.actors if "Lille" in a.territories)
    ids = {a.id for a in members}
    ties = tuple(t for t in dataset.ties if t.source in ids or t.target in ids)
    ends = {t.source for t in ties} | {t.target for t in ties}
    outside = tuple(a for a in dataset.actors if a.id in ends - ids)
    reread = load(write(Network("Lille", members, ties, outside), "csv", tmp_path)).dataset
    assert reread.actors == members + outside
    assert reread.ties == ties


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
@pytest.mark.parametrize("directed", [True, False])
def test_graph_files_of_one_edge_type_round_trip(tmp_path, fmt, directed):
    ties = (
        Tie("a1", "-12", directed=directed),
        Tie("x9", "a1", TieKind.SERVICE, directed=directed),
    )
    network = Network("Alsace", ACTORS, ties, OUTSIDE)
    [path] = write(network, fmt, tmp_path / f"out.{fmt}")
    default = "directed" if directed else "undirected"
    assert f'edgedefault="{default}"' in path.read_text() or (
        f'defaultedgetype="{default}"' in path.read_text()
    )
    assert load([path]).dataset.ties == ties
