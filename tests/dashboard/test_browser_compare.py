"""The Compare page's observatory in a real headless Chromium, on the demo territories.

The page opens on the first demo territories: the partnership rates lead
with ``businesses → associations`` (a share and its 95 % interval per
territory), the per-year small multiples are drawn only once asked for, and
the browser console stays clean.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dash.testing.wait import until

from maillage.dashboard import ids
from maillage.dashboard.app import create_app
from maillage.dashboard.pages.compare import DEFAULT_COUNT

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

RATE = re.compile(r"^\d+ of \d+ · \d+% \(\d+–\d+%\)$")


def traces(dash_duo: Any, graph_id: str) -> int:
    """Traces Plotly drew in the graph ``graph_id`` (0 while it is empty)."""
    return dash_duo.driver.execute_script(
        "var p = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        " return p && p.data ? p.data.length : 0;",
        f"#{graph_id}",
    )


def column(dash_duo: Any, table_id: str, column_id: str) -> list[str]:
    cells = dash_duo.find_elements(f"#{table_id} td[data-dash-column='{column_id}']")
    return [cell.text for cell in cells]


def test_compare_page_rates_and_years(
    dash_duo: Any, demo_store_url: str, screenshots: Callable[[Any, str], Path]
):
    from maillage.app import Maillage
    from maillage.settings import Settings

    maillage = Maillage(Settings(store_url=demo_store_url))
    names = maillage.territory_names()[:DEFAULT_COUNT]
    assert len(names) >= 3
    try:
        dash_duo.start_server(create_app(maillage, language=lambda: "en"))
        dash_duo.driver.get(dash_duo.server_url + "/compare")

        # The rates: businesses → associations first, a share and an interval per territory.
        dash_duo.wait_for_element(f"#{ids.COMPARE_RATES_TABLE} td", timeout=120)
        header = dash_duo.find_element(f"#{ids.COMPARE_RATES_TABLE}").text
        assert all(name in header for name in names)
        assert column(dash_duo, ids.COMPARE_RATES_TABLE, "pair")[0] == ("businesses → associations")
        expected = maillage.compare(names)
        for position, name in enumerate(names):
            cell = column(dash_duo, ids.COMPARE_RATES_TABLE, f"t{position}")[0]
            assert RATE.match(cell), cell
            first = expected["rates"][0]["values"][name]
            assert cell.startswith(f"{first['tied']} of {first['actors']} · "), (name, cell)
        until(lambda: traces(dash_duo, ids.COMPARE_RATES_CHART) == len(names), timeout=30)
        assert traces(dash_duo, ids.COMPARE_CHART) > 0  # z-scores
        assert traces(dash_duo, ids.COMPARE_RAW_CHART) > 0
        assert dash_duo.find_element(f"#{ids.COMPARE_SUMMARY} li").text

        # The years are computed only when asked for.
        assert traces(dash_duo, ids.COMPARE_YEARLY_CHART) == 0
        dash_duo.wait_for_contains_text(f"#{ids.COMPARE_YEARLY_ALERT}", "per year", timeout=30)
        dash_duo.find_element(f"#{ids.COMPARE_BY_YEAR} input").click()
        until(
            lambda: traces(dash_duo, ids.COMPARE_YEARLY_CHART) > 0,
            timeout=400,
            msg="no per-year chart",
        )
        panels = dash_duo.driver.execute_script(
            "return document.querySelectorAll(arguments[0]).length;",
            f"#{ids.COMPARE_YEARLY_CHART} .subplot",
        )
        assert panels > 1  # small multiples: the key rate and every indicator
        assert traces(dash_duo, ids.COMPARE_YEARLY_CHART) >= len(names) * panels
        scroll_to = "arguments[0].scrollIntoView({block: 'start'});"
        dash_duo.driver.execute_script(scroll_to, dash_duo.find_element(f"#{ids.COMPARE_BY_YEAR}"))
        screenshots(dash_duo.driver, "compare-observatory")
        assert dash_duo.get_logs() == []
    finally:
        maillage.close()
