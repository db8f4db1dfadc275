"""Explore's date slider, summary line and view state in a real Chromium, on the demo (issue 11).

What a reviewer found on ``maillage demo``, /?territory=Alsace, in French: the slider began in
2004 (four pictures of unlinked dots before the first tie, of 2008); the summary said
"affichés : 600 acteurs, 3 440 liens (filtre des secteurs)" with nothing filtered, and stayed
unchanged when a tie kind was unticked or the minimum weight raised; the tie kinds, the
minimum weight and the neighbourhood's reach were lost on reload and in saved views.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from dash.testing.wait import until
from network_view_support import view, wait_drawn
from selenium.webdriver.common.keys import Keys

from maillage.dashboard import ids
from maillage.dashboard.app import create_app
from maillage.dashboard.network_payload import drawn_counts
from maillage.dashboard.presenters.explore_play import PAUSE_LABEL, PLAY_LABEL
from maillage.graph.vocabulary import TIE_KINDS
from maillage.reports.i18n import translator

pytestmark = [pytest.mark.browser, pytest.mark.timeout(400)]

FR = translator("fr")
YEAR = f"#{ids.YEAR} [role='slider']"
WEIGHT = f"#{ids.MIN_WEIGHT} [role='slider']"


@pytest.fixture
def maillage(writable_demo: Any) -> Any:
    return writable_demo


def drawn_ties(dash_duo: Any) -> int:
    """Lines drawn (in the graph and not hidden by a filter)."""
    script = (
        "var r = v.renderer; return r.getGraph().filterEdges(function (e) {"
        " var d = r.getEdgeDisplayData(e); return d && !d.hidden; }).length;"
    )
    return view(dash_duo, script) or 0


def summary(dash_duo: Any) -> str:
    return dash_duo.find_element(f"#{ids.NETWORK_SUMMARY}").text.replace("\u202f", " ")


def wait_summary(dash_duo: Any, text: str) -> None:
    until(lambda: text in summary(dash_duo), timeout=60, msg=f"no {text!r} in the summary")


def slider_value(dash_duo: Any, handle: str) -> int:
    return int(dash_duo.find_element(handle).get_attribute("aria-valuenow"))


def test_the_slider_starts_with_the_first_tie_and_play_starts_there(
    dash_duo: Any, maillage: Any
) -> None:
    dash_duo.start_server(create_app(maillage))  # in French, the default
    dash_duo.driver.get(dash_duo.server_url + "/?territory=Alsace")
    wait_drawn(dash_duo)
    wait_summary(dash_duo, "toutes dates")
    assert dash_duo.find_element(YEAR).get_attribute("aria-valuemin") == "2008"

    first = maillage.graph("Alsace", as_of=date(2008, 12, 31)).number_of_edges()
    dash_duo.find_element(YEAR).send_keys(Keys.HOME)
    wait_summary(dash_duo, "au 31 déc. 2008")
    until(lambda: drawn_ties(dash_duo) == first, timeout=30, msg="not the 2008 ties")
    assert first == 5 and "communautés (modularité non disponible)" not in summary(dash_duo)

    # From "all", play shows 2008 first, then moves on; the button pauses it.
    dash_duo.find_element(YEAR).send_keys(Keys.END)
    wait_summary(dash_duo, "toutes dates")
    dash_duo.find_element(f"#{ids.PLAY}").click()
    until(lambda: slider_value(dash_duo, YEAR) == 2008, timeout=10, msg="play began elsewhere")
    dash_duo.wait_for_text_to_equal(f"#{ids.PLAY}", FR.gettext(PAUSE_LABEL), timeout=10)
    until(lambda: slider_value(dash_duo, YEAR) > 2008, timeout=20, msg="play did not move on")
    dash_duo.find_element(f"#{ids.PLAY}").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.PLAY}", FR.gettext(PLAY_LABEL), timeout=10)
    assert dash_duo.get_logs() == []


def test_the_summary_counts_what_is_drawn_and_the_view_keeps_the_tie_filters(
    dash_duo: Any, maillage: Any
) -> None:
    dash_duo.start_server(create_app(maillage))
    dash_duo.driver.get(dash_duo.server_url + "/?territory=Alsace")
    wait_drawn(dash_duo)

    # Nothing filtered: the ties of the territory's counts, the pairs the lines draw.
    wait_summary(dash_duo, "600 acteurs · 3 448 liens entre 3 440 paires")
    assert "affichés" not in summary(dash_duo) and "filtre" not in summary(dash_duo)
    until(lambda: drawn_ties(dash_duo) == 3440, timeout=30, msg="not every line drawn")

    # Minimum weight 2: the line counts the 97 lines left, and their 105 ties.
    for _ in range(2):
        dash_duo.find_element(WEIGHT).send_keys(Keys.ARROW_RIGHT)
    # summary() reads narrow spaces as plain ones
    wait_summary(dash_duo, "affichés : 600 acteurs, 105 liens entre 97 paires (filtre : poids ≥ 2)")
    until(lambda: drawn_ties(dash_duo) == 97, timeout=30, msg="not the heavy lines")

    # A tie kind unticked too: the line follows, and names both filters.
    dash_duo.find_element(f"#{ids.KIND_FILTER} input[value='event']").click()
    kinds = [k for k in TIE_KINDS if k != "event"]
    left = drawn_counts(maillage.network("Alsace"), None, kinds, 2)
    shown = f"affichés : 600 acteurs, {left['ties']} liens (filtres : types de liens, poids ≥ 2)"
    wait_summary(dash_duo, shown)
    until(lambda: drawn_ties(dash_duo) == left["pairs"], timeout=30, msg="not the lines left")

    # Two hops; the address carries all three, and a reload brings them back.
    dash_duo.find_element(f"#{ids.HOPS} input[value='2']").click()
    for part in ("kinds=partnership%2Cfunding%2Cgovernance%2Cservice%2Cother", "min_weight=2"):
        until(lambda part=part: part in dash_duo.driver.current_url, timeout=30, msg=part)
    until(lambda: "hops=2" in dash_duo.driver.current_url, timeout=30)
    address = dash_duo.driver.current_url
    dash_duo.driver.get(address)
    wait_drawn(dash_duo)
    wait_summary(dash_duo, shown)
    until(lambda: drawn_ties(dash_duo) == left["pairs"], timeout=30, msg="filters lost on reload")
    assert slider_value(dash_duo, WEIGHT) == 2
    assert not dash_duo.find_element(f"#{ids.KIND_FILTER} input[value='event']").is_selected()
    assert dash_duo.find_element(f"#{ids.HOPS} input[value='2']").is_selected()
    until(lambda: dash_duo.driver.current_url == address, timeout=30, msg="the view moved")

    # Saved under a name, the view opens again from a plain address with all three.
    name = dash_duo.wait_for_element(f"#{ids.SAVED_VIEW_NAME}", timeout=30)
    until(name.is_displayed, timeout=30)
    name.send_keys("Liens lourds")
    dash_duo.find_element(f"#{ids.SAVED_VIEW_SAVE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.SAVED_VIEW_MESSAGE}", "Liens lourds", timeout=30)
    (saved,) = maillage.saved_views("Alsace")
    assert (saved.kinds, saved.min_weight, saved.hops) == (tuple(kinds), 2, 2)
    dash_duo.driver.get(dash_duo.server_url + "/?territory=Alsace")
    wait_summary(dash_duo, "3 448 liens entre 3 440 paires · densité")
    dash_duo.select_dcc_dropdown(f"#{ids.SAVED_VIEW_PICK}", value="Liens lourds")
    until(lambda: "min_weight=2" in dash_duo.driver.current_url, timeout=30)
    wait_summary(dash_duo, shown)
    until(lambda: drawn_ties(dash_duo) == left["pairs"], timeout=30, msg="saved view lost them")
    assert dash_duo.find_element(f"#{ids.HOPS} input[value='2']").is_selected()
    assert dash_duo.get_logs() == []
