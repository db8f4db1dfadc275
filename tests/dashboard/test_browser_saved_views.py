"""Saved views in a real headless Chromium: save a filtered view, come back to it by name."""

from __future__ import annotations

from typing import Any

import pytest
from dash.testing.wait import until

from maillage.dashboard import ids
from maillage.dashboard.app import create_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


@pytest.fixture
def maillage(writable_demo: Any) -> Any:
    return writable_demo


def picker_text(dash_duo: Any) -> str:
    """What the saved views' picker shows (the chosen name, or its placeholder)."""
    return dash_duo.find_element(f"#{ids.SAVED_VIEW_PICK}").text


#: Counts the page's requests for the saved views (Dash's callbacks go through ``fetch``).
COUNT_SAVED_VIEW_REQUESTS = f"""
window.__savedViewRequests = 0;
var fetched = window.fetch;
window.fetch = function (address, options) {{
    var body = options && typeof options.body === "string" ? options.body : "";
    if (body.indexOf({ids.SAVED_VIEW_LINKS!r}) >= 0) window.__savedViewRequests += 1;
    return fetched.apply(this, arguments);
}};
"""


def citizens_shown(dash_duo: Any) -> bool:
    box = dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='citizen']")
    return box.is_selected()


def test_a_saved_view_brings_its_filter_back_after_a_reload(dash_duo: Any, maillage: Any) -> None:
    dash_duo.start_server(create_app(maillage))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}")
    dash_duo.select_dcc_dropdown(f"#{ids.TERRITORY}", value="Lille")
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "acteurs", timeout=60)

    # Hide the citizens; the address says so; name the view and save it.
    dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='citizen']").click()
    until(lambda: "sectors=" in dash_duo.driver.current_url, timeout=30)
    name = dash_duo.wait_for_element(f"#{ids.SAVED_VIEW_NAME}", timeout=30)
    until(name.is_displayed, timeout=30)
    name.send_keys("  Sans les citoyens ")
    dash_duo.find_element(f"#{ids.SAVED_VIEW_SAVE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.SAVED_VIEW_MESSAGE}", "Sans les citoyens", timeout=30)
    (saved,) = maillage.saved_views("Lille")
    assert saved.name == "Sans les citoyens" and "citizen" not in (saved.sectors or ())
    until(lambda: "Sans les citoyens" in picker_text(dash_duo), timeout=30)  # the view on screen

    # A plain address shows every sector again; choosing the saved view hides the citizens.
    dash_duo.driver.get(f"{dash_duo.server_url}/")
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "acteurs", timeout=60)
    until(lambda: citizens_shown(dash_duo), timeout=30)
    dash_duo.select_dcc_dropdown(f"#{ids.SAVED_VIEW_PICK}", value="Sans les citoyens")
    until(lambda: "sectors=" in dash_duo.driver.current_url, timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "acteurs", timeout=60)
    until(lambda: not citizens_shown(dash_duo), timeout=30)
    assert "territory=Lille" in dash_duo.driver.current_url

    # The view just opened is named in the picker, until the state moves away from it.
    until(lambda: "Sans les citoyens" in picker_text(dash_duo), timeout=30)
    opened = dash_duo.driver.current_url
    dash_duo.driver.execute_script("window.__sameDocument = true;" + COUNT_SAVED_VIEW_REQUESTS)
    dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='citizen']").click()
    until(lambda: "Sans les citoyens" not in picker_text(dash_duo), timeout=30)
    assert dash_duo.driver.current_url != opened
    dash_duo.find_element(f"#{ids.SECTOR_FILTER} input[value='citizen']").click()
    until(lambda: "Sans les citoyens" in picker_text(dash_duo), timeout=30)
    assert dash_duo.driver.current_url == opened
    # Naming the view on screen opened nothing (no reload) and asked the server nothing.
    assert dash_duo.driver.execute_script("return window.__sameDocument === true;")
    assert dash_duo.driver.execute_script("return window.__savedViewRequests;") == 0
    assert dash_duo.get_logs() == []
