"""The dashboard in a real headless Chromium, on the demo territories in a SQLite store.

Each test starts the app (``dash_duo``), drives it like a user and ends with
no error in the browser console. Screenshots of every page are saved to
``artifacts/screenshots/`` for ``docs/dashboard.md``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.keys import Keys

from maillage.dashboard import ids
from maillage.dashboard.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

TERRITORY = "Alsace"
CY = "document.getElementById('network')._cyreg.cy"


def cy(dash_duo: Any, script: str) -> Any:
    """Run ``script`` with ``cy`` bound to the page's Cytoscape instance."""
    return dash_duo.driver.execute_script(
        f"var el = document.getElementById('network');"
        f"if (!el || !el._cyreg) return null; var cy = el._cyreg.cy; {script}"
    )


def drawn_nodes(dash_duo: Any) -> int:
    return cy(dash_duo, "return cy.nodes().length;") or 0


def positions(dash_duo: Any) -> dict[str, tuple[float, float]]:
    """Where each drawn actor is, by actor id (model coordinates, whatever the zoom)."""
    found = cy(
        dash_duo,
        "return cy.nodes().map(function (n) {"
        " var p = n.position(); return [n.data('actor'), p.x, p.y]; });",
    )
    return {actor: (x, y) for actor, x, y in found}


def wait_for_network(dash_duo: Any, timeout: float = 60) -> int:
    dash_duo.wait_for_element("#network canvas", timeout=timeout)
    until(lambda: drawn_nodes(dash_duo) > 0, timeout=timeout, msg="no node drawn")
    return drawn_nodes(dash_duo)


def wait_idle(dash_duo: Any, timeout: float = 60) -> None:
    """Wait until no callback is pending."""
    until(lambda: not dash_duo.redux_state_is_loading, timeout=timeout, msg="callbacks pending")


def close_menus(dash_duo: Any) -> None:
    dash_duo.find_element("body").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_no_elements(".dash-dropdown-options", timeout=5)


def pick_territory(dash_duo: Any, name: str) -> None:
    dash_duo.select_dcc_dropdown(f"#{ids.TERRITORY}", value=name)
    dash_duo.wait_for_contains_text(f"#{ids.TERRITORY}", name)
    close_menus(dash_duo)


def search_and_pick(dash_duo: Any, selector: str, text: str) -> str:
    """Type ``text`` in an actor picker and choose the first match; return its label."""
    dropdown = dash_duo.find_element(selector)
    dropdown.click()
    search = dash_duo.find_element(".dash-dropdown-search")
    search.send_keys(text)
    until(
        lambda: text.lower() in dash_duo.find_element(".dash-dropdown-options").text.lower(),
        timeout=20,
        msg=f"no option matching {text!r}",
    )
    option = dash_duo.find_elements(".dash-dropdown-option")[0]
    label = option.text
    option.click()
    return label


def open_page(dash_duo: Any, label: str) -> None:
    dash_duo.find_element(f"#nav-{label}").click()
    path = "" if label == "explore" else f"/{label}"
    until(lambda: dash_duo.driver.current_url.rstrip("/").endswith(path), timeout=10)


def shoot(dash_duo: Any, folder: Path, name: str) -> None:
    wait_idle(dash_duo)
    dash_duo.driver.execute_script("window.scrollTo(0, 0);")
    time.sleep(0.5)  # let plotly and cytoscape finish painting
    dash_duo.driver.save_screenshot(str(folder / f"{name}.png"))


@pytest.fixture(scope="module")
def maillage(demo_store_url: str) -> Any:
    from maillage.app import Maillage
    from maillage.settings import Settings

    instance = Maillage(Settings(store_url=demo_store_url))
    yield instance
    instance.close()


def test_user_journey(dash_duo: Any, maillage: Any, screenshots: Path) -> None:
    dash_duo.start_server(create_app(maillage))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}")

    # Explore: pick the large demo territory, the network renders.
    pick_territory(dash_duo, TERRITORY)
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "actors", timeout=60)
    nodes = wait_for_network(dash_duo)
    summary = dash_duo.find_element(f"#{ids.NETWORK_SUMMARY}").text
    assert nodes == int(summary.split(" actors")[0].replace(",", ""))
    legend = dash_duo.find_element(f"#{ids.LEGEND}").text
    assert "business" in legend

    # Click an actor: the most connected one, through Cytoscape's own tap event.
    hub = cy(
        dash_duo,
        "var n = cy.nodes().max(function (n) { return n.degree(); }).ele;"
        "n.emit('tap'); return n.data('label');",
    )
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", hub, timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", "Ties (")
    card = dash_duo.find_element(f"#{ids.CARD}").text
    assert "Degree" in card and "Brokerage roles" in card
    until(
        lambda: (
            cy(
                dash_duo,
                "return cy.$('node').filter(function (n) {"
                " return n.style('opacity') == 1; }).length;",
            )
            > 1
        ),
        timeout=20,
    )

    # Search an actor by name.
    label = search_and_pick(dash_duo, ".picker-search", hub[:6])
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", label.split(" · ")[0], timeout=30)
    shoot(dash_duo, screenshots, "explore-actor")

    # Path finder: the hub and the actor farthest from it; the chain is listed and drawn.
    hub, far, hops = cy(
        dash_duo,
        "var hub = cy.nodes().max(function (n) { return n.degree(); }).ele;"
        "var d = cy.elements().dijkstra(hub);"
        "var far = cy.nodes().filter(function (n) { return isFinite(d.distanceTo(n)); })"
        ".max(function (n) { return d.distanceTo(n); }).ele;"
        "return [hub.data('label'), far.data('label'), d.distanceTo(far)];",
    )
    assert hops >= 2
    start = search_and_pick(dash_duo, ".picker-source", hub)
    end = search_and_pick(dash_duo, ".picker-target", far)
    assert (start.split(" · ")[0], end.split(" · ")[0]) == (hub, far)
    dash_duo.wait_for_contains_text(f"#{ids.PATH_STEPS}", f"in {hops} steps", timeout=30)
    steps = dash_duo.find_elements(f"#{ids.PATH_STEPS} li")
    assert len(steps) == hops
    until(
        lambda: (
            cy(
                dash_duo,
                "return cy.edges().filter(function (e) {"
                " return e.style('line-color') == 'rgb(192,57,43)'; }).length;",
            )
            == hops
        ),
        timeout=20,
        msg="path not drawn in red",
    )
    shoot(dash_duo, screenshots, "explore-path")

    # Filters restyle, never move: positions are the same after hiding a sector.
    before = positions(dash_duo)
    dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='business']").click()
    until(
        lambda: (
            cy(
                dash_duo,
                "return cy.nodes('[sector = \"business\"]').filter(function (n)"
                " { return n.style('display') == 'none'; }).length;",
            )
            > 0
        ),
        timeout=20,
    )
    assert positions(dash_duo) == before

    # An earlier date: fewer actors, each where it was.
    dash_duo.find_element(f"#{ids.YEAR} [role='slider']").send_keys(Keys.HOME)
    until(lambda: 0 < drawn_nodes(dash_duo) < nodes, timeout=60, msg="as-of date not applied")
    wait_idle(dash_duo)
    earlier = positions(dash_duo)
    assert earlier.items() <= before.items()

    # A reload draws the same picture.
    dash_duo.driver.refresh()
    until(lambda: drawn_nodes(dash_duo) == nodes, timeout=60, msg="network not redrawn")
    assert positions(dash_duo) == before

    # Gaps: heatmap, fragile bridges, introductions; "show" opens Explore with both.
    open_page(dash_duo, "gaps")
    dash_duo.wait_for_element(f"#{ids.GAPS_HEATMAP} .main-svg", timeout=60)
    dash_duo.wait_for_element(f"#{ids.GAPS_INTRODUCTIONS} li", timeout=60)
    assert "↔" in dash_duo.find_element(f"#{ids.GAPS_INTRODUCTIONS}").text
    shoot(dash_duo, screenshots, "gaps")
    dash_duo.find_element(f"#{ids.GAPS_INTRODUCTIONS} li button").click()
    until(lambda: "from=" in dash_duo.driver.current_url, timeout=20)
    wait_for_network(dash_duo)
    dash_duo.wait_for_contains_text(f"#{ids.PATH_STEPS}", "(", timeout=30)

    # Compare: the indicators of several territories.
    open_page(dash_duo, "compare")
    dash_duo.wait_for_element(f"#{ids.COMPARE_TABLE} td", timeout=60)
    dash_duo.wait_for_element(f"#{ids.COMPARE_CHART} .main-svg", timeout=60)
    header = dash_duo.find_element(f"#{ids.COMPARE_TABLE}").text
    assert TERRITORY in header and "normalised" in header
    shoot(dash_duo, screenshots, "compare")

    # Brokers: the table, the chart, and a download.
    open_page(dash_duo, "brokers")
    dash_duo.wait_for_element(f"#{ids.BROKERS_TABLE} td", timeout=60)
    dash_duo.wait_for_element(f"#{ids.BROKERS_CHART} .main-svg", timeout=60)
    shoot(dash_duo, screenshots, "brokers")
    dash_duo.find_element(".download-csv").click()
    folder = Path(dash_duo.download_path)
    until(lambda: any(p.suffix == ".csv" for p in folder.iterdir()), timeout=30, msg="no CSV")
    csv = next(p for p in folder.iterdir() if p.suffix == ".csv")
    assert csv.name.startswith("report-alsace")
    assert "betweenness" in csv.read_text(encoding="utf-8-sig").splitlines()[0]

    # Another territory, chosen away from Explore: this page follows, nothing else breaks.
    other = maillage.territory_names()[-1]
    pick_territory(dash_duo, other)
    actors = len(maillage.graph(other))
    dash_duo.wait_for_contains_text(f"#{ids.BROKERS_SUMMARY}", f"{actors:,} actors", timeout=60)
    open_page(dash_duo, "explore")
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", f"{actors:,} actors", timeout=60)
    assert wait_for_network(dash_duo) == actors

    assert dash_duo.get_logs() == []


def test_large_territory_is_drawn_as_communities(
    dash_duo: Any, maillage: Any, screenshots: Path
) -> None:
    dash_duo.start_server(create_app(maillage, aggregate_above=100))
    pick_territory(dash_duo, TERRITORY)
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "shown as", timeout=60)
    communities = wait_for_network(dash_duo)
    actors = len(maillage.graph(TERRITORY))
    assert 1 < communities < actors
    shoot(dash_duo, screenshots, "explore-communities")

    # Open the largest community, then come back.
    size = cy(
        dash_duo,
        "var n = cy.nodes().max(function (n) { return n.data('members'); }).ele;"
        "n.emit('tap'); return n.data('members');",
    )
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "showing community")
    until(lambda: drawn_nodes(dash_duo) == size, timeout=30, msg="community not opened")
    dash_duo.find_element(f"#{ids.BACK}").click()
    until(lambda: drawn_nodes(dash_duo) == communities, timeout=30, msg="overview not back")

    assert dash_duo.get_logs() == []


def test_error_panels_instead_of_a_blank_page(dash_duo: Any) -> None:
    from maillage.app import Maillage
    from maillage.settings import Settings

    unreachable = Maillage(Settings(store_url="ftp://nowhere/maillage.db"))
    dash_duo.start_server(create_app(unreachable))
    dash_duo.wait_for_contains_text(f"#{ids.SHELL_ALERT}", "unsupported store URL", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_ALERT}", "No territory yet", timeout=30)
    open_page(dash_duo, "brokers")
    dash_duo.wait_for_contains_text(f"#{ids.BROKERS_ALERT}", "No territory yet", timeout=30)
    dash_duo.driver.get(dash_duo.server_url + "/nowhere")
    dash_duo.wait_for_contains_text(f"#{ids.PAGE}", "No page at /nowhere")
    assert dash_duo.get_logs() == []
