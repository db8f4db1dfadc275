"""Browser tests drive Debian's Chromium through ``dash[testing]``'s ``dash_duo``.

Nothing here downloads a browser: the binary is ``/usr/bin/chromium`` and the
driver ``/usr/bin/chromedriver`` (Debian packages ``chromium`` and
``chromium-driver``), always headless.
"""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from dashboard_support import ROWS
from selenium.webdriver.chrome.options import Options

CHROMIUM = "/usr/bin/chromium"
DRIVER_DIR = "/usr/bin"
CHROMIUM_ARGUMENTS = (
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",  # WebGL (the network renderer) in software, as Chromium asks
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1440,1150",
)
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
# WebP through Chrome DevTools, the viewport scaled down: under 80 kB a picture where a PNG
# takes 400 kB, text still legible, and no imaging library needed.
PICTURE_FORMAT = {"format": "webp", "quality": 50}
PICTURE_SCALE = 0.75


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config.option, "headless"):
        config.option.headless = True
        config.option.webdriver = "Chrome"
    path = os.environ.get("PATH", "")
    if DRIVER_DIR not in path.split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([DRIVER_DIR, path]) if path else DRIVER_DIR


def pytest_setup_options() -> Options:
    options = Options()
    options.binary_location = CHROMIUM
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    return options


@pytest.fixture(scope="session")
def demo_store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A SQLite store holding the demo territories, built once per test session."""
    from maillage.graph.storage import open_store
    from maillage.loaders.demo import demo_dataset

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    store = open_store(url)
    try:
        store.setup_schema()
        store.upsert(demo_dataset(seed=2026))
    finally:
        store.close()
    yield url


def save_picture(driver: Any, folder: Path, name: str) -> Path:
    """The browser's viewport as ``folder/name.webp``; every test's screenshot is taken here.

    ``scripts/doc_screenshots.py`` copies the ones ``docs/dashboard.md`` shows into
    ``docs/images/``.
    """
    # The clip is in the page's coordinates: the viewport where it is scrolled to.
    x, y, width, height = driver.execute_script(
        "return [window.scrollX, window.scrollY, window.innerWidth, window.innerHeight];"
    )
    clip = {"x": x, "y": y, "width": width, "height": height, "scale": PICTURE_SCALE}
    captured = driver.execute_cdp_cmd("Page.captureScreenshot", {**PICTURE_FORMAT, "clip": clip})
    path = folder / f"{name}.webp"
    path.write_bytes(base64.b64decode(captured["data"]))
    return path


@pytest.fixture
def screenshots() -> Callable[[Any, str], Path]:
    """``screenshots(driver, name)``: :func:`save_picture` into ``artifacts/screenshots/``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(driver: Any, name: str) -> Path:
        return save_picture(driver, SCREENSHOTS, name)

    return take


@pytest.fixture
def graph() -> nx.Graph:
    """A triangle a-b-c with a pendant d on c; parallel ties collapsed as in territory_graph."""
    G = nx.Graph()
    for row in ROWS:
        G.add_node(row["id"], name=row["name"], sector=row["sector"])
    G.add_edge("a", "b", weight=4, kinds=("partnership", "funding"), since=date(2019, 1, 1))
    G.add_edge("a", "c", weight=1, kinds=("event",), since=date(2020, 5, 1), until=None, ties=1)
    G.add_edge("b", "c", weight=2, kinds=("partnership",), since=None, until=None, ties=1)
    G.add_edge("c", "d", weight=1, kinds=("service",), since=date(2021, 3, 1), ties=1)
    return G


# ---------------------------------------------------------------------- a small real store
#
# tests/conftest.py's ``small_dataset``: Nantes holds n1, n2, n3 and b4 (element ids, on
# the sorted ids b4 < n1 < n2 < n3: n0, n1, n2, n3); Rennes holds b4, r1, r2 and r3.


@pytest.fixture
def maillage(tmp_path, small_dataset) -> Any:
    from maillage.app import Maillage
    from maillage.graph.storage import open_store
    from maillage.settings import Settings

    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    store.setup_schema()
    store.upsert(small_dataset)
    store.close()
    instance = Maillage(Settings(store_url=url))
    yield instance
    instance.close()


@pytest.fixture
def writable_demo(demo_store_url: str, tmp_path: Path) -> Iterator[Any]:
    """The demo territories in a store of the test's own, for tests that write."""
    from maillage.app import Maillage
    from maillage.settings import Settings

    copy = tmp_path / "demo.db"
    shutil.copy(demo_store_url.removeprefix("sqlite://"), copy)
    instance = Maillage(Settings(store_url=f"sqlite:///{copy}"))
    yield instance
    instance.close()


FACILITATOR = "felix"
FACILITATOR_PASSWORD = "facilitator password"


@pytest.fixture
def signed_in_facilitator(dash_duo: Any, writable_demo: Any) -> str:
    """The web app over ``writable_demo``, served, and the browser signed in as the
    facilitator ``felix``: the served app's address (no trailing slash)."""
    from maillage.dashboard import ids
    from maillage.serving.access import Access
    from maillage.serving.users import new_user
    from maillage.serving.web import web_app

    users = {FACILITATOR: new_user(FACILITATOR, "facilitator", FACILITATOR_PASSWORD)}
    access = Access(users, b"s" * 32)
    dash_duo.start_server(web_app(writable_demo, access), navigate=False)  # "/" asks to sign in
    base = dash_duo.server.url.rstrip("/")
    dash_duo.driver.get(f"{base}/login")
    dash_duo.wait_for_element("#name", timeout=30).send_keys(FACILITATOR)
    dash_duo.find_element("#password").send_keys(FACILITATOR_PASSWORD)
    dash_duo.find_element("button[type='submit']").click()
    dash_duo.wait_for_element(f"#{ids.TERRITORY}", timeout=30)
    return base
