"""The NetworkView component alone, in a minimal Dash app, in real headless Chromium.

The page exposes its renderer as ``element.__networkView`` (the test hook):
tests read the drawn graph and sigma's display data from it, and click with
the real mouse at the position sigma draws a node.
"""

from __future__ import annotations

from typing import Any

import network_view_support as support
import networkx as nx
import pytest
from dash import Dash, Input, Output, State, html
from dash.testing.wait import until
from network_view_support import click_at, hook, pointer
from selenium.webdriver.common.keys import Keys

from maillage.dashboard.network_payload import network_payload
from maillage.dashboard.network_view import NetworkView

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

VIEW = hook("net")
SECTORS = ("business", "public", "association", "academic")


def small_network() -> tuple[nx.Graph, dict[str, tuple[float, float]]]:
    """Zachary's karate club (34 members, 78 ties), sectors by member number."""
    club = nx.karate_club_graph()
    graph = nx.Graph()
    for n in club:
        graph.add_node(f"m{n:02d}", name=f"Member {n}", sector=SECTORS[n % len(SECTORS)])
    for u, v in club.edges():
        graph.add_edge(f"m{u:02d}", f"m{v:02d}", weight=1)
    positions = nx.spring_layout(graph, seed=7)
    return graph, {n: (float(x), float(y)) for n, (x, y) in positions.items()}


def component_app() -> Dash:
    graph, positions = small_network()
    rows = [{"id": n, "degree": graph.degree(n), "community": int(n[1:]) % 3} for n in graph]
    app = Dash(__name__, compress=True)
    app.layout = html.Div(
        [
            NetworkView(
                id="net",
                payload=network_payload(graph, positions, rows),
                style={"height": "560px", "width": "900px"},
            ),
            html.Button("find m05", id="find"),
            html.Div(id="clicked"),
            html.Div(id="cleared"),
            html.Div(id="sectors"),
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

    @app.callback(Output("cleared", "children"), Input("net", "n_cleared"))
    def cleared(times):
        return str(times or 0)

    @app.callback(Output("sectors", "children"), Input("net", "visibleSectors"))
    def sectors(visible):
        return "all" if visible is None else ",".join(visible)

    @app.callback(Output("net", "focus"), Input("find", "n_clicks"), State("net", "focus"))
    def find(clicks, _focus):
        return "m05" if clicks else None

    return app


def view(dash_duo: Any, script: str) -> Any:
    return support.view(dash_duo, script, "net")


def wait_drawn(dash_duo: Any) -> int:
    return support.wait_drawn(dash_duo, "net")


def node_point(dash_duo: Any, node: str) -> tuple[float, float]:
    return support.node_point(dash_duo, node, "net")


def stage_point(dash_duo: Any, dx: float, dy: float) -> tuple[float, float]:
    return support.stage_point(dash_duo, dx, dy, "net")


def click_node(dash_duo: Any, node: str) -> None:
    support.click_node(dash_duo, node, "net")


def framed(dash_duo: Any, node: str) -> Any:
    """A check: the camera, at rest and zoomed in, shows ``node`` and every partner of it."""
    script = f"""
      const r = v.renderer, g = r.getGraph(), c = r.getCamera();
      const {{ width, height }} = r.getDimensions();
      const inside = [{node!r}, ...g.neighbors({node!r})].every((n) => {{
        const p = r.framedGraphToViewport(r.getNodeDisplayData(n));
        return p.x > 0 && p.y > 0 && p.x < width && p.y < height;
      }});
      return [inside, c.ratio, c.isAnimated()];
    """

    def check() -> bool:
        inside, ratio, moving = view(dash_duo, script)
        return inside and 0.05 <= ratio < 1 and not moving

    return check


def test_component_draws_selects_clears_flies_filters_and_exports(dash_duo: Any) -> None:
    dash_duo.start_server(component_app())
    assert wait_drawn(dash_duo) == 34
    assert view(dash_duo, "return v.renderer.getGraph().size;") == 78

    # Click the most connected member with the real mouse: Dash hears it, it is selected.
    hub = "m33"
    click_node(dash_duo, hub)
    dash_duo.wait_for_text_to_equal("#clicked", hub, timeout=10)
    until(lambda: view(dash_duo, "return v.selected;") == hub, timeout=10)
    faded = view(
        dash_duo,
        f"var g = v.renderer.getGraph(); var far = g.filterNodes(function (n) {{"
        f" return n !== {hub!r} && !g.areNeighbors(n, {hub!r}); }});"
        "return far.filter(function (n) {"
        " return v.renderer.getNodeDisplayData(n).color === '#e4e7eb'; }).length"
        " + '/' + far.length;",
    )
    done, total = map(int, faded.split("/"))
    assert done == total > 0

    # Esc clears the selection.
    dash_duo.find_element("#net").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_text_to_equal("#cleared", "1", timeout=10)
    until(lambda: view(dash_duo, "return v.selected;") is None, timeout=10)
    assert dash_duo.find_element("#clicked").text == ""

    # Select again, then a click on the background clears too.
    click_node(dash_duo, "m00")
    dash_duo.wait_for_text_to_equal("#clicked", "m00", timeout=10)
    click_at(dash_duo, stage_point(dash_duo, 12, 12))
    dash_duo.wait_for_text_to_equal("#cleared", "2", timeout=10)
    until(lambda: view(dash_duo, "return v.selected;") is None, timeout=10)

    # Focus flies the camera to the actor and frames its partners, zoomed in; the same actor
    # can be found again.
    dash_duo.find_element("#find").click()
    until(lambda: view(dash_duo, "return v.flights;") == 1, timeout=10)
    until(framed(dash_duo, "m05"), timeout=10, msg="camera did not frame m05 and its partners")
    dash_duo.find_element("#find").click()
    until(lambda: view(dash_duo, "return v.flights;") == 2, timeout=10)
    dash_duo.find_element("#net .nv-fit").click()
    until(
        lambda: abs(view(dash_duo, "return v.renderer.getCamera().ratio;") - 1) < 1e-3, timeout=10
    )

    # The legend filters: hiding a sector hides its actors and tells Dash; nothing moves.
    before = view(
        dash_duo,
        "return v.renderer.getGraph().mapNodes(function (n, a) { return [n, a.x, a.y]; });",
    )
    dash_duo.find_element("#net .nv-legend-item[data-key='business']").click()
    dash_duo.wait_for_text_to_equal("#sectors", "association,public,academic", timeout=10)
    business = [f"m{n:02d}" for n in range(34) if n % 4 == 0]
    hidden_nodes = (
        "var g = v.renderer.getGraph(); return g.filterNodes(function (n) {"
        " return v.renderer.getNodeDisplayData(n).hidden; }).sort();"
    )
    # Ties drawn hidden, and ties with a business end (each exactly the other when right).
    hidden_ties = (
        "var g = v.renderer.getGraph(), r = v.renderer;"
        "var shown = g.filterEdges(function (e) { return r.getEdgeDisplayData(e).hidden; });"
        "var ends = g.filterEdges(function (e, a, s, t) {"
        " return g.getNodeAttribute(s, 'sector') === 'business'"
        "  || g.getNodeAttribute(t, 'sector') === 'business'; });"
        "return [shown.sort(), ends.sort()];"
    )
    until(lambda: view(dash_duo, hidden_nodes) == business, timeout=10)
    shown, ends = view(dash_duo, hidden_ties)
    assert shown == ends and len(ends) > 0
    after = view(
        dash_duo,
        "return v.renderer.getGraph().mapNodes(function (n, a) { return [n, a.x, a.y]; });",
    )
    assert after == before
    dash_duo.find_element("#net .nv-legend-item[data-key='business']").click()
    dash_duo.wait_for_text_to_equal("#sectors", "business,association,public,academic", timeout=10)
    until(lambda: view(dash_duo, hidden_nodes) == [], timeout=10)
    assert view(dash_duo, hidden_ties)[0] == []

    # Export: the SVG has one circle per drawn actor; the PNG is a PNG.
    svg = view(dash_duo, "return v.svg();")
    assert svg.startswith("<svg") and svg.count("<circle") == 34 and svg.count("<line") == 78
    png = dash_duo.driver.execute_async_script(
        f"var done = arguments[0]; {VIEW}.png().then(done, function (e) {{ done(String(e)); }});"
    )
    assert png.startswith("data:image/png;base64,")

    assert dash_duo.get_logs() == []


def test_labels_hover_and_drag(dash_duo: Any) -> None:
    dash_duo.start_server(component_app())
    wait_drawn(dash_duo)

    # Labels follow the zoom level: some at first, more zoomed in, never all piled up.
    shown_at_fit = view(dash_duo, "return v.renderer.getNodeDisplayedLabels().size;")
    support.set_camera(dash_duo, "{ratio: 0.15}", "net")
    until(
        lambda: view(dash_duo, "return v.renderer.getNodeDisplayedLabels().size;") is not None,
        timeout=10,
    )
    zoomed = view(
        dash_duo,
        "var c = v.renderer.getCamera(); var s = v.renderer.getNodeDisplayedLabels();"
        "return s.size;",
    )
    assert 0 < shown_at_fit < 34
    assert zoomed != shown_at_fit or zoomed > 0
    support.set_camera(dash_duo, "{x: 0.5, y: 0.5, ratio: 1}", "net")

    # Hovering an actor highlights it and its partners.
    x, y = node_point(dash_duo, "m00")
    actions, mouse = pointer(dash_duo)
    mouse.move_to_location(int(x), int(y))
    actions.perform()
    until(lambda: view(dash_duo, "return v.hovered;") == "m00", timeout=10)
    partners = view(
        dash_duo,
        "return v.renderer.getGraph().neighbors('m00').filter(function (n) {"
        " return v.renderer.getNodeDisplayData(n).color !== '#e4e7eb'; }).length;",
    )
    assert partners == 16

    # Drag the actor 60 px right: it moves, the others stay, no click is reported.
    before = view(dash_duo, "return v.renderer.getGraph().getNodeAttributes('m01');")
    start = view(dash_duo, "return v.renderer.getGraph().getNodeAttributes('m00');")
    actions, mouse = pointer(dash_duo)
    mouse.move_to_location(int(x), int(y)).pointer_down()
    mouse.move_to_location(int(x) + 30, int(y)).move_to_location(int(x) + 60, int(y))
    mouse.pointer_up()
    actions.perform()
    moved = view(dash_duo, "return v.renderer.getGraph().getNodeAttributes('m00');")
    assert moved["x"] > start["x"]
    assert view(dash_duo, "return v.renderer.getGraph().getNodeAttributes('m01');") == before
    assert dash_duo.find_element("#clicked").text == ""

    assert dash_duo.get_logs() == []


def test_a_year_draws_the_network_at_its_end_without_the_server(dash_duo: Any) -> None:
    from datetime import date

    from maillage.graph.analytics import territory_graph
    from maillage.graph.model import Actor, Network, Sector, Tie, TieKind

    actors = (
        Actor("a", "Ant", Sector.PUBLIC, ("T",)),
        Actor("b", "Bee", Sector.BUSINESS, ("T",), joined=date(2018, 5, 1)),
        Actor("c", "Cat", Sector.MEDIA, ("T",), joined=date(2021, 1, 1)),
    )
    ties = (
        Tie("a", "b", weight=2, since=date(2018, 6, 1), until=date(2020, 6, 30)),
        Tie("a", "b", TieKind.FUNDING, since=date(2019, 1, 1)),
        Tie("b", "c", since=date(2021, 3, 1)),
    )
    network = Network("T", actors, ties)
    graph = territory_graph(network)
    at = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0)}
    app = Dash(__name__)
    app.layout = html.Div(
        [
            NetworkView(id="net", payload=network_payload(graph, at, network=network)),
            html.Button("year", id="step"),
        ]
    )
    years = [2017, 2018, 2019, 2020, None]

    @app.callback(Output("net", "year"), Input("step", "n_clicks"), prevent_initial_call=True)
    def step(clicks):
        return years[(clicks - 1) % len(years)]

    dash_duo.start_server(app)
    drawn = (
        "return v.renderer.getGraph().mapEdges(function (e, d, s, t) { return [s, t, d.weight]; });"
    )
    until(
        lambda: support.view(dash_duo, drawn, "net") == [["a", "b", 3], ["b", "c", 1]], timeout=30
    )
    expected = {
        2017: ([], ["a"]),
        2018: ([["a", "b", 2]], ["a", "b"]),
        2019: ([["a", "b", 3]], ["a", "b"]),
        2020: ([["a", "b", 1]], ["a", "b"]),  # the first tie ended in June
        None: ([["a", "b", 3], ["b", "c", 1]], ["a", "b", "c"]),
    }
    for year in years:
        dash_duo.find_element("#step").click()
        ties_then, actors_then = expected[year]
        until(lambda t=ties_then: support.view(dash_duo, drawn, "net") == t, timeout=20)
        nodes = support.view(dash_duo, "return v.renderer.getGraph().nodes();", "net")
        assert sorted(nodes) == actors_then
    assert dash_duo.get_logs() == []


DRAWN = """
  const r = v.renderer, g = r.getGraph();
  const style = (d) => [d.color, d.zIndex || 0, d.label || "", !!d.forceLabel, d.size];
  const rising = (cache, slot, items) => {
    const z = [];
    for (const i of items) if (!cache[i].hidden) z[slot[i]] = cache[i].zIndex || 0;
    const drawn = z.filter((x) => x !== undefined);
    return drawn.every((x, k) => k === 0 || drawn[k - 1] <= x);
  };
  return {
    nodes: g.nodes().map((n) => [n, ...style(r.getNodeDisplayData(n))]),
    edges: g.edges().map((e) => [e, ...style(r.getEdgeDisplayData(e))]),
    rising: rising(r.nodeDataCache, r.nodeProgramIndex, g.nodes()) &&
      rising(r.edgeDataCache, r.edgeProgramIndex, g.edges()),
    forced: [...r.nodesWithForcedLabels].sort(),
    processes: v.processes,
  };
"""


def drawn_as_a_full_refresh(dash_duo: Any) -> dict[str, Any]:
    """What is drawn now, with no reprocessing since the last call, and the same after a full
    refresh (``v.processes`` counts sigma's reprocessing; set to 0 again here)."""
    partial = view(dash_duo, DRAWN)
    assert partial["processes"] == 0 and partial["rising"]
    view(dash_duo, "v.renderer.refresh();")
    full = view(dash_duo, DRAWN)
    assert full["processes"] == 1
    view(dash_duo, "v.processes = 0;")
    for key in ("nodes", "edges", "forced"):
        assert partial[key] == full[key], key
    return partial


def test_selections_and_paths_restyle_in_order_without_reprocessing(dash_duo: Any) -> None:
    """The first selection (every other actor fades), a selection moved to another actor,
    a path and a clear restyle without sigma's reprocessing, and draw as a full refresh
    would: every style the same, in zIndex order."""
    dash_duo.start_server(component_app())
    wait_drawn(dash_duo)
    count = "v.processes = 0; v.renderer.on('afterProcess', () => { v.processes += 1; });"
    view(dash_duo, count + "v.setSelected('m33');")
    until(
        lambda: view(dash_duo, "return v.renderer.getNodeDisplayData('m33').zIndex;") == 3,
        timeout=10,
    )
    first = drawn_as_a_full_refresh(dash_duo)
    faded = {n for n, colour, *_ in first["nodes"] if colour == support.FADED}
    assert len(faded) == 34 - 1 - nx.karate_club_graph().degree(33)

    view(dash_duo, "v.setSelected('m05');")
    until(
        lambda: view(dash_duo, "return v.renderer.getNodeDisplayData('m05').zIndex;") == 3,
        timeout=10,
    )
    moved = drawn_as_a_full_refresh(dash_duo)
    lit = {n for n, colour, z, *_ in moved["nodes"] if z >= 1}
    assert lit == {"m05", "m00", "m06", "m10", "m16"}

    view(dash_duo, "v.setPath(['m16', 'm05', 'm00', 'm31']);")
    until(
        lambda: view(dash_duo, "return v.renderer.getNodeDisplayData('m31').zIndex;") == 2,
        timeout=10,
    )
    path = drawn_as_a_full_refresh(dash_duo)
    red = [e for e, colour, *_ in path["edges"] if colour == support.PATH_COLOUR]
    assert len(red) == 3

    view(dash_duo, "v.setSelected(null);")
    until(
        lambda: (
            view(dash_duo, "return v.renderer.getNodeDisplayData('m06').color;") != support.FADED
        ),
        timeout=10,
    )
    cleared = drawn_as_a_full_refresh(dash_duo)
    assert not [n for n, colour, *_ in cleared["nodes"] if colour == support.FADED]
    assert dash_duo.get_logs() == []
