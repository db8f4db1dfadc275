"""In a real headless Chromium: a chart's title runs neither under plotly's toolbar
(the modebar) nor under its legend, on every page that titles its charts."""

from __future__ import annotations

from typing import Any

import pytest
from dash.testing.wait import until

from maillage.dashboard import ids
from maillage.dashboard.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

TITLED = {"brokers": ids.BROKERS_CHART, "gaps": ids.GAPS_HEATMAP, "introductions": ids.INTRO_FUNNEL}
"""Each page and its titled chart."""

BOXES = """
const plot = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
if (!plot) return null;
const box = el => { if (!el) return null; const r = el.getBoundingClientRect();
  return r.width && r.height ? [r.left, r.top, r.right, r.bottom] : null; };
const title = plot.querySelector('.gtitle');
return {title: title && title.textContent, titleBox: box(title),
        modebar: box(plot.querySelector('.modebar')), legend: box(plot.querySelector('.legend'))};
"""


def overlap(a: list[float], b: list[float] | None) -> bool:
    """Whether boxes ``[left, top, right, bottom]`` ``a`` and ``b`` share some area."""
    if b is None:
        return False
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_chart_titles_stay_clear_of_the_toolbar_and_the_legend(
    dash_duo: Any, writable_demo: Any
) -> None:
    network = writable_demo.network("Alsace")
    first, second = sorted(actor.id for actor in network.actors)[:2]
    writable_demo.add_introduction("Alsace", first, second)  # the funnel has a title
    dash_duo.driver.set_window_size(900, 1000)  # narrow enough for long titles to reach it
    dash_duo.start_server(create_app(writable_demo, language=lambda: "fr"))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}")
    dash_duo.select_dcc_dropdown(f"#{ids.TERRITORY}", value="Alsace")
    for page, chart in TITLED.items():
        dash_duo.find_element(f"#nav-{page}").click()
        until(lambda c=chart: (dash_duo.driver.execute_script(BOXES, c) or {}).get("title"), 90)
        boxes = dash_duo.driver.execute_script(BOXES, chart)
        assert boxes["modebar"] is not None, page  # plotly draws it hidden until hovered
        assert not overlap(boxes["titleBox"], boxes["modebar"]), (page, boxes)
        assert not overlap(boxes["titleBox"], boxes["legend"]), (page, boxes)
