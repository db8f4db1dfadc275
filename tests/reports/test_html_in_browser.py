"""The HTML report in Debian's headless Chromium: it renders, runs no injected code, logs no error.

Uses ``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` as installed; never
downloads a browser.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from maillage.reports import render_html_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tmp_path_factory.mktemp("chromium-profile")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1200,900",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, html: str) -> list[dict]:
    """Load ``html`` from a file, wait for every figure, return the console log."""
    from selenium.webdriver.support.ui import WebDriverWait

    path.write_text(html, encoding="utf-8")
    driver.get(path.as_uri())
    figures = len(driver.find_elements("css selector", ".plotly-graph-div"))
    WebDriverWait(driver, 20).until(
        lambda d: len(d.find_elements("css selector", ".plotly-graph-div .main-svg")) >= figures
    )
    return driver.get_log("browser")


def test_report_opens_renders_its_figures_and_logs_no_error(driver, tmp_path, report, gaps):
    log = open_page(driver, tmp_path / "report.html", render_html_report(report, gaps))
    assert [entry for entry in log if entry["level"] == "SEVERE"] == []
    assert len(driver.find_elements("css selector", ".plotly-graph-div")) == 4
    assert driver.find_elements("css selector", ".plotly-graph-div .main-svg")
    heat = driver.find_elements("css selector", "#maillage-figure-3 .hm")
    assert heat, "the sector mixing heatmap is drawn"
    assert driver.title == "Network report: Pays de Morlaix"


def test_hostile_names_are_shown_as_text_and_never_run(
    driver, tmp_path, hostile_report, hostile_gaps
):
    log = open_page(
        driver, tmp_path / "hostile.html", render_html_report(hostile_report, hostile_gaps)
    )
    assert [entry for entry in log if entry["level"] == "SEVERE"] == []
    assert driver.title == "Network report: <img src=x onerror=alert(2)>"
    # No dialog opened (an alert would block this call) and no element was injected.
    assert driver.execute_script("return document.querySelectorAll('img, iframe').length") == 0
    page_scripts = driver.execute_script("return document.querySelectorAll('body script').length")
    assert page_scripts == 4  # one per figure
    names = driver.execute_script(
        "return Array.from(document.querySelectorAll('span.name')).map(s => s.textContent)"
    )
    assert "<script>alert(1)</script>" in names
    ticks = driver.execute_script(
        "return Array.from(document.querySelectorAll('#maillage-figure-1 .ytick text'))"
        ".map(t => t.textContent)"
    )
    assert "<script>alert(1)</script>" in ticks
    reasons = driver.execute_script(
        "return Array.from(document.querySelectorAll('#introductions td')).map(t => t.textContent)"
    )
    assert "</td></tr></table><script>alert(3)</script>" in reasons


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_coordinators_brief_opens_draws_its_charts_and_logs_no_error(
    driver, tmp_path, compare, lang
):
    from test_brief import BY_YEAR

    from maillage.reports.brief import render_brief

    compare["by_year"] = BY_YEAR  # the per-year small multiples too
    log = open_page(driver, tmp_path / f"brief-{lang}.html", render_brief(compare, lang))
    assert [entry for entry in log if entry["level"] in ("SEVERE", "WARNING")] == []
    assert len(driver.find_elements("css selector", ".plotly-graph-div")) == 4
    assert len(driver.find_elements("css selector", ".plotly-graph-div .main-svg")) >= 4
    years = driver.find_elements("css selector", "#maillage-brief-4 .scatterlayer .trace")
    assert len(years) == 4  # two panels (the first rate, ties), a line per territory
    assert driver.find_element("css selector", "html").get_attribute("lang") == lang
    markers = driver.find_elements("css selector", "#maillage-brief-1 .scatterlayer .point")
    assert len(markers) == 4  # two pairs of sectors, two territories
