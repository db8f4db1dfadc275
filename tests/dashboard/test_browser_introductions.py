"""The facilitator's follow-up in a real headless Chromium: from a suggestion to a partnership."""

from __future__ import annotations

from typing import Any

import pytest
from dash.testing.wait import until
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.keys import Keys

from maillage.dashboard import ids
from maillage.dashboard.app import create_app
from maillage.graph.vocabulary import SECTORS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


@pytest.fixture
def maillage(writable_demo: Any) -> Any:
    return writable_demo


def clicked(element: Any) -> bool:
    """Click ``element``; False while another element (a figure being drawn) covers it."""
    try:
        element.click()
    except ElementClickInterceptedException:
        return False
    return True


def test_a_suggested_introduction_is_recorded_followed_up_and_becomes_a_tie(
    dash_duo: Any, maillage: Any
) -> None:
    dash_duo.start_server(create_app(maillage, language=lambda: "en"))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}")
    dash_duo.select_dcc_dropdown(f"#{ids.TERRITORY}", value="Alsace")
    dash_duo.find_element("#nav-gaps").click()

    # Gaps: the first suggestion's "I made this introduction" opens the form, both actors set.
    link = dash_duo.wait_for_element(".record-introduction", timeout=90)
    suggestion = maillage.gaps("Alsace")["introductions"][0]
    source, target = suggestion["source"], suggestion["target"]
    # The page may still be laying out its figures: bring the link to the middle of the
    # screen and click again while a figure drawn meanwhile covers it.
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
    until(lambda: clicked(link), timeout=30)
    until(lambda: "/introductions" in dash_duo.driver.current_url, timeout=10)
    dash_duo.wait_for_contains_text(f"#{ids.INTRO_SOURCE}", source["name"], timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.INTRO_TARGET}", target["name"], timeout=30)

    dash_duo.find_element(f"#{ids.INTRO_NOTE}").send_keys("Rencontre au forum")
    dash_duo.find_element(f"#{ids.INTRO_RECORD}").click()
    dash_duo.wait_for_contains_text(f"#{ids.INTRO_MESSAGE}", "Introduction 1 recorded", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.INTRO_TABLE}", source["name"], timeout=30)

    # Follow-up: select it, move it to partnership; the tie is stored, the funnel says so.
    dash_duo.find_element(f"#{ids.INTRO_TABLE} input[type='radio']").click()
    dash_duo.select_dcc_dropdown(f"#{ids.INTRO_MOVE_STATUS}", value="partnership")
    dash_duo.find_element(f"#{ids.INTRO_MOVE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.INTRO_MESSAGE}", "now partnership", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.INTRO_FUNNEL}", "1 partnership", timeout=30)

    ties = [t for t in maillage.network("Alsace").ties if t.ref == "introduction:1"]
    assert [{t.source, t.target} for t in ties] == [{source["id"], target["id"]}]
    (introduction,) = maillage.introductions("Alsace")
    assert [s.status for s in introduction.history] == ["made", "partnership"]
    assert introduction.history[0].note == "Rencontre au forum"
    assert dash_duo.get_logs() == []


def test_an_actor_corrected_from_explore_is_saved_and_undo_restores_it(
    dash_duo: Any, maillage: Any
) -> None:
    """Issue 10: edit an actor where it is seen; each edit a revision; Undo restores it."""
    graph = maillage.graph("Lille")
    actor_id = sorted(graph, key=lambda n: (-graph.degree(n), str(n)))[0]
    before = maillage.actor(actor_id)
    dash_duo.start_server(create_app(maillage, language=lambda: "en"))  # asserts English
    dash_duo.wait_for_element(f"#{ids.TERRITORY}")
    dash_duo.driver.get(f"{dash_duo.server_url}/?territory=Lille&actor={actor_id}")
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", before.name, timeout=60)
    name = dash_duo.wait_for_element(f"#{ids.EDIT_NAME}", timeout=30)
    until(lambda: name.get_attribute("value") == before.name, timeout=30)

    name.send_keys(Keys.CONTROL, "a")
    name.send_keys("Maison des associations de Lille")
    # By value: the options are named in the reader's language, in the order of SECTORS.
    dash_duo.select_dcc_dropdown(f"#{ids.EDIT_SECTOR}", index=SECTORS.index("association"))
    dash_duo.find_element(f"#{ids.EDIT_SAVE}").click()
    dash_duo.wait_for_contains_text(f"#{ids.EDIT_MESSAGE}", "Saved as change", timeout=30)
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", "Maison des associations de Lille", timeout=30)
    saved = maillage.actor(actor_id)
    assert (saved.name, str(saved.sector)) == ("Maison des associations de Lille", "association")
    latest = maillage.history()[-1]
    assert latest.action == "edit" and actor_id in latest.description

    dash_duo.find_element(f"#{ids.EDIT_UNDO}").click()
    dash_duo.wait_for_contains_text(
        f"#{ids.EDIT_MESSAGE}", f"Change {latest.id} undone", timeout=30
    )
    dash_duo.wait_for_contains_text(f"#{ids.CARD}", before.name, timeout=30)
    assert maillage.actor(actor_id) == before
    assert dash_duo.get_logs() == []


def test_the_history_page_lists_changes_and_undoes_the_one_selected(
    dash_duo: Any, maillage: Any
) -> None:
    actor_id = sorted(maillage.graph("Lille"))[0]
    before = maillage.actor(actor_id)
    edit = maillage.edit_actor(actor_id, {"city": "Roubaix"}, user="amina")
    dash_duo.start_server(create_app(maillage, language=lambda: "en"))
    dash_duo.wait_for_element(f"#{ids.TERRITORY}")
    dash_duo.select_dcc_dropdown(f"#{ids.TERRITORY}", value="Lille")
    dash_duo.find_element("#nav-history").click()
    table = f"#{ids.HISTORY_TABLE}"
    dash_duo.wait_for_contains_text(table, f"edit of actor {actor_id}", timeout=30)
    assert "amina" in dash_duo.find_element(f"#{ids.HISTORY_TABLE}").text

    dash_duo.find_element(f"#{ids.HISTORY_TABLE} input[type='radio']").click()  # newest first
    dash_duo.find_element(f"#{ids.HISTORY_UNDO}").click()
    dash_duo.wait_for_contains_text(f"#{ids.HISTORY_MESSAGE}", f"Undone: {edit.id}", timeout=30)
    dash_duo.wait_for_contains_text(table, f"undone by {edit.id + 1}", timeout=30)
    assert maillage.actor(actor_id) == before
    assert dash_duo.get_logs() == []
