"""The Map page in a real headless Chromium, on the demo territories: offline, every actor drawn.

The page opens on the first demo territory: plotly draws one point per located actor
over the 13 regions (the 96 departments too once asked for), every resource comes from
the app itself (no tile server, no topojson from a CDN), and the console stays clean.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from dash.testing.wait import until

from maillage.dashboard import ids
from maillage.dashboard.app import create_app
from maillage.reports.map_figure import located

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

DRAWN = """
var p = document.querySelector(arguments[0] + ' .js-plotly-plot');
if (!p || !p.data) { return null; }
var markers = 0, outlines = 0;
p.data.forEach(function (t) {
  if (t.mode === 'markers') { markers += t.x.length; }
  if (t.meta && t.meta.outline) { outlines += 1; }
});
return {markers: markers, outlines: outlines,
        points: document.querySelectorAll(arguments[0] + ' .scatterlayer .point').length};
"""


def drawn(dash_duo: Any) -> dict | None:
    return dash_duo.driver.execute_script(DRAWN, f"#{ids.MAP_GRAPH}")


def test_the_map_draws_every_located_actor_offline(
    dash_duo: Any, demo_store_url: str, screenshots: Callable[[Any, str], Path]
) -> None:
    from maillage.app import Maillage
    from maillage.settings import Settings

    maillage = Maillage(Settings(store_url=demo_store_url))
    try:
        territory = maillage.territory_names()[0]
        expected = len(located(maillage.network(territory).actors))
        assert expected > 0
        dash_duo.start_server(create_app(maillage))
        dash_duo.driver.get(dash_duo.server_url + "/map")
        dash_duo.wait_for_contains_text(f"#{ids.TERRITORY}", territory, timeout=30)
        until(lambda: (drawn(dash_duo) or {}).get("points") == expected, timeout=60)
        assert drawn(dash_duo) == {"markers": expected, "outlines": 13, "points": expected}
        assert dash_duo.find_element(f"#{ids.MAP_NOTE}").text == ""  # the demo places everyone
        screenshots(dash_duo.driver, "map")

        # The departments, finer, under the regions.
        dash_duo.find_elements(f"#{ids.MAP_LEVEL} input")[1].click()
        until(lambda: (drawn(dash_duo) or {}).get("outlines") == 96 + 13, timeout=60)
        assert drawn(dash_duo)["points"] == expected

        # Nothing came from elsewhere: no tiles, no topojson.
        here = urlparse(dash_duo.server_url).netloc
        resources = dash_duo.driver.execute_script(
            "return performance.getEntriesByType('resource').map(function (r) { return r.name; });"
        )
        assert resources and {urlparse(r).netloc for r in resources} == {here}
        assert dash_duo.get_logs() == []
    finally:
        maillage.close()
