"""Issue 10 in a real headless Chromium: a facilitator signs in, adds an actor, then undoes it."""

from __future__ import annotations

from typing import Any

import pytest
from dash.testing.wait import until
from network_view_support import view, wait_drawn

from maillage.dashboard import ids
from maillage.graph.vocabulary import SECTORS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def drawn(dash_duo: Any, actor_id: str) -> bool:
    """Whether the network drawing holds ``actor_id``."""
    return bool(view(dash_duo, f"return v.renderer.getGraph().hasNode({actor_id!r});"))


def test_a_facilitator_adds_an_actor_sees_it_drawn_and_undo_removes_it(
    dash_duo: Any, writable_demo: Any, signed_in_facilitator: str
) -> None:
    maillage, driver = writable_demo, dash_duo.driver
    driver.get(f"{signed_in_facilitator}/?territory=Lille")
    dash_duo.wait_for_element(f"#{ids.NETWORK} canvas", timeout=60)
    before = wait_drawn(dash_duo)

    # The panel shows to a facilitator without a selection: its part about an actor does not.
    name = dash_duo.wait_for_element(f"#{ids.ADD_NAME}", timeout=30)
    until(lambda: name.is_displayed(), timeout=30)
    assert not dash_duo.find_element(f"#{ids.EDIT_NAME}").is_displayed()
    name.send_keys("Atelier Vélo du Test")
    # By value: the options read in the reader's language, in the order of the sectors.
    dash_duo.select_dcc_dropdown(f"#{ids.ADD_SECTOR}", index=SECTORS.index("association"))
    sector = dash_duo.find_element(f"#{ids.ADD_SECTOR}")
    until(lambda: "Association" in sector.text, timeout=10, msg="association not chosen")
    dash_duo.find_element(f"#{ids.ADD_CITY}").send_keys("Roubaix")
    dash_duo.find_element(f"#{ids.ADD_SUBMIT}").click()

    dash_duo.wait_for_contains_text(f"#{ids.EDIT_MESSAGE}", "atelier-velo-du-test", timeout=30)
    # Saved: the form is blank for the next actor.
    until(lambda: name.get_attribute("value") == "", timeout=30, msg="the name stayed")
    assert dash_duo.find_element(f"#{ids.ADD_CITY}").get_attribute("value") == ""
    until(lambda: "Association" not in sector.text, timeout=30, msg="the sector stayed")
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
