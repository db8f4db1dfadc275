"""Issue 10 in a real headless Chromium: a facilitator signs in, adds an actor, then undoes it."""

from __future__ import annotations

from typing import Any

import pytest
from dash.testing.wait import until
from network_view_support import view, wait_drawn

from maillage.dashboard import ids
from maillage.serving.access import Access
from maillage.serving.users import new_user
from maillage.serving.web import web_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

PASSWORD = "facilitator password two"


def drawn(dash_duo: Any, actor_id: str) -> bool:
    """Whether the network drawing holds ``actor_id``."""
    return bool(view(dash_duo, f"return v.renderer.getGraph().hasNode({actor_id!r});"))


def test_a_facilitator_adds_an_actor_sees_it_drawn_and_undo_removes_it(
    dash_duo: Any, writable_demo: Any
) -> None:
    maillage = writable_demo
    access = Access({"felix": new_user("felix", "facilitator", PASSWORD)}, b"s" * 32)
    dash_duo.start_server(web_app(maillage, access), navigate=False)  # "/" asks to sign in
    driver, base = dash_duo.driver, dash_duo.server.url.rstrip("/")
    driver.get(f"{base}/login")
    dash_duo.wait_for_element("#name", timeout=30).send_keys("felix")
    dash_duo.find_element("#password").send_keys(PASSWORD)
    dash_duo.find_element("button[type='submit']").click()
    dash_duo.wait_for_element(f"#{ids.TERRITORY}", timeout=30)
    driver.get(f"{base}/?territory=Lille")
    dash_duo.wait_for_element(f"#{ids.NETWORK} canvas", timeout=60)
    before = wait_drawn(dash_duo)

    # The panel shows to a facilitator without a selection: its part about an actor does not.
    name = dash_duo.wait_for_element(f"#{ids.ADD_NAME}", timeout=30)
    until(lambda: name.is_displayed(), timeout=30)
    assert not dash_duo.find_element(f"#{ids.EDIT_NAME}").is_displayed()
    name.send_keys("Atelier Vélo du Test")
    dash_duo.select_dcc_dropdown(f"#{ids.ADD_SECTOR}", value="association")
    dash_duo.find_element(f"#{ids.ADD_CITY}").send_keys("Roubaix")
    dash_duo.find_element(f"#{ids.ADD_SUBMIT}").click()

    dash_duo.wait_for_contains_text(f"#{ids.EDIT_MESSAGE}", "atelier-velo-du-test", timeout=30)
    until(lambda: drawn(dash_duo, "atelier-velo-du-test"), timeout=60, msg="not drawn")
    added = maillage.actor("atelier-velo-du-test")
    assert (added.name, str(added.sector), added.city) == (
        "Atelier Vélo du Test",
        "association",
        "Roubaix",
    )
    latest = maillage.history()[-1]
    assert latest.user == "felix" and "atelier-velo-du-test" in latest.description

    undo = dash_duo.find_element(f"#{ids.EDIT_UNDO}")
    until(lambda: undo.is_enabled(), timeout=30)
    undo.click()
    dash_duo.wait_for_contains_text(f"#{ids.EDIT_MESSAGE}", str(latest.id), timeout=30)
    until(lambda: not drawn(dash_duo, "atelier-velo-du-test"), timeout=60, msg="still drawn")
    assert wait_drawn(dash_duo) == before
    assert "atelier-velo-du-test" not in maillage.network("Lille").member_ids
    assert dash_duo.get_logs() == []
