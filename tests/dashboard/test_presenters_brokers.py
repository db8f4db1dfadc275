"""The Brokers page's presenters: table, chart, download."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from dash.exceptions import PreventUpdate
from dashboard_support import ROWS, text_of

from maillage.dashboard import ids
from maillage.dashboard.presenters.brokers import (
    broker_columns,
    broker_rows,
    brokers_view,
    download_payload,
    download_view,
    top_brokers_figure,
)
from maillage.graph.documents import ActorRow, problems
from maillage.reports.i18n import translator

EN = translator("en")


def test_broker_rows_flatten_roles_and_total() -> None:
    rows = broker_rows({"actors": ROWS})
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[0]["liaison"] == 2 and rows[0]["itinerant"] == 1 and rows[0]["brokerage"] == 3
    assert rows[1]["representative"] == 0
    columns = {c["id"]: c for c in broker_columns()}
    assert columns["betweenness"]["format"] == {"specifier": ",.3f"}
    assert columns["brokerage"]["format"] == {"specifier": ",.0f"}  # grouped: "9 069" in French
    assert columns["liaison"]["format"] == {"specifier": ",.0f"}
    assert set(rows[0]) - {"id"} <= set(columns)


def test_top_brokers_figure_ranks_by_the_measure() -> None:
    figure = top_brokers_figure({"actors": ROWS}, "closeness", top=2, t=EN)
    ticks = figure.layout.yaxis.ticktext  # actors by position, the first on top
    bars = {trace.name: [ticks[i] for i in trace.y] for trace in figure.data}
    assert bars == {"Business": ["Atelier"], "Public": ["Bibliothèque"]}
    assert ticks == ("Atelier", "Bibliothèque") and figure.layout.yaxis.autorange == "reversed"
    assert "closeness" in figure.layout.title.text


def test_download_payload_renders_through_reports() -> None:
    report = {"territory": "Pays de Brest", "as_of": None, "network": {}, "actors": ROWS}
    payload = download_payload("report", report, "csv")
    assert payload["filename"] == "report-pays-de-brest.csv"
    assert payload["base64"] is True and payload["type"].startswith("text/csv")
    content = base64.b64decode(payload["content"]).decode("utf-8-sig")
    assert "Bibliothèque" in content
    head, first = content.splitlines()[:2]
    assert "," in head and ";" not in head
    french = download_payload("report", report, "csv", "fr")
    french_head, french_first = (
        base64.b64decode(french["content"]).decode("utf-8-sig").splitlines()[:2]
    )
    assert french_head == head.replace(",", ";")  # French Excel's dialect, same columns
    assert french_first.count(";") == first.count(",") and french["filename"] == payload["filename"]


def test_brokers_view(maillage: Any) -> None:
    rows, columns, figure, summary, alert = brokers_view(
        maillage, "Nantes", "betweenness", False, EN
    )
    assert alert is None and len(rows) == 4 and text_of(summary).startswith("4 actors · unweighted")
    assert "Gould-Fernandez" in text_of(summary)
    assert rows[0]["id"] == "n1" and rows[0]["betweenness"] > 0
    assert figure.data and figure.data[0].orientation == "h"


def test_download_view_renders_the_clicked_format(maillage: Any) -> None:
    trigger = ids.download_button("xlsx")
    payload, alert = download_view(maillage, "Nantes", False, trigger, [None, 1, None])
    assert alert is None and payload["filename"] == "report-nantes.xlsx"
    assert base64.b64decode(payload["content"])[:2] == b"PK"
    with pytest.raises(PreventUpdate):
        download_view(maillage, "Nantes", False, trigger, [None, None, None])


def test_the_html_download_is_in_the_reader_s_language(maillage: Any) -> None:
    trigger = ids.download_button("html")
    for t, heading in ((translator("fr"), "Rapport sur le réseau\u202f: Nantes"), (EN, None)):
        payload, _ = download_view(maillage, "Nantes", False, trigger, [None, None, 1], t)
        page = base64.b64decode(payload["content"]).decode("utf-8")
        assert f'<html lang="{t.language}">' in page
        assert f"<h1>{heading or 'Network report: Nantes'}</h1>" in page


def test_the_literal_rows_are_in_the_shape_of_real_report_rows() -> None:
    assert all(problems(row, ActorRow, partial=True) == [] for row in ROWS)


def test_the_gds_engine_s_method_reads_in_french() -> None:
    from maillage.dashboard.presenters.brokers import method_step
    from maillage.graph.analytics.method_text import method_phrases
    from maillage.graph.analytics.streamed import _method
    from maillage.reports.i18n import translator

    measures = {
        "eigenvector_iterations": 1200,
        "eigenvector_converged": False,
        "community_method": "Leiden (GDS), best of 3 seeded runs",
    }
    method = _method("gds", "weight", 7, 50, measures)
    texts = {k: v for k, v in method.items() if isinstance(v, str)}
    steps = {k: v for k, v in texts.items() if k not in ("engine", "weight")}
    assert all(None not in method_phrases(value) for value in steps.values())
    fr = translator("fr")
    assert method_step("betweenness", steps["betweenness"], fr) == (
        "Intermédiarité\u202f: Brandes (gds), normalisation de NetworkX\u202f; "
        "estimée à partir de 50 "
        "sources tirées au hasard (l'échantillon de GDS, biaisé par le degré), mise à l'échelle "
        "par n / k"
    )
    assert method_step("eigenvector", steps["eigenvector"], fr).endswith(
        "norme euclidienne unité, 1\u202f200 itérations, sans convergence à 1e-10"
    )
    assert method_step("communities", steps["communities"], fr) == (
        "Communautés\u202f: meilleure modularité entre Leiden (GDS), meilleure de 3 exécutions à "
        "graine fixée, et l'autre méthode (gds)"
    )
    assert "lus par lots" in method_step("brokerage", steps["brokerage"], fr)
