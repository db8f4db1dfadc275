"""Chart labels taken from the data are escaped in the app as in the reports (issue 15, item 4).

Plotly draws text with a small HTML dialect (``<a href>``, ``<b>``, ``<br>``):
an imported name must reach it escaped, or it becomes a working link.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go

from maillage.dashboard.presenters.brokers import top_brokers_figure
from maillage.dashboard.presenters.compare_observatory import raw_figure
from maillage.dashboard.presenters.gaps import gap_heatmap
from maillage.reports.figures import label_text

LINK = '<a href="https://evil.example">click me</a>'
ESCAPED = label_text(LINK)  # shortened to 40 characters, then escaped


def plotly_text(figure: go.Figure) -> str:
    """Every string plotly will draw, as the JSON the browser receives."""
    return json.dumps(figure.to_plotly_json(), ensure_ascii=False)


def test_the_dashboard_and_the_reports_escape_with_one_function():
    assert ESCAPED.startswith("&lt;a href=&quot;https://evil.example&quot;&gt;click")
    assert "<" not in ESCAPED and '"' not in ESCAPED
    assert label_text("<b>x</b>", 80) == "&lt;b&gt;x&lt;/b&gt;"


def test_an_imported_name_is_no_link_in_the_brokers_chart():
    actors = [
        {"id": "x", "name": LINK, "sector": "business", "betweenness": 0.5, "brokerage": {}},
        {"id": "y", "name": "Mairie", "sector": LINK, "betweenness": 0.2, "brokerage": {}},
    ]
    figure = top_brokers_figure({"actors": actors}, "betweenness")
    drawn = plotly_text(figure)
    assert "<a " not in drawn and 'href=\\"https' not in drawn
    assert ESCAPED in figure.layout.yaxis.ticktext
    assert ESCAPED in [trace.name for trace in figure.data]


def test_an_imported_territory_name_is_no_link_in_the_compare_legend():
    comparison = {
        "territories": [LINK, "Brest"],
        "indicators": [
            {
                "name": "density",
                "label": "Density",
                "values": {LINK: 0.1, "Brest": 0.2},
                "normalised": {LINK: 0.5, "Brest": 1.0},
            }
        ],
    }
    raw = raw_figure(comparison)
    assert raw.data[0].x[0].startswith("&lt;a href=&quot;")
    assert "<a " not in plotly_text(raw)


def test_an_imported_sector_is_no_link_in_the_gap_heatmap():
    gaps = {"sectors": [LINK], "observed": {LINK: {LINK: 1}}, "z": {LINK: {LINK: 0.5}}}
    heat = gap_heatmap(gaps)
    assert list(heat.data[0].x) == [ESCAPED]
    assert "<a " not in plotly_text(heat)
