"""The coordinator's brief: one self-contained, printable page, in English and French."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from maillage.reports import render
from maillage.reports.compare_figures import rates_figure, raw_figure, yearly_figure, z_figure
from maillage.reports.html_page import plotly_js
from maillage.reports.i18n import translator

BY_YEAR = {
    "years": [2020, 2021],
    "as_of": ["2020-12-31", "2021-12-31"],
    "indicators": [
        {
            "name": "ties",
            "label": "Ties",
            "values": {"Pays de Morlaix": [3, 5], "Pays de Brest": [30, 41]},
            "z": {"Pays de Morlaix": [None, None], "Pays de Brest": [None, None]},
        }
    ],
    "rates": [
        {
            "from": "business",
            "to": "association",
            "values": {
                "Pays de Morlaix": [
                    {"actors": 3, "tied": 0, "share": 0.0, "low": 0.0, "high": 0.561497},
                    {"actors": 3, "tied": 1, "share": 0.333333, "low": 0.061492, "high": 0.79234},
                ],
                "Pays de Brest": [
                    {"actors": 10, "tied": 0, "share": 0.0, "low": 0.0, "high": 0.277533},
                    {"actors": 10, "tied": 0, "share": 0.0, "low": 0.0, "high": 0.277533},
                ],
            },
        }
    ],
    "bridges": [
        {
            "territory": "Pays de Morlaix",
            "year": 2021,
            "since": "2020-12-31",
            "until": "2021-12-31",
            "gained": [
                {
                    "type": "actor",
                    "id": "a3",
                    "name": "Coopérative Ti Kafe",
                    "sector": "business",
                    "sectors": [["business", "association"]],
                }
            ],
            "lost": [],
        }
    ],
}


def brief(compare, lang="en") -> str:
    return render("compare", compare, "html", lang=lang).decode("utf-8")


def test_the_brief_in_english_has_the_summary_rates_structure_and_method(compare):
    html = brief(compare)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<title>Coordinator&#x27;s brief: Pays de Morlaix, Pays de Brest</title>" in html
    assert (
        "<li>Pays de Brest: businesses rarely tie to associations, 0 of 10, the lowest of "
        "the 2 territories.</li>"
    ) in html
    assert "1 of 3 · 33%<br><small>6–79%</small>" in html
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == [
        "What stands out",
        "Partnership rates",
        "The networks",
        "Against randomisations",
        "Method",
    ]
    # rates, raw small multiples and z-scores: three charts on their own axes
    assert html.count('class="plotly-graph-div"') == 3
    assert "+2.5<br><small>more ties across sectors than its degrees alone would give" in html


def test_the_brief_makes_no_request_and_prints(compare):
    html = brief(compare)
    assert html.count(plotly_js()) == 1
    own = html.replace(plotly_js(), "")  # the library's own strings name its docs' pages
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", own)
    assert "@media print" in html
    assert html.count("<script>") >= 2  # plotly.js inlined once, then the charts


def test_the_brief_in_french(compare):
    html = brief(compare, "fr")
    assert '<html lang="fr">' in html
    assert "Note de synthèse pour la coordination\u202f: Pays de Morlaix, Pays de Brest" in html
    assert "<h2>Ce qui ressort</h2>" in html and "<h2>Taux de partenariat</h2>" in html
    assert (
        "Pays de Brest\u202f: les entreprises travaillent rarement avec les "
        "associations, 0 sur 10, "
        "le plus bas des 2 territoires."
    ) in html
    assert "1 sur 3 · 33\u202f%<br><small>6–79\u202f%</small>" in html
    assert "entreprises → associations" in html
    assert "Réalisé avec Maillage" in html


def test_the_brief_draws_the_inter_territorial_network(compare):
    compare["crossings"] = {
        "territories": ["Pays de Morlaix", "Pays de Brest"],
        "pairs": [
            {
                "territories": ["Pays de Morlaix", "Pays de Brest"],
                "shared": [{"id": "u", "name": "UBO", "sector": "academic"}],
                "crossing": [],
            }
        ],
        "leaving": {
            "Pays de Morlaix": {"ties": 3, "to": {"Pays de Brest": 2}, "elsewhere": 1},
            "Pays de Brest": {"ties": 1, "to": {"Pays de Morlaix": 0}, "elsewhere": 1},
        },
    }
    html = brief(compare)
    assert "<h2>Across territories</h2>" in html and "UBO (academic)" in html
    assert html.count('class="plotly-graph-div"') == 4
    assert "ties: 2 \\u00b7 shared actors: 1" in html  # in the chart's JSON


def test_the_workbook_with_years_charts_the_first_rate_per_year(compare):
    compare["by_year"] = BY_YEAR
    book = load_workbook(io.BytesIO(render("compare", compare, "xlsx")))
    sheet = book["share_by_year"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["year", "Pays de Morlaix", "Pays de Brest"],
        [2020, 0.0, 0.0],
        [2021, 0.333333, 0.0],
    ]
    assert len(sheet._charts) == 1
    assert book["by_year"]["D2"].value == "ties"


def test_the_brief_with_years_has_small_multiples_and_the_bridges(compare):
    compare["by_year"] = BY_YEAR
    html = brief(compare)
    assert "<h2>Change over time</h2>" in html
    assert html.count('class="plotly-graph-div"') == 4
    assert "Coopérative Ti Kafe (business)" in html and "business–association" in html
    figure = yearly_figure(compare)
    panels = [a["text"] for a in figure["layout"]["annotations"]]
    assert panels == ["<b>businesses → associations</b>", "<b>Ties</b>"]
    morlaix = [t for t in figure["data"] if t["name"] == "Pays de Morlaix"]
    assert [t["y"] for t in morlaix] == [[0.0, 0.333333], [3.0, 5.0]]
    assert {t["xaxis"] for t in morlaix} == {"x", "x2"}


def test_figures_keep_raw_values_z_scores_and_shares_apart(compare):
    raw = raw_figure(compare)
    assert len(raw["data"]) == 4  # one panel per indicator with a value
    assert {t["yaxis"] for t in raw["data"]} == {"y", "y2", "y3", "y4"}
    z = z_figure(compare)
    assert [t["x"] for t in z["data"]] == [[2.54], [None]]
    assert z["layout"]["shapes"][0]["x0"] == -2
    rates = rates_figure(compare, translator("fr"))
    assert rates["data"][0]["y"] == [
        "entreprises → associations",
        "associations → organismes publics",
    ]
    assert rates["data"][0]["error_x"]["array"][0] == round(0.79234 - 0.333333, 6)


def test_the_workbook_in_french_starts_with_the_summary(compare):
    book = load_workbook(io.BytesIO(render("compare", compare, "xlsx", lang="fr")))
    assert book.sheetnames[:4] == ["summary", "indicators", "shares", "rates"]
    rows = list(book["summary"].iter_rows(values_only=True))
    assert rows[0] == ("territoire", "ce qui ressort")
    assert rows[2][1].startswith("Pays de Brest\u202f: les entreprises travaillent rarement")
    shares = book["shares"]
    assert [c.value for c in shares[2]] == ["entreprises → associations", 0.333333, 0.0]
    (chart,) = shares._charts
    assert chart.type == "bar" and len(chart.series) == 2  # one series per territory
    assert list(book["rates"].iter_rows(values_only=True))[0][:4] == (
        "de",
        "vers",
        "paire",
        "territoire",
    )
