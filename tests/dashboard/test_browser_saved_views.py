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

    # A plain address shows every sector again; choosing the saved view hides the citizens.
    dash_duo.driver.get(f"{dash_duo.server_url}/")
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "acteurs", timeout=60)
    until(lambda: citizens_shown(dash_duo), timeout=30)
    dash_duo.select_dcc_dropdown(f"#{ids.SAVED_VIEW_PICK}", value="Sans les citoyens")
    until(lambda: "sectors=" in dash_duo.driver.current_url, timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.NETWORK_SUMMARY}", "acteurs", timeout=60)
    until(lambda: not citizens_shown(dash_duo), timeout=30)
    assert "territory=Lille" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []
