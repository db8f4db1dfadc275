"""Browser tests drive Debian's Chromium through ``dash[testing]``'s ``dash_duo``.

Nothing here downloads a browser: the binary is ``/usr/bin/chromium`` and the
driver ``/usr/bin/chromedriver`` (Debian packages ``chromium`` and
``chromium-driver``), always headless.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

CHROMIUM = "/usr/bin/chromium"
DRIVER_DIR = "/usr/bin"
CHROMIUM_ARGUMENTS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1440,1150",
)
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "artifacts" / "screenshots"


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


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
