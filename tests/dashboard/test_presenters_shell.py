"""What every page shares: the guard, the router, the app's wiring, views on a broken store."""

from __future__ import annotations

import json
from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dashboard_support import find, find_ids, text_of

from maillage.dashboard import ids, layout
from maillage.dashboard.presenters import compare_observatory as observatory
from maillage.dashboard.presenters.brokers import brokers_view
from maillage.dashboard.presenters.compare import compare_view, yearly_view
from maillage.dashboard.presenters.explore import network_view, territories_view
from maillage.dashboard.presenters.gaps import gaps_view
from maillage.dashboard.presenters.guard import guarded
from maillage.graph.errors import MaillageError
from maillage.reports.i18n import translator

EN = translator("en")


def test_guarded_view_shows_an_alert_instead_of_a_blank_page() -> None:
    @guarded(list, go.Figure)
    def broken() -> tuple:
        raise MaillageError("the store is locked")

    @guarded(list, go.Figure)
    def crashing() -> tuple:
        raise ZeroDivisionError("<b>division</b>")

    elements, figure, alert = broken()
    assert elements == [] and isinstance(figure, go.Figure)
    assert isinstance(alert, dbc.Alert) and alert.color == "danger"
    assert "the store is locked" in text_of(alert)
    # Text stays text: Dash escapes it, nothing is parsed as HTML.
    assert "ZeroDivisionError: <b>division</b>" in text_of(crashing()[-1])
    nothing = brokers_view(None, None, "betweenness", False)
    assert nothing[-1].color == "info" and "maillage demo" in text_of(nothing[-1])


def test_no_component_renders_raw_html() -> None:
    from pathlib import Path

    from maillage import dashboard

    source = Path(dashboard.__file__).parent
    for path in source.rglob("*.py"):
        assert "dangerously_allow_html" not in path.read_text(encoding="utf-8"), path


def test_every_page_builds_and_routes() -> None:
    page, nav = layout.page_for("/gaps", {}, ["A"])
    assert ids.GAPS_HEATMAP in find_ids(page)
    assert [link.className for link in nav] == [
        "nav-link",
        "nav-link",
        "nav-link active",
        "nav-link",
        "nav-link",
        "nav-link",
    ]
    compare_page, _ = layout.page_for("/compare", {}, ["A", "B", "C", "D", "E"])
    picker = next(c for c in [compare_page] if c)
    assert ids.COMPARE_PICK in find_ids(picker)
    missing, _ = layout.page_for("/nowhere", {}, [])
    assert "Aucune page à l'adresse /nowhere" in text_of(missing)  # French by default
    explore, _ = layout.page_for("/", {"from": {"value": "a", "options": []}}, [])
    assert ids.picker(ids.SOURCE_ROLE) in find_ids(explore)


def test_a_viewer_at_a_writers_address_is_told_the_page_needs_another_role(maillage: Any):
    from maillage.dashboard.sources import Sources

    viewer = Sources(maillage, lambda: False, may_write=lambda: False, language=lambda: "fr")
    for path in ("/import", "/history"):
        page, _nav = layout.page_for(path, {}, ["Nantes"], viewer)
        said = text_of(page)
        assert said.startswith(f"La page {path} est réservée aux animateurs et aux administrateurs")
        assert "Aucune page" not in said
    missing, _ = layout.page_for("/nowhere", {}, [], viewer)
    assert "Aucune page à l'adresse /nowhere" in text_of(missing)
    writer = Sources(maillage, may_write=lambda: True, language=lambda: "fr")
    assert ids.IMPORT_UPLOAD in find_ids(layout.page_for("/import", {}, [], writer)[0])


def test_views_show_an_error_panel_for_an_unknown_territory(maillage: Any) -> None:
    payload, *_, alert = network_view(maillage, "Atlantis", None, "degree")
    assert payload == {}
    assert alert.color == "danger" and "Atlantis" in text_of(alert)
    assert gaps_view(maillage, "Atlantis")[-1].color == "danger"


def test_views_show_an_error_panel_when_the_store_cannot_be_opened() -> None:
    from maillage.app import Maillage
    from maillage.settings import Settings

    broken = Maillage(Settings(store_url="ftp://nowhere/store"))
    names, alert = territories_view(broken)
    assert names == [] and "unsupported store URL" in text_of(alert)
    assert "unsupported store URL" in text_of(brokers_view(broken, "X", None, False))


def test_gaps_and_compare_views(maillage: Any) -> None:
    heatmap, gaps, fragile, introductions, method, alert = gaps_view(maillage, "Nantes")
    assert alert is None and method
    # The default language, French: the heatmap names the sectors in it.
    assert set(heatmap.data[0].x) == {"Académique", "Association", "Entreprise", "Public"}
    assert gaps and fragile and introductions
    rows, columns, tips, z, raw, rates, rate_columns, *rest, alert = compare_view(
        maillage, ["Nantes", "Rennes"], None, EN
    )
    assert alert is None and [c["name"][0] for c in columns[1::2]] == ["Nantes", "Rennes"]
    assert rows and len(tips) == len(rows) and raw.data
    assert [c["name"] for c in rate_columns] == ["Sectors", "Nantes", "Rennes"]
    assert rates[0]["pair"] == "businesses → associations"
    every = maillage.compare(["Nantes", "Rennes"])
    only = maillage.compare(["Nantes", "Rennes"], kind="partnership")
    assert observatory.rates_table(only) != observatory.rates_table(every)
    assert (
        compare_view(maillage, ["Nantes", "Rennes"], "partnership", EN)[5]
        == (observatory.rates_table(only)[0])
    )
    assert (
        compare_view(maillage, ["Nantes", "Rennes"], None, EN)[5]
        == (observatory.rates_table(every)[0])
    )
    nothing = compare_view(maillage, [])
    assert nothing[-1].color == "info"
    assert yearly_view(maillage, ["Nantes"], None, [])[-1].color == "info"  # only when asked
    figure, bridges, bridge_columns, alert = yearly_view(
        maillage, ["Nantes"], None, ["by_year"], EN
    )
    assert alert is None and figure.data and bridge_columns[0]["name"] == "Year"


def test_create_app_wires_every_callback_to_existing_components(maillage: Any) -> None:
    from maillage.dashboard.app import create_app

    app = create_app(maillage)
    assert find(app.layout(), ids.TERRITORY).options == ["Nantes", "Rennes"]
    assert find(app.layout(), ids.TERRITORY).value == "Nantes"
    known = {i if isinstance(i, str) else i.get("type") for i in find_ids(app.validation_layout)}
    for callback in app._callback_list:
        wired = [*callback["inputs"], *callback["state"]]
        outputs = callback["output"].strip(".").split("...")
        for output in outputs:
            component = output.rsplit(".", 1)[0]
            wired.append({"id": component})
        for item in wired:
            component = item["id"]
            if component.startswith("{"):
                pattern = json.loads(component)
                if ["ALL"] in pattern.values():
                    continue  # may match nothing, as the introductions of an empty report
                component = pattern["type"]
            assert component in known, component
    # 8 of them the Import page's, one the progress note, one the language switch, 5 the
    # view in the address (territory from it, Explore link, view, address, copy link), one the
    # play button, two the correction of an actor, three the History page, one the Map page,
    # three the saved views (their list, the name of the view on screen, opening one), one
    # the opened community
    assert len(app._callback_list) == 47
