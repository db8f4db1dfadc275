"""The NetworkView after a drag, on Esc from elsewhere on the page, and its exports.

A minimal Dash app in real headless Chromium (see ``test_network_view``): a drop gives
the hover back to what is under the pointer; Esc clears the selection from anywhere but
a field or an open list; the exported SVG draws the ties in the screen's order, with
the legend and the caption under the picture, and the downloads are named in French.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import network_view_support as support
import pytest
from dash import Dash, Input, Output, dcc, html
from dash.testing.wait import until
from network_view_support import FADED, pointer
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.keys import Keys
from test_network_view import SECTORS, small_network

from maillage.dashboard.network_payload import network_payload
from maillage.dashboard.network_view import NetworkView
from maillage.dashboard.presenters.network import network_labels, picture_caption, picture_name
from maillage.reports.i18n import translator
from maillage.reports.labels import sector_label

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

FR = translator("fr")
NAME = picture_name("Alsace", None, FR, today=date(2026, 12, 6))
HUB = "m33"
SVG_NS = "{http://www.w3.org/2000/svg}"
LIT_TIE = "#7b8794"
FADED_TIE = "#eef0f3"

# Every download the page offers is kept in window.__downloads (name, href), not saved.
CATCH_DOWNLOADS = """
window.__downloads = [];
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a[download]');
  if (!link) return;
  event.preventDefault();
  window.__downloads.push([link.download, link.href]);
}, true);
"""


def export_app() -> Dash:
    graph, positions = small_network()
    rows = [{"id": n, "degree": graph.degree(n), "community": int(n[1:]) % 3} for n in graph]
    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Div(
                [
                    dcc.Checklist(id="box", options=["x"], value=[]),
                    dcc.Input(id="typed", type="text"),
                    dcc.Dropdown(id="menu", options=["a", "b", "c"]),
                ],
                style={"width": "300px"},
            ),
            NetworkView(
                id="net",
                payload=network_payload(graph, positions, rows),
                filename=NAME,
                caption=picture_caption("Alsace", None, FR),
                labels=network_labels(FR),
                style={"height": "520px", "width": "860px"},
            ),
            html.Div(id="clicked"),
        ]
    )

    @app.callback(
        Output("clicked", "children"),
        Output("net", "selected"),
        Input("net", "clickedNode"),
        Input("net", "n_clicks"),
    )
    def select(node, _clicks):
        return node or "", node

    return app


def view(dash_duo: Any, script: str) -> Any:
    return support.view(dash_duo, script, "net")


def faded_nodes(dash_duo: Any) -> int:
    return view(
        dash_duo,
        "var r = v.renderer; return r.getGraph().filterNodes(function (n) {"
        f" return r.getNodeDisplayData(n).color === {FADED!r}; }}).length;",
    )


def start(dash_duo: Any) -> None:
    dash_duo.start_server(export_app())
    support.wait_drawn(dash_duo, "net")


def select_hub(dash_duo: Any) -> None:
    support.click_node(dash_duo, HUB, "net")
    dash_duo.wait_for_text_to_equal("#clicked", HUB, timeout=10)
    until(lambda: view(dash_duo, "return v.selected;") == HUB, timeout=10)


def test_a_drop_then_a_move_to_empty_space_clears_the_highlight(dash_duo: Any) -> None:
    start(dash_duo)
    x, y = support.node_point(dash_duo, "m00", "net")
    where = "return v.renderer.getGraph().getNodeAttribute('m00', 'x');"
    before = view(dash_duo, where)
    # One quick jump: sigma picks the pointer's actor before redrawing the moved one, so
    # the last thing it says during the drag is that the pointer left it.
    actions = ActionBuilder(dash_duo.driver, duration=0)
    mouse = actions.pointer_action
    mouse.move_to_location(int(x), int(y)).pointer_down()
    mouse.move_to_location(int(x) + 60, int(y)).pointer_up()
    actions.perform()
    assert view(dash_duo, where) > before
    assert view(dash_duo, "return v.dragged;") is None
    # Away from every actor, nothing stays lit and nothing is faded.
    empty = support.stage_point(dash_duo, 8, 500, "net")
    actions, mouse = pointer(dash_duo)
    mouse.move_to_location(int(empty[0]), int(empty[1]))
    mouse.move_to_location(int(empty[0]) + 3, int(empty[1]))
    actions.perform()
    until(lambda: view(dash_duo, "return v.hovered;") is None, timeout=10)
    until(lambda: faded_nodes(dash_duo) == 0, timeout=10, msg="the network stays faded")
    assert dash_duo.find_element("#clicked").text == ""
    assert dash_duo.get_logs() == []


def test_escape_clears_from_the_page_but_not_from_a_field_or_an_open_list(dash_duo: Any) -> None:
    start(dash_duo)
    select_hub(dash_duo)
    # Typing in a field: Esc is the field's.
    dash_duo.find_element("#typed").send_keys("abc", Keys.ESCAPE)
    assert view(dash_duo, "return v.selected;") == HUB
    # An open dropdown: Esc closes it and leaves the selection.
    dash_duo.find_element("#menu").click()
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert view(dash_duo, "return v.selected;") == HUB
    # After a click on a sidebar control, Esc clears.
    dash_duo.find_element("#box input").click()
    dash_duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    until(lambda: view(dash_duo, "return v.selected;") is None, timeout=10)
    dash_duo.wait_for_text_to_equal("#clicked", "", timeout=10)
    assert faded_nodes(dash_duo) == 0
    assert dash_duo.get_logs() == []


def downloads(dash_duo: Any) -> list[list[str]]:
    return dash_duo.driver.execute_script("return window.__downloads;")


def svg_download(dash_duo: Any) -> ET.Element:
    """Click the toolbar's SVG button and parse the file it offers."""
    before = len(downloads(dash_duo))
    dash_duo.find_element("#net .nv-svg").click()
    until(lambda: len(downloads(dash_duo)) > before, timeout=10)
    name, href = downloads(dash_duo)[-1]
    assert name == f"{NAME}.svg"
    text = dash_duo.driver.execute_async_script(
        "var done = arguments[1]; fetch(arguments[0]).then(function (r) { return r.text(); })"
        ".then(done, function (e) { done(String(e)); });",
        href,
    )
    return ET.fromstring(text)


def test_exports_draw_what_the_screen_shows_with_legend_and_caption(dash_duo: Any) -> None:
    start(dash_duo)
    dash_duo.driver.execute_script(CATCH_DOWNLOADS)
    assert NAME == "reseau-alsace-2026-12-06"
    select_hub(dash_duo)
    hub_ties = set(view(dash_duo, f"return v.renderer.getGraph().edges({HUB!r});"))

    root = svg_download(dash_duo)
    lines = [line for g in root.iter(f"{SVG_NS}g") if g.get("class") == "edges" for line in g]
    assert len(lines) == 78
    lit = [k for k, line in enumerate(lines) if line.get("stroke") == LIT_TIE]
    faded = [k for k, line in enumerate(lines) if line.get("stroke") == FADED_TIE]
    assert len(lit) == len(hub_ties) and faded
    assert min(lit) > max(faded), "the selected actor's ties are under the faded ones"

    counts = {s: sum(1 for n in range(34) if SECTORS[n % 4] == s) for s in SECTORS}
    legend = [t.text for g in root.iter(f"{SVG_NS}g") if g.get("class") == "legend" for t in g]
    legend = [text for text in legend if text]
    assert sorted(legend) == sorted(f"{sector_label(s, FR)} ({counts[s]})" for s in SECTORS)
    captions = [t.text for t in root.iter(f"{SVG_NS}text") if t.get("class") == "caption"]
    assert captions == ["Alsace · toutes dates"]

    # A sector hidden by the legend is left out of the exported one too.
    dash_duo.find_element("#net .nv-legend-item[data-key='business']").click()
    until(lambda: view(dash_duo, "return v.hiddenSectors.size;") == 1, timeout=10)
    root = svg_download(dash_duo)
    legend = [t.text for g in root.iter(f"{SVG_NS}g") if g.get("class") == "legend" for t in g]
    assert sector_label("business", FR) not in " ".join(t for t in legend if t)
    assert len([t for t in legend if t]) == 3

    # The PNG: the same picture, offered under its French name.
    dash_duo.find_element("#net .nv-png").click()
    until(lambda: downloads(dash_duo)[-1][0].endswith(".png"), timeout=20)
    name, href = downloads(dash_duo)[-1]
    assert name == "reseau-alsace-2026-12-06.png" and href.startswith("data:image/png;base64,")
    assert dash_duo.get_logs() == []
