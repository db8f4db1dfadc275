"""Excel workbooks: sheets ``actors``, ``ties``, ``participations``, or one named by a mapping."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import Workbook

from maillage.graph.model import Sector, Tie, TieKind
from maillage.loaders import load


def workbook(path, sheets):
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_canonical_sheets_with_typed_cells(tmp_path):
    path = workbook(
        tmp_path / "réseau.xlsx",
        {
            "Notes": [["anything", "here"]],
            "Actors": [
                ["id", "name", "sector", "territory", "lat", "lon", "joined", "budget"],
                [101, "Les Jardins", "asso", "Alsace", 48.5, 7, datetime(2014, 5, 2), 12000.0],
                [],
                ["a2", "Kessler", "PME", "Alsace", None, None, None, None],
            ],
            "ties": [
                ["source", "target", "weight", "since", "directed"],
                [101, "a2", 2, date(2018, 1, 1), True],
            ],
            "participations": [
                ["actor", "activity", "date"],
                [101, "f1", date(2020, 3, 3)],
                ["a2", "f1"],
            ],
        },
    )
    result = load([path])
    first, second = result.dataset.actors
    assert (first.id, first.lat, first.lon, first.joined) == ("101", 48.5, 7.0, date(2014, 5, 2))
    assert first.attributes == {"budget": "12000"}
    assert second.sector is Sector.BUSINESS
    assert result.dataset.ties == (
        Tie("101", "a2", weight=2.0, since=date(2018, 1, 1), directed=True),
        Tie("101", "a2", TieKind.EVENT, 1.0, since=date(2020, 3, 3), activities=("f1",)),
    )
    assert result.rows == 5


def test_problems_name_the_sheet_and_its_row(tmp_path, problems):
    path = workbook(
        tmp_path / "book.xlsx",
        {
            "actors": [
                ["id", "name", "sector", "territory"],
                ["a1", "A", "asso", "X"],
                [],
                ["a2", "B", "bank", "X"],
            ]
        },
    )
    [problem] = problems([path])
    assert problem.startswith(f"{path}[actors]:4: sector: unknown sector 'bank'")


def test_workbook_without_known_sheets(tmp_path, problems):
    path = workbook(tmp_path / "book.xlsx", {"Feuil1": [["id"], ["a1"]]})
    assert problems([path]) == [
        f"{path}: no sheet named actors, ties or participations (sheets: Feuil1); "
        "name one in a mapping file"
    ]


def test_not_a_workbook(write, problems):
    path = write("book.xlsx", "id,name\n")
    [problem] = problems([path])
    assert problem.startswith(f"{path}: cannot read as an Excel workbook:")


def test_mapping_names_the_sheet(tmp_path, write):
    path = workbook(
        tmp_path / "export.xlsx",
        {
            "Read me": [["Exported 2024"]],
            "Partenaires": [
                ["Code", "Raison sociale", "Statut", "Département"],
                ["P1", "Mairie de Sélestat", "Public", "Bas-Rhin"],
            ],
        },
    )
    mapping = write(
        "map.toml",
        'type = "actors"\nsheet = "partenaires"\n[columns]\nid = "Code"\nname = "Raison sociale"\n'
        'sector = "Statut"\nterritory = "Département"\n[sectors]\nPublic = "public"\n',
    )
    [actor] = load([path], mapping=mapping).dataset.actors
    assert (actor.id, actor.sector, actor.territories) == ("P1", Sector.PUBLIC, ("Bas-Rhin",))
