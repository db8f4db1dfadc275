"""Fixtures of the security tests: the demo territories in a store, users, a secured app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from security_support import PASSWORDS, ROLES, SECRET, Clock

from maillage.app import Maillage
from maillage.graph.model import Dataset
from maillage.loaders.demo import demo_dataset
from maillage.serving.access import Access
from maillage.serving.users import User, new_user
from maillage.serving.web import web_app
from maillage.settings import Settings


@pytest.fixture(scope="session")
def demo() -> Dataset:
    return demo_dataset()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory, demo: Dataset) -> str:
    """The URL of a SQLite store holding the demo territories."""
    folder = tmp_path_factory.mktemp("security-demo")
    url = f"sqlite:///{folder / 'demo.db'}"
    loader = Maillage(Settings(store_url=url, data_dir=folder / "data"))
    loader.store.upsert(demo)
    loader.close()
    return url


@pytest.fixture(scope="session")
def users() -> dict[str, User]:
    """A viewer (vera), a facilitator (felix) and an admin (ada), hashed once."""
    return {name: new_user(name, ROLES[name], PASSWORDS[name]) for name in PASSWORDS}


@pytest.fixture(scope="module")
def maillage(demo_store: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Maillage]:
    """The app object over the demo store, its caches shared by a module's tests."""
    data_dir = tmp_path_factory.mktemp("security-data")
    instance = Maillage(
        Settings(store_url=demo_store, data_dir=data_dir, secret_key=SECRET.decode())
    )
    yield instance
    instance.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def access(users: dict[str, User], clock: Clock) -> Access:
    return Access(users, SECRET, clock=clock)


@pytest.fixture
def app(maillage: Maillage, access: Access):
    """The dashboard behind sign-in; ``app.server.test_client()`` talks HTTP to it."""
    return web_app(maillage, access)


@pytest.fixture
def client(app):
    """A browser that asks for English (the sign-in tests read English messages)."""
    client = app.server.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No users, secret or store from the developer's environment: a fresh data folder."""
    for name in ("MAILLAGE_USERS_FILE", "MAILLAGE_USERS", "MAILLAGE_SECRET_KEY", "MAILLAGE_STORE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path
