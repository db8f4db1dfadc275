"""A failing analytics run shows an error panel over HTTP, never a blank page or a 500."""

from __future__ import annotations

import pytest
from dash_requests import UPDATE_COMPONENT, request_body

from maillage import app as application
from maillage.app import Maillage
from maillage.serving.web import web_app
from maillage.settings import Settings

PANEL = b"This analysis could not be shown."
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
"""These clients read English (the app's default is French)."""


def broken(*_args, **_kwargs):
    raise RuntimeError("the analytics engine ran out of memory")


@pytest.fixture
def fresh(demo_store, tmp_path):
    """An open app (loopback, no users) with an empty cache."""
    instance = Maillage(Settings(store_url=demo_store, data_dir=tmp_path))
    yield instance
    instance.close()


@pytest.mark.parametrize(
    ("analysis", "output"),
    [
        ("territory_report", "network.payload"),
        ("territory_report", "brokers-table.data"),
        ("gap_report", "gaps-heatmap.figure"),
        ("compare_territories", "compare-table.data"),
        ("layout", "network.payload"),
    ],
)
def test_a_failing_analysis_shows_an_error_panel(fresh, monkeypatch, analysis, output):
    monkeypatch.setattr(application.analytics, analysis, broken)
    app = web_app(fresh)
    client = app.server.test_client()
    client.environ_base.update(ENGLISH)
    values = {"territory.value": "Romans", "compare-territories.value": ["Romans", "Lille"]}

    answer = client.post(UPDATE_COMPONENT, json=request_body(app, output, values), headers=ENGLISH)

    assert answer.status_code == 200
    assert PANEL in answer.data and b"RuntimeError: the analytics engine ran out" in answer.data
    assert client.get("/").status_code == 200


def test_a_failing_download_shows_an_error_panel(fresh, monkeypatch):
    monkeypatch.setattr(application.analytics, "territory_report", broken)
    app = web_app(fresh)
    body = request_body(
        app,
        "download.data",
        {
            "download-button.n_clicks": [({"fmt": "csv", "type": "download-button"}, 1)],
            "territory.value": "Romans",
        },
        changed=['{"fmt":"csv","type":"download-button"}.n_clicks'],
    )

    client = app.server.test_client()
    client.environ_base.update(ENGLISH)
    answer = client.post(UPDATE_COMPONENT, json=body)

    assert answer.status_code == 200 and PANEL in answer.data


def test_an_unreadable_store_shows_an_error_panel_in_the_shell(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("")
    instance = Maillage(Settings(store_url=f"sqlite:///{blocker}/store.db", data_dir=tmp_path))
    client = web_app(instance).server.test_client()
    client.environ_base.update(ENGLISH)

    layout = client.get("/_dash-layout", headers=ENGLISH)

    assert layout.status_code == 200
    assert b"This analysis could not be shown." in layout.data
    assert b"The database is unreachable" in layout.data
    assert b"--store" not in layout.data and str(blocker).encode() not in layout.data
    assert "choose another --store path" in caplog.text, "the operator reads why in the log"
