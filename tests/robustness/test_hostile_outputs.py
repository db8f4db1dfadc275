"""Hostile values in what Maillage writes: escaped in HTML, never a formula in CSV or Excel.

The HTML pages of every result must show ``<script>`` as text: a page built from
hostile names has exactly the elements, scripts and event handlers of the same
page built from plain names. Every CSV and Excel file (the loaders' exports and
the reports) must hold no cell that a spreadsheet would run: a text cell may
start with ``=``, ``+``, ``-``, ``@`` only if it is a plain number.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_values import FORMULAS, HOSTILE, RAW_IMG, RAW_SCRIPT, assert_not_a_formula, is_number
from openpyxl import load_workbook

from maillage.app import Maillage
from maillage.graph import analytics
from maillage.graph.model import Actor, Dataset, Network, Sector, Tie, TieKind
from maillage.graph.storage.sqlite import SQLiteStore
from maillage.loaders import load, write
from maillage.reports import render, render_html_report

SECTORS = (Sector.PUBLIC, Sector.BUSINESS, Sector.ASSOCIATION, Sector.ACADEMIC, Sector.FUNDER)


def network(
    values: tuple[str, ...], territory: str, *, ties: int | None = None, gaps: bool = False
) -> Network:
    """A connected network whose ids, names, cities, kinds, notes and attributes are ``values``.

    Actor ``i`` is tied to ``i + 1`` and ``i + 3``: brokers and bridges to report. With
    ``gaps``, every actor is tied to every other one whose sector is next to its own in
    ``SECTORS`` (or the same) and to none further: sector gaps, with introductions.
    """
    n = len(values)
    actors = tuple(
        Actor(
            id=value,
            name=values[(i + 1) % n],
            sector=SECTORS[i % len(SECTORS)],
            territories=(territory,),
            kind=values[(i + 2) % n],
            city=values[(i + 3) % n],
            attributes={values[(i + 4) % n]: values[(i + 5) % n]},
        )
        for i, value in enumerate(values)
    )
    pairs = [(i, i + 1) for i in range(n - 1)] + [(i, i + 3) for i in range(0, n - 3, 4)]
    if gaps:
        distance = [[abs(i % len(SECTORS) - j % len(SECTORS)) for j in range(n)] for i in range(n)]
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if distance[i][j] <= 1]
    links = tuple(
        Tie(
            values[a],
            values[b],
            TieKind.PARTNERSHIP,
            note=values[(a + 6) % n],
            ref=values[(a + 7) % n],
        )
        for a, b in pairs[:ties]
    )
    return Network(territory, actors, links)


HOSTILE_TERRITORY = RAW_SCRIPT
PLAIN = tuple(f"actor{i}" for i in range(len(HOSTILE)))


def results(values: tuple[str, ...], territory: str) -> dict[str, dict]:
    """The four analytics results of the network of ``values``, with few permutations."""
    full = network(values, territory)
    before = network(values, territory, ties=len(values) // 2)
    other = network(values[::-1], FORMULAS[0] if values is HOSTILE else "Other")
    return {
        "report": analytics.territory_report(full, permutations=20, seed=42),
        "gaps": analytics.gap_report(
            network(values, territory, gaps=True), permutations=50, seed=42
        ),
        "compare": analytics.compare_territories([full, other], randomisations=2, seed=42),
        "bridges": analytics.bridge_changes(before, full),
    }


@pytest.fixture(scope="module")
def hostile_results() -> dict[str, dict]:
    return results(HOSTILE, HOSTILE_TERRITORY)


@pytest.fixture(scope="module")
def plain_results() -> dict[str, dict]:
    return results(PLAIN, "Plain")


class _Shape(HTMLParser):
    """The elements of a page, their attribute names and the scripts' count."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.handlers: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, _ in attrs:
            if name.startswith("on"):
                self.handlers[name] += 1


def shape(page: str) -> tuple[Counter[str], Counter[str]]:
    parser = _Shape()
    parser.feed(page)
    parser.close()
    return parser.tags, parser.handlers


def assert_escaped(page: str, plain_page: str) -> None:
    for raw in (RAW_SCRIPT, RAW_IMG, "</script><script>"):
        assert raw not in page
    tags, handlers = shape(page)
    plain_tags, plain_handlers = shape(plain_page)
    assert tags["script"] == plain_tags["script"]
    assert tags["img"] == plain_tags["img"] == 0
    assert handlers == plain_handlers


def test_the_html_report_escapes_hostile_values(hostile_results, plain_results):
    page = render_html_report(hostile_results["report"], hostile_results["gaps"])
    plain = render_html_report(plain_results["report"], plain_results["gaps"])
    assert_escaped(page, plain)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text


@pytest.mark.parametrize("kind", ["report", "gaps", "compare", "bridges"])
def test_every_html_page_escapes_hostile_values(hostile_results, plain_results, kind):
    page = render(kind, hostile_results[kind], "html").decode("utf-8")
    plain = render(kind, plain_results[kind], "html").decode("utf-8")
    assert_escaped(page, plain)


# ---------------------------------------------------------------------- spreadsheets


def csv_cells(data: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return [cell for row in rows for cell in row]


def xlsx_cells(data: bytes) -> list[object]:
    """Every cell value; a cell that openpyxl reads as a formula fails at once."""
    book = load_workbook(io.BytesIO(data))  # not data_only: formulas show as such
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                cells.append(cell.value)
    return cells


ESCAPED_FORMULAS = frozenset("'" + f for f in FORMULAS if not is_number(f))


def assert_no_formula(cells: list[object], where: str) -> None:
    """No cell runs; and some hostile formula was there, escaped (else the test proves nothing)."""
    assert ESCAPED_FORMULAS & {c for c in cells if isinstance(c, str)}, f"{where}: no formula"
    for value in cells:
        assert_not_a_formula(value, where)


@pytest.mark.parametrize("kind", ["report", "gaps", "compare", "bridges"])
def test_report_spreadsheets_neutralise_formulas(hostile_results, kind):
    assert_no_formula(csv_cells(render(kind, hostile_results[kind], "csv")), f"{kind}.csv")
    assert_no_formula(xlsx_cells(render(kind, hostile_results[kind], "xlsx")), f"{kind}.xlsx")


def test_loader_exports_neutralise_formulas_and_restore_them(tmp_path: Path):
    hostile = network(HOSTILE, HOSTILE_TERRITORY)
    folder = write(hostile, "csv", tmp_path / "csv")[0].parent
    for name in ("actors.csv", "ties.csv"):
        assert_no_formula(csv_cells((folder / name).read_bytes()), name)
    (book,) = write(hostile, "xlsx", tmp_path / "export.xlsx")
    assert_no_formula(xlsx_cells(book.read_bytes()), "export.xlsx")
    for files in ([folder / "actors.csv", folder / "ties.csv"], [book]):
        loaded = load(files).dataset
        assert sorted(loaded.actors, key=lambda a: a.id) == sorted(
            hostile.actors, key=lambda a: a.id
        )
        assert {t.key: t for t in loaded.ties}.keys() == {t.key for t in hostile.ties}


# ---------------------------------------------------------------------- file names


def test_default_export_file_stays_in_the_working_folder(tmp_path: Path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    store = SQLiteStore(tmp_path / "store.db")
    store.setup_schema()
    territories = ("../escape", "}) DETACH DELETE n //")
    store.upsert(Dataset(tuple(Actor(t, t, Sector.PUBLIC, (t,)) for t in territories)))
    app = Maillage(store=store)
    try:
        for territory in territories:
            for written in app.export(territory, "gexf", None):
                assert written.resolve().parent == work.resolve(), written
    finally:
        app.close()
