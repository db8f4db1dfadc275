"""Text tables for the terminal."""

import pytest

from maillage.reports import render


def lines_of(content: bytes) -> list[str]:
    return content.decode("utf-8").splitlines()


def test_report_table_lists_indicators_then_top_actors(report):
    lines = lines_of(render("report", report, "table"))
    assert lines[0] == "Network report — Pays de Morlaix"
    assert lines[1] == "As of: 2024-06-30 · Variant: unweighted"
    text = "\n".join(lines)
    assert text.index("Density") < text.index("Top 9 of 9 actors by betweenness")
    first = next(line for line in lines if line.lstrip().startswith("1 "))
    assert first.split() == ["1", "Mairie", "de", "Morlaix", "public", "5", "0.714", "0.778",
                             "0.362", "4.200", "0", "0/0/0/0/16"]  # fmt: skip
    isolate = next(line for line in lines if "Café-librairie" in line)
    assert isolate.split()[-7:] == ["0", "0.000", "0.000", "—", "—", "3", "0/0/0/0/0"]
    assert max(len(line) for line in lines) <= 120
    assert "\x1b" not in text


def test_table_has_colours_only_when_asked(report):
    assert b"\x1b[" in render("report", report, "table", color=True)
    assert b"\x1b[" not in render("report", report, "table")


def test_names_are_never_read_as_markup(hostile_report):
    text = render("report", hostile_report, "table").decode("utf-8")
    assert "[bold]Ma[/bold]rkup" in text
    assert "[/oops]" in text
    assert ":smile:" in text
    assert "<script>alert(1)</script>" in text


def test_gaps_table(gaps):
    text = render("gaps", gaps, "table").decode("utf-8")
    gap = next(line for line in text.splitlines() if line.lstrip().startswith("business × funder"))
    assert gap.split() == ["business", "×", "funder", "0", "0.670", "-0.880", "Mairie", "de",
                           "Morlaix", "yes"]  # fmt: skip
    assert "Suggested introductions (top 3)" in text
    assert "Coopérative Ti Kafe" in text and "(association)" in text
    assert "Fragile bridges" in text


def test_compare_table(compare):
    lines = lines_of(render("compare", compare, "table"))
    header = next(line for line in lines if line.lstrip().startswith("Indicator "))
    assert header.split() == ["Indicator", "Pays", "de", "Morlaix", "Pays", "de", "Brest"]
    density = [line.split() for line in lines if line.lstrip().startswith("Density")]
    assert density == [["Density", "0.250", "0.061"]]  # raw only: rewiring keeps density
    ei = next(line for line in lines if line.split()[:2] == ["E-I", "index"] and "+" in line)
    assert ei.split()[:4] == ["E-I", "index", "+2.5", "—"]
    assert "more ties across sectors than its degrees alone would give" in ei
    assert (
        "- Pays de Brest: businesses rarely tie to associations, 0 of 10, "
        "the lowest of the 2 territories." in lines
    )
    assert "- Pays de Morlaix: businesses tie to associations more often than elsewhere, " in (
        "\n".join(lines)
    )


def test_bridges_table(bridges):
    lines = lines_of(render("bridges", bridges, "table"))
    assert lines[1] == "Since: 2023-01-01 · Until: 2024-06-30"
    rows = [line.split() for line in lines if line.lstrip().startswith(("gained", "lost"))]
    assert rows == [
        ["gained", "Coopérative", "Ti", "Kafe", "(business)", "academic–business"],
        ["gained", "Mairie", "de", "Morlaix", "–", "Coopérative", "Ti", "Kafe",
         "business–public,", "academic–public"],
        ["lost", "Le", "Télégramme", "(media)", "association–media"],
    ]  # fmt: skip


@pytest.mark.parametrize("kind", ["report", "gaps", "compare", "bridges"])
@pytest.mark.parametrize("width", [80, 100])
def test_tables_fit_the_terminal_width(kind, width, report, gaps, compare, bridges):
    data = {"report": report, "gaps": gaps, "compare": compare, "bridges": bridges}[kind]
    lines = render(kind, data, "table", width=width).decode("utf-8").splitlines()
    assert max(len(line) for line in lines) <= width


def test_many_years_are_split_into_tables_that_fit(compare):
    years = list(range(2005, 2027))
    compare["by_year"] = {
        "years": years,
        "as_of": [f"{y}-12-31" for y in years],
        "indicators": [
            {
                "name": "ties",
                "label": "Ties",
                "values": {t: list(range(100, 100 + len(years))) for t in compare["territories"]},
            }
        ],
        "rates": [],
        "bridges": [],
    }
    lines = render("compare", compare, "table", width=80).decode("utf-8").splitlines()
    assert max(len(line) for line in lines) <= 80
    shown = [line.split()[1:] for line in lines if line.lstrip().startswith("Ties")]
    assert [int(v) for row in shown[: len(shown) // 2] for v in row] == list(range(100, 122))
    assert "…" not in "\n".join(lines)
