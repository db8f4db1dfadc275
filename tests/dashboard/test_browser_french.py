"""Issue 10 in a real headless Chromium: a French browser gets French pages.

The app reads the request's language as the server does (``maillage.serving.language``:
the browser's ``Accept-Language``); Chromium is told to send French, then English.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from dash.testing.wait import until

from maillage.dashboard import ids
from maillage.dashboard.app import create_app
from maillage.graph.vocabulary import SECTORS
from maillage.reports.i18n import translator
from maillage.reports.labels import sector_label
from maillage.serving.language import request_language

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

PAGES = (
    # page, a heading and a button or label of it, in French and in English
    ("brokers", "Intermédiaires", "Classer par", "Brokers", "Rank by"),
    ("gaps", "Manques", "Ponts fragiles", "Gaps", "Fragile bridges"),
    ("introductions", "Mises en relation", "Faire avancer", "Introductions", "Move on"),
    ("compare", "Comparer des territoires", "Comparé au hasard", "Compare territories", "Per year"),
    (
        "history",
        "Historique des modifications",
        "Annuler la modification sélectionnée",
        "Changes to the data",
        "Undo the selected change",
    ),
)


def speak(dash_duo: Any, accept_language: str) -> None:
    """Make Chromium send ``accept_language`` with every request, callbacks included."""
    agent = dash_duo.driver.execute_script("return navigator.userAgent")
    dash_duo.driver.execute_cdp_cmd(
        "Emulation.setUserAgentOverride", {"userAgent": agent, "acceptLanguage": accept_language}
    )


@pytest.fixture
def served_demo(dash_duo: Any, demo_store_url: str) -> Iterator[None]:
    """The app on the demo store, its language from the browser's ``Accept-Language``."""
    from maillage.app import Maillage
    from maillage.settings import Settings

    maillage = Maillage(Settings(store_url=demo_store_url))
    try:
        dash_duo.start_server(create_app(maillage, language=request_language))
        dash_duo.wait_for_element(f"#{ids.TERRITORY}")
        yield
    finally:
        maillage.close()


def page_text(dash_duo: Any, path: str, expected: str) -> str:
    dash_duo.driver.get(f"{dash_duo.server_url}/{path}")
    dash_duo.wait_for_contains_text(f"#{ids.PAGE}", expected, timeout=60)
    return dash_duo.find_element(f"#{ids.PAGE}").text


def test_a_french_browser_gets_french_pages_and_an_english_one_english(
    dash_duo: Any, served_demo: None
) -> None:
    speak(dash_duo, "fr-FR,fr;q=0.9,en;q=0.5")
    for path, heading, label, english, _ in PAGES:
        text = page_text(dash_duo, path, heading)
        assert label in text and english not in text.split("\n")[0]
    assert dash_duo.find_element("html").get_attribute("lang") == "fr"
    # The callbacks answer in French too: the brokers' summary and the gaps' buttons.
    dash_duo.driver.get(f"{dash_duo.server_url}/brokers")
    dash_duo.wait_for_contains_text(f"#{ids.BROKERS_SUMMARY}", "acteurs", timeout=90)
    header = dash_duo.wait_for_element(f"#{ids.BROKERS_TABLE} th", timeout=60)
    until(lambda: "Acteur" in dash_duo.find_element(f"#{ids.BROKERS_TABLE}").text, 30)
    assert header is not None
    dash_duo.driver.get(f"{dash_duo.server_url}/gaps")
    dash_duo.wait_for_contains_text(f"#{ids.GAPS_INTRODUCTIONS}", "Voir dans le réseau", timeout=90)
    # The actor picker names each actor's sector in French, not by its code.
    dash_duo.driver.get(f"{dash_duo.server_url}/")
    dash_duo.wait_for_element(".picker-search", timeout=60).click()
    dash_duo.find_element(".dash-dropdown-search").send_keys("a")
    until(lambda: dash_duo.find_elements(".dash-dropdown-option"), timeout=30)
    sectors = {o.text.rsplit(" · ", 1)[-1] for o in dash_duo.find_elements(".dash-dropdown-option")}
    assert sectors and sectors <= {sector_label(s, translator("fr")) for s in SECTORS}

    speak(dash_duo, "en-GB,en;q=0.9")
    for path, _, _, english, label in PAGES:
        assert label in page_text(dash_duo, path, english)
    assert dash_duo.find_element("html").get_attribute("lang") == "en"
    dash_duo.driver.get(f"{dash_duo.server_url}/brokers")
    dash_duo.wait_for_contains_text(f"#{ids.BROKERS_SUMMARY}", "actors", timeout=90)
    assert dash_duo.get_logs() == []


FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")  # fmt: skip


def calendar_text(dash_duo: Any, heading: str) -> str:
    """The text of the introductions page once its first date picker's calendar is open."""
    dash_duo.driver.get(f"{dash_duo.server_url}/introductions")
    dash_duo.wait_for_contains_text(f"#{ids.PAGE}", heading, timeout=60)
    dash_duo.wait_for_element(f"#{ids.INTRO_DATE}", timeout=60).click()
    month = date.today().strftime("%B")  # the C locale's English name
    french = FRENCH_MONTHS[date.today().month - 1]
    until(lambda: {month, french} & set(dash_duo.find_element("body").text.split()), 30)
    return dash_duo.find_element("body").text


def test_a_french_date_picker_names_months_and_days_in_french(
    dash_duo: Any, served_demo: None
) -> None:
    speak(dash_duo, "fr-FR,fr;q=0.9")
    words = calendar_text(dash_duo, "Mises en relation").split()
    assert FRENCH_MONTHS[date.today().month - 1] in words
    assert {"lu", "ma", "me", "je", "ve", "sa", "di"} <= set(words)
    assert date.today().strftime("%B") not in words
    speak(dash_duo, "en-GB,en;q=0.9")
    words = calendar_text(dash_duo, "Introductions").split()
    assert date.today().strftime("%B") in words and "lu" not in words
    assert dash_duo.get_logs() == []
