"""The dashboard in a real headless Chromium, on the demo territories in a SQLite store.

Each test starts the app (``dash_duo``), drives it like a user and ends with
no error in the browser console. Screenshots of every page are saved as WebP to
``artifacts/screenshots/`` (``conftest.save_picture``); ``scripts/doc_screenshots.py``
copies those ``docs/dashboard.md`` shows into ``docs/images/``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from dash.testing.wait import until
from network_view_support import (
    FADED,
    PATH_COLOUR,
    click_at,
    click_node,
    display,
    drawn_nodes,
    positions,
    set_camera,
    stage_point,
    view,
    wait_drawn,
)
from selenium.webdriver.common.keys import Keys

from maillage.dashboard import ids, style
from maillage.dashboard.app import create_app
from maillage.dashboard.presenters.explore_play import PAUSE_LABEL, PLAY_LABEL
from maillage.graph.model import fold
from maillage.graph.vocabulary import sector_colour

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

TERRITORY = "Alsace"
#: These journeys assert English texts; the app's default is French (test_browser_import).
ENGLISH = lambda: "en"  # noqa: E731


def wait_for_network(dash_duo: Any, timeout: float = 60) -> int:
    dash_duo.wait_for_element(f"#{ids.NETWORK} canvas", timeout=timeout)
    return wait_drawn(dash_duo, timeout=timeout)


def lit(dash_duo: Any) -> int:
    """Actors drawn in colour (not faded by a selection)."""
    return view(
        dash_duo,
        "var r = v.renderer; return r.getGraph().filterNodes(function (n) {"
        f" var d = r.getNodeDisplayData(n); return !d.hidden && d.color !== {FADED!r}; }}).length;",
    )


def red_ties(dash_duo: Any) -> int:
    return view(
        dash_duo,
        "var r = v.renderer; return r.getGraph().filterEdges(function (e) {"
        f" return r.getEdgeDisplayData(e).color === {PATH_COLOUR!r}; }}).length;",
    )


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


def shoot(dash_duo: Any, screenshots: Callable[[Any, str], Path], name: str) -> None:
    wait_idle(dash_duo)
    dash_duo.driver.execute_script("window.scrollTo(0, 0);")
    time.sleep(0.5)  # let plotly and sigma finish painting
    screenshots(dash_duo.driver, name)


@pytest.fixture(scope="module")
def maillage(demo_store_url: str) -> Any:
    from maillage.app import Maillage
    from maillage.settings import Settings

    instance = Maillage(Settings(store_url=demo_store_url))
    yield instance
    instance.close()


def test_user_journey(
    dash_duo: Any, maillage: Any, screenshots: Callable[[Any, str], Path]
) -> None:
    dash_duo.start_server(create_app(maillage, language=lambda: "en"))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}")

    # Explore: pick the large demo territory, the network renders.
    pick_territory(dash_duo, TERRITORY)
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "actors", timeout=60)
    nodes = wait_for_network(dash_duo)
    summary = dash_duo.find_element(f"#{ids.NETWORK_SUMMARY}").text
    assert nodes == int(summary.split(" actors")[0].replace(",", ""))
    legend = dash_duo.find_element(f"#{ids.NETWORK} .nv-legend").text
    assert "Business" in legend

    # Click an actor with the mouse: the most connected one; it and its partners stay lit.
    graph = maillage.graph(TERRITORY)
    hub_id = max(graph, key=lambda n: (graph.degree(n), str(n)))
    hub = graph.nodes[hub_id]["name"]
    click_node(dash_duo, hub_id, zoom=True)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", hub, timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", "Ties (")
    card = dash_duo.find_element(f"#{ids.CARD}").text
    assert "Degree" in card and "Brokerage roles" in card
    until(lambda: lit(dash_duo) == graph.degree(hub_id) + 1, timeout=20, msg="ego not lit")

    # Search an actor by name: the card follows and the camera flies to it.
    flights = view(dash_duo, "return v.flights;")
    label = search_and_pick(dash_duo, ".picker-search", hub[:6])
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", label.split(" · ")[0], timeout=30)
    until(lambda: view(dash_duo, "return v.flights;") == flights + 1, timeout=20)
    shoot(dash_duo, screenshots, "explore-actor")

    # Path finder: the hub and the actor farthest from it; the chain is listed and drawn.
    import networkx as nx

    lengths = nx.single_source_shortest_path_length(graph, hub_id)
    far_id = max(lengths, key=lambda n: (lengths[n], str(n)))
    hops = lengths[far_id]
    far = graph.nodes[far_id]["name"]
    assert hops >= 2
    start = search_and_pick(dash_duo, ".picker-source", hub)
    end = search_and_pick(dash_duo, ".picker-target", far)
    assert (start.split(" · ")[0], end.split(" · ")[0]) == (hub, far)
    dash_duo.wait_for_contains_text(f"#{ids.PATH_STEPS}", f"in {hops} steps", timeout=30)
    steps = dash_duo.find_elements(f"#{ids.PATH_STEPS} li")
    assert len(steps) == hops
    until(lambda: red_ties(dash_duo) == hops, timeout=20, msg="path not drawn in red")
    shoot(dash_duo, screenshots, "explore-path")

    # Filters restyle, never move: positions are the same after hiding a sector.
    before = positions(dash_duo)
    business = [n for n, s in graph.nodes(data="sector") if s == "business"]
    dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='business']").click()
    until(
        lambda: all(display(dash_duo, n)["hidden"] for n in business[:5]),
        timeout=20,
        msg="business still drawn",
    )
    assert drawn_nodes(dash_duo) == nodes - len(business)
    assert positions(dash_duo) == before

    # An earlier date: fewer actors, each where it was.
    dash_duo.find_element(f"#{ids.YEAR} [role='slider']").send_keys(Keys.HOME)
    until(lambda: 0 < len(positions(dash_duo)) < nodes, timeout=60, msg="as-of date not applied")
    wait_idle(dash_duo)
    earlier = positions(dash_duo)
    assert earlier.items() <= before.items()

    # A reload draws the same picture: the address keeps the date and the filters.
    assert "year=" in dash_duo.driver.current_url
    dash_duo.driver.refresh()
    until(lambda: positions(dash_duo) == earlier, timeout=60, msg="network not redrawn")
    assert not dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='business']").is_selected()
    # The plain address is the whole network again, every actor where it was.
    dash_duo.driver.get(dash_duo.server_url + "/")
    until(lambda: len(positions(dash_duo)) == nodes, timeout=60, msg="network not redrawn")
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


def test_every_actor_drawn_and_coloured_by_sector_or_community(
    dash_duo: Any, maillage: Any, screenshots: Callable[[Any, str], Path]
) -> None:
    dash_duo.start_server(create_app(maillage, language=ENGLISH))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}", timeout=60)
    pick_territory(dash_duo, TERRITORY)
    graph = maillage.graph(TERRITORY)
    until(lambda: wait_for_network(dash_duo) == len(graph), timeout=60, msg="not every actor")

    # Small nodes are filled with their sector's colour (issue 11: they showed a border).
    sizes = {n: display(dash_duo, n)["size"] for n in list(graph)[:200]}
    smallest = sorted(sizes, key=sizes.get)[:10]
    for node in smallest:
        colour = display(dash_duo, node)["color"]
        assert colour.lower() == sector_colour(graph.nodes[node]["sector"]).lower()

    # Colour by community: the largest community gets the first colour of the palette.
    dash_duo.find_element(f"#{ids.COLOUR_BY} input[value='community']").click()
    rows = maillage.report(TERRITORY)["actors"]
    sizes_of: dict[int, int] = {}
    for row in rows:
        sizes_of[row["community"]] = sizes_of.get(row["community"], 0) + 1
    largest = min(sizes_of, key=lambda c: (-sizes_of[c], str(c)))
    member = next(r["id"] for r in rows if r["community"] == largest)
    until(
        lambda: display(dash_duo, member)["color"].lower() == style.COMMUNITY_COLOURS[0].lower(),
        timeout=20,
        msg="not coloured by community",
    )
    assert "Community 1" in dash_duo.find_element(f"#{ids.NETWORK} .nv-legend").text
    shoot(dash_duo, screenshots, "explore-communities")
    assert dash_duo.get_logs() == []


def test_selection_search_clear_and_legend_bugs(dash_duo: Any, maillage: Any) -> None:
    """The bugs of issue 11 that the network touches, in the browser."""
    dash_duo.start_server(create_app(maillage, language=ENGLISH))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}", timeout=60)
    pick_territory(dash_duo, TERRITORY)
    wait_for_network(dash_duo)
    graph = maillage.graph(TERRITORY)
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), str(n)))
    first, second = ranked[0], ranked[1]
    name = graph.nodes[first]["name"]

    # Search an actor, click another, search the first again: it is selected again.
    search_and_pick(dash_duo, ".picker-search", name)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", name, timeout=30)
    click_node(dash_duo, second, zoom=True)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", graph.nodes[second]["name"], timeout=30)
    until(lambda: view(dash_duo, "return v.selected;") == second, timeout=20)
    search_and_pick(dash_duo, ".picker-search", name)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", name, timeout=30)
    until(lambda: view(dash_duo, "return v.selected;") == first, timeout=20)

    # Accents do not matter, neither to the server's search nor to the browser's filter.
    accented = next(
        n for n in ranked if fold(graph.nodes[n]["name"]) != graph.nodes[n]["name"].lower()
    )
    typed = fold(graph.nodes[accented]["name"])
    dash_duo.find_element(".picker-search").click()
    dash_duo.find_element(".dash-dropdown-search").send_keys(typed)
    until(
        lambda: (
            graph.nodes[accented]["name"] in dash_duo.find_element(".dash-dropdown-options").text
        ),
        timeout=20,
        msg=f"no option for {typed!r}",
    )
    close_menus(dash_duo)

    dash_duo.find_element(f"#{ids.NETWORK}").send_keys(Keys.ESCAPE)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", "Click an actor", timeout=30)
    until(lambda: view(dash_duo, "return v.selected;") is None, timeout=20)
    click_node(dash_duo, second, zoom=True)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", graph.nodes[second]["name"], timeout=30)
    set_camera(dash_duo, "{x: 0.5, y: 0.5, ratio: 1}")
    click_at(dash_duo, stage_point(dash_duo, 6, 60))
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", "Click an actor", timeout=30)

    # The legend can be clicked: it hides the sector, ticks the checklist, updates the summary.
    business = sum(1 for _, s in graph.nodes(data="sector") if s == "business")
    dash_duo.find_element(f"#{ids.NETWORK} .nv-legend-item[data-key='business']").click()
    shown = f"shown: {len(graph) - business:,} actors"
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", shown, timeout=30)
    box = dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='business']")
    assert not box.is_selected()
    assert drawn_nodes(dash_duo) == len(graph) - business

    # The earliest date is the first year with a tie (the demo's actors joined earlier): the
    # slider offers no picture of unlinked dots (test_browser_explore_state; the "n/a" of a
    # date without ties: test_presenters_network).
    dash_duo.find_element(f"#{ids.YEAR} [role='slider']").send_keys(Keys.HOME)
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "as of 2008-12-31", timeout=60)
    summary = dash_duo.find_element(f"#{ids.NETWORK_SUMMARY}").text
    assert summary.split(" · ")[1] == "5 ties" and "modularity n/a" not in summary
    assert dash_duo.get_logs() == []


def test_error_panels_instead_of_a_blank_page(dash_duo: Any) -> None:
    from maillage.app import Maillage
    from maillage.settings import Settings

    unreachable = Maillage(Settings(store_url="ftp://nowhere/maillage.db"))
    dash_duo.start_server(create_app(unreachable))  # in French, the default
    dash_duo.wait_for_contains_text(f"#{ids.SHELL_ALERT}", "unsupported store URL", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.SHELL_ALERT}", "Cette analyse n'a pas pu", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_ALERT}", "Pas encore de territoire", timeout=30)
    open_page(dash_duo, "brokers")
    dash_duo.wait_for_contains_text(f"#{ids.BROKERS_ALERT}", "`maillage demo`", timeout=30)
    dash_duo.driver.get(dash_duo.server_url + "/nowhere")
    dash_duo.wait_for_contains_text(f"#{ids.PAGE}", "Aucune page à l'adresse /nowhere")
    assert dash_duo.get_logs() == []


def test_a_shared_address_brings_its_view_back_and_so_does_a_return_visit(
    dash_duo: Any, maillage: Any
) -> None:
    """Issue 11: the address carries the view; ``?from=&to=`` keeps its territory."""
    graph = maillage.graph("Lille")
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), str(n)))
    start = ranked[0]
    end = next(n for n in reversed(ranked) if n != start and nx.has_path(graph, start, n))
    address = f"/?territory=lille&colour=community&from={start}&to={end}&actor={start}"
    dash_duo.start_server(create_app(maillage, language=ENGLISH))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}", timeout=60)
    dash_duo.driver.get(dash_duo.server_url + address)  # the first territory is Alsace

    dash_duo.wait_for_contains_text(f"#{ids.TERRITORY}", "Lille", timeout=30)
    wait_for_network(dash_duo)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", graph.nodes[start]["name"], timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.PATH_STEPS}", graph.nodes[end]["name"], timeout=30)
    until(lambda: view(dash_duo, "return v.selected;") == start, timeout=20)
    colour = dash_duo.find_element(f"#{ids.COLOUR_BY} input[value='community']")
    assert colour.is_selected()

    # The address follows the view: another colouring, one sector hidden.
    dash_duo.find_element(f"#{ids.COLOUR_BY} input[value='sector']").click()
    dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='citizen']").click()
    until(lambda: "sectors=" in dash_duo.driver.current_url, timeout=20, msg="not in the address")
    shared = dash_duo.driver.current_url
    assert "territory=Lille" in shared and f"from={start}" in shared and "colour" not in shared

    # Another page and back: the view is as it was left.
    open_page(dash_duo, "brokers")
    dash_duo.wait_for_element(f"#{ids.BROKERS_TABLE}", timeout=60)
    dash_duo.find_element(f"#{ids.NAV_EXPLORE}").click()
    wait_for_network(dash_duo)
    dash_duo.wait_for_contains_text(f"#{ids.PATH_STEPS}", graph.nodes[end]["name"], timeout=30)
    assert not dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='citizen']").is_selected()
    until(lambda: dash_duo.driver.current_url == shared, timeout=20, msg="the view changed")
    dash_duo.find_element(f"#{ids.COPY_LINK}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.COPY_LINK_NOTE}", "Link copied", timeout=10)

    # Another territory: the address names it, without the other territory's actors.
    pick_territory(dash_duo, "Figeac")
    until(lambda: "territory=Figeac" in dash_duo.driver.current_url, timeout=20)
    assert f"actor={start}" not in dash_duo.driver.current_url

    # Play: from the first year on, a year at a time; the button pauses it.
    wait_idle(dash_duo)
    dash_duo.find_element(f"#{ids.PLAY}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.PLAY}", PAUSE_LABEL, timeout=10)
    handle = f"#{ids.YEAR} [role='slider']"

    def year() -> int:
        return int(dash_duo.find_element(handle).get_attribute("aria-valuenow"))

    first = int(dash_duo.find_element(handle).get_attribute("aria-valuemin"))
    until(lambda: year() > first, timeout=20, msg="the year did not move on")
    until(lambda: "year=" in dash_duo.driver.current_url, timeout=20)
    dash_duo.find_element(f"#{ids.PLAY}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.PLAY}", PLAY_LABEL, timeout=10)
    assert dash_duo.get_logs() == []
