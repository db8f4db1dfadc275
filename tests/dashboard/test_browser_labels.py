"""Issue 11: the network's labels never overlap, at every zoom, in real headless Chromium.

On the demo's Alsace (about 600 actors) the labels drawn at the full view and after
two and four presses of "+" are measured in the page (each label's text width by the
canvas, where sigma draws the actor): no two of them intersect. The selected actor's
and a path's labels win their place; the SVG export writes the labels the screen drew.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest
from dash.testing.wait import until
from network_view_support import set_camera, view, wait_camera_still, wait_drawn

from maillage.dashboard import ids
from maillage.dashboard.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

TERRITORY = "Alsace"

#: ``[key, x0, y0, x1, y1]`` of every label drawn, from sigma's record of the drawn labels
#: and the canvas's measure of their text (not from the label pass's own boxes).
DRAWN_LABELS = """
var r = v.renderer; var s = r.getSettings();
var context = document.createElement('canvas').getContext('2d');
context.font = (s.labelWeight || 'normal') + ' ' + s.labelSize + 'px ' + s.labelFont;
var boxes = [];
r.getNodeDisplayedLabels().forEach(function (n) {
  var d = r.getNodeDisplayData(n); if (!d || d.hidden || !d.label) return;
  var p = r.framedGraphToViewport(d); var x = p.x + r.scaleSize(d.size) + 3;
  boxes.push([n, x, p.y - s.labelSize / 2, x + context.measureText(d.label).width,
              p.y + s.labelSize / 2]);
});
return boxes;
"""


def drawn_labels(dash_duo: Any) -> list[list[Any]]:
    return view(dash_duo, DRAWN_LABELS)


def overlapping(boxes: list[list[Any]]) -> list[tuple[str, str]]:
    return [
        (a[0], b[0])
        for k, a in enumerate(boxes)
        for b in boxes[k + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]


def next_frame(dash_duo: Any) -> None:
    set_camera(dash_duo, "v.renderer.getCamera().getState()")


@pytest.fixture(scope="module")
def maillage(demo_store_url: str) -> Any:
    from maillage.app import Maillage
    from maillage.settings import Settings

    instance = Maillage(Settings(store_url=demo_store_url))
    yield instance
    instance.close()


def test_labels_never_overlap_and_the_selection_and_path_win(dash_duo: Any, maillage: Any) -> None:
    graph = maillage.graph(TERRITORY)
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), str(n)))
    start = ranked[0]
    lengths = nx.single_source_shortest_path_length(graph, start)
    end = max(lengths, key=lambda n: (lengths[n], str(n)))
    dash_duo.start_server(create_app(maillage))
    dash_duo.driver.get(dash_duo.server_url + f"/?territory={TERRITORY}")
    dash_duo.wait_for_element(f"#{ids.NETWORK} canvas", timeout=60)
    until(lambda: wait_drawn(dash_duo) == graph.number_of_nodes(), timeout=60)

    # The placement itself: the selected label first, then the bigger actor's; a box that
    # would cover one already placed is left out, and so is one off the viewport.
    placed = view(
        dash_duo,
        "var place = v.renderer.constructor.placeLabels;"
        "return place(["
        " {key: 'big', rank: 4, size: 9, x0: 10, y0: 10, x1: 90, y1: 26},"
        " {key: 'chosen', rank: 1, size: 2, x0: 50, y0: 20, x1: 120, y1: 36},"
        " {key: 'small', rank: 4, size: 3, x0: 130, y0: 20, x1: 200, y1: 36},"
        " {key: 'under', rank: 4, size: 5, x0: 100, y0: 30, x1: 140, y1: 46},"
        " {key: 'away', rank: 0, size: 5, x0: 1000, y0: 30, x1: 1040, y1: 46}"
        "], 400, 300).map(function (b) { return b.key; });",
    )
    assert placed == ["chosen", "small"]

    # Full view, then two and four presses of "+": more names, none on another.
    counts = []
    for presses in (0, 2, 2):
        for _ in range(presses):
            dash_duo.find_element(f"#{ids.NETWORK} .nv-zoom-in").click()
            wait_camera_still(dash_duo, ids.NETWORK)
        next_frame(dash_duo)
        boxes = drawn_labels(dash_duo)
        assert boxes and overlapping(boxes) == []
        placed = {b["key"] for b in view(dash_duo, "return v.renderer.getPlacedLabels();")}
        assert placed == {b[0] for b in boxes}
        counts.append(len(boxes))
    assert counts[0] >= 20 and counts[1] > counts[0]

    # A selection and a path (from the address): their labels are drawn, still apart.
    address = f"/?territory={TERRITORY}&from={start}&to={end}&actor={start}"
    dash_duo.driver.get(dash_duo.server_url + address)
    until(lambda: view(dash_duo, "return v.selected;") == start, timeout=60)
    until(lambda: (view(dash_duo, "return v.pathNodes.size;") or 0) > 2, timeout=60)
    path = view(dash_duo, "return Array.from(v.pathNodes);")
    assert path[0] == start and path[-1] == end
    next_frame(dash_duo)
    boxes = drawn_labels(dash_duo)
    assert overlapping(boxes) == []
    drawn = {b[0] for b in boxes}
    assert start in drawn
    assert set(path) <= drawn

    # The SVG export writes the labels the screen drew, where it drew them.
    written = view(
        dash_duo,
        "var doc = new DOMParser().parseFromString(v.svg(), 'image/svg+xml');"
        "return Array.from(doc.querySelectorAll('g.labels text')).map(function (t) {"
        " return t.getAttribute('data-id'); });",
    )
    assert sorted(written) == sorted(drawn)
    assert dash_duo.get_logs() == []
