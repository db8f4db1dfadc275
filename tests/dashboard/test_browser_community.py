"""Opening a community in real Chromium: from the legend and from the card, its own layout
and legend, the address, and the way back to the whole territory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dash.testing.wait import until
from network_view_support import drawn_nodes, positions, view, wait_drawn
from test_browser import ENGLISH, TERRITORY, pick_territory, search_and_pick, shoot, wait_idle

from maillage.dashboard import ids
from maillage.dashboard.app import create_app
from maillage.dashboard.presenters import explore_community

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

LEGEND = f"#{ids.NETWORK} .nv-legend"


@pytest.fixture(scope="module")
def maillage(demo_store_url: str) -> Any:
    from maillage.app import Maillage
    from maillage.settings import Settings

    instance = Maillage(Settings(store_url=demo_store_url))
    yield instance
    instance.close()


def legend_counts(dash_duo: Any) -> list[int]:
    items = dash_duo.find_elements(f"{LEGEND} .nv-legend-item .nv-count")
    return [int(item.text.replace(",", "")) for item in items]


def wait_nodes(dash_duo: Any, count: int) -> None:
    until(lambda: drawn_nodes(dash_duo) == count, timeout=60, msg=f"not {count} drawn")


def legend_beside_the_drawing(dash_duo: Any) -> bool:
    return view(
        dash_duo,
        "var l = document.querySelector('#network .nv-legend').getBoundingClientRect();"
        " var s = v.container.getBoundingClientRect(); return l.right <= s.left + 0.5;",
    )


def test_open_a_community_from_the_legend_and_the_card_and_come_back(
    dash_duo: Any, maillage: Any, screenshots: Callable[[Any, str], Path]
) -> None:
    dash_duo.start_server(create_app(maillage, language=ENGLISH))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}", timeout=60)
    pick_territory(dash_duo, TERRITORY)
    dash_duo.wait_for_element(f"#{ids.NETWORK} canvas", timeout=60)
    whole = wait_drawn(dash_duo)
    assert legend_beside_the_drawing(dash_duo)
    members = set(explore_community.members(maillage, TERRITORY, None, 1) or [])

    # Community colouring: the legend's counts follow the sector filter (what is drawn).
    dash_duo.find_element(f"#{ids.COLOUR_BY} input[value='community']").click()
    dash_duo.wait_for_element(f"{LEGEND} .nv-open[data-community='1']", timeout=20)
    assert sum(legend_counts(dash_duo)) == whole
    dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='business']").click()
    until(lambda: drawn_nodes(dash_duo) < whole, timeout=20, msg="business not hidden")
    until(lambda: sum(legend_counts(dash_duo)) == drawn_nodes(dash_duo), timeout=20)
    dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='business']").click()
    wait_nodes(dash_duo, whole)

    # Open community 1 from the legend: only its actors, at its own layout, its own legend.
    before = positions(dash_duo)
    dash_duo.find_element(f"{LEGEND} .nv-open[data-community='1']").click()
    wait_nodes(dash_duo, len(members))
    assert set(positions(dash_duo)) == members
    assert any(positions(dash_duo)[n] != before[n] for n in members)
    until(lambda: "community=1" in dash_duo.driver.current_url, timeout=20)
    dash_duo.wait_for_contains_text(LEGEND, "Community 1", timeout=20)
    assert "Whole territory" in dash_duo.find_element(LEGEND).text
    assert sum(legend_counts(dash_duo)) == len(members)  # its sectors, with their counts
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "Community 1: ", timeout=30)
    assert legend_beside_the_drawing(dash_duo)
    shoot(dash_duo, screenshots, "explore-community-opened")

    # The address brings it back.
    shared = dash_duo.driver.current_url
    dash_duo.driver.get(shared)
    dash_duo.wait_for_element(f"#{ids.NETWORK} canvas", timeout=60)
    wait_nodes(dash_duo, len(members))
    dash_duo.wait_for_contains_text(LEGEND, "Community 1", timeout=20)

    # Back to the whole territory.
    dash_duo.find_element(f"{LEGEND} .nv-whole").click()
    wait_nodes(dash_duo, whole)
    until(lambda: "community=" not in dash_duo.driver.current_url, timeout=20)

    # From the card: the actor's community, named as the legend names it, opens.
    graph = maillage.graph(TERRITORY)
    hub = max(members, key=lambda n: (graph.degree(n), str(n)))
    search_and_pick(dash_duo, ".picker-search", graph.nodes[hub]["name"])
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", "Community 1", timeout=30)
    opener = dash_duo.driver.find_element("xpath", "//button[text()='Open the community']")
    opener.click()
    wait_nodes(dash_duo, len(members))
    until(lambda: "community=1" in dash_duo.driver.current_url, timeout=20)
    wait_idle(dash_duo)
    assert dash_duo.get_logs() == []
