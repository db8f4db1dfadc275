"""Shared fixtures: a real Neo4j server, a fresh store of each kind, a small data set.

``store`` and ``store_url`` are parametrised ``["sqlite", "neo4j"]``: every test using them
runs against both stores. The Neo4j server comes from ``NEO4J_URI`` / ``NEO4J_PASSWORD``
when set (CI starts it beforehand), else from ``scripts/neo4j_server.py``. A Neo4j test
that cannot get a server fails under CI and is skipped elsewhere.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import flask
import pytest
from flask.testing import FlaskClient

from maillage.graph.errors import StoreUnavailable
from maillage.graph.model import (
    Activity,
    Actor,
    Dataset,
    Participation,
    Sector,
    Tie,
    TieKind,
)
from maillage.graph.storage.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
SERVER_SCRIPT = REPO / "scripts" / "neo4j_server.py"
STORES = ["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)]


# ---------------------------------------------------------------------- the Neo4j server


def neo4j_server_script() -> ModuleType:
    """``scripts/neo4j_server.py`` imported by path (it is not part of the package)."""
    name = "maillage_neo4j_server_script"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SERVER_SCRIPT)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot import {SERVER_SCRIPT}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def neo4j_unavailable(reason: str) -> None:
    """Fail under CI (a skipped Neo4j test would hide a broken store), skip elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"Neo4j is required under CI: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j server: {reason}")


@contextlib.contextmanager
def _flock(path: Path, mode: int) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, mode)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[dict[str, Any]]:
    """The running server: ``{bolt_url, user, password, database, ...}``.

    The dict is shared and kept current: a test that restarts the server updates it in
    place (``refresh_neo4j_server``), so later fixtures connect to the new port.
    """
    env = os.environ
    if env.get("NEO4J_URI") and env.get("NEO4J_PASSWORD"):
        server = {
            "bolt_url": env["NEO4J_URI"],
            "user": env.get("NEO4J_USERNAME") or "neo4j",
            "password": env["NEO4J_PASSWORD"],
            "database": env.get("NEO4J_DATABASE") or "neo4j",
            "from_env": True,
        }
        try:
            open_neo4j_store(server, connect_attempts=5).close()
        except StoreUnavailable as error:
            neo4j_unavailable(f"NEO4J_URI is set but {error}")
        yield server
        return
    try:
        script = neo4j_server_script()
        state = script.read_state()
        already_running = bool(state) and script.is_reachable(state)
        server = {**script.start(), "from_env": False}
    except Exception as error:  # noqa: BLE001 - any failure to start means "no server"
        neo4j_unavailable(f"{SERVER_SCRIPT.name} could not start one ({error})")
    # Sessions sharing the server hold a shared lock; the last one out may stop it.
    users = script.resolve_cache_dir() / "sessions.lock"
    users.parent.mkdir(parents=True, exist_ok=True)
    with open(users, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield server
        if already_running:
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # another test session still uses it
        script.stop()


def refresh_neo4j_server(server: dict[str, Any], new_state: dict[str, Any] | None = None) -> None:
    """Update ``server`` in place after a restart (the port may have changed)."""
    if new_state is None and not server.get("from_env"):
        new_state = neo4j_server_script().read_state()
    if new_state:
        server.update({key: new_state[key] for key in ("bolt_url", "user", "password", "database")})


@contextlib.contextmanager
def neo4j_exclusive(server: dict[str, Any]) -> Iterator[None]:
    """Hold the database alone: test sessions sharing one server wait for each other."""
    lock = (
        Path(os.environ.get("MAILLAGE_NEO4J_CACHE") or REPO / ".cache" / "neo4j")
        / "tests-database.lock"
    )
    with _flock(lock, fcntl.LOCK_EX):
        refresh_neo4j_server(server)
        yield


def open_neo4j_store(server: dict[str, Any], **options: Any):
    from maillage.graph.storage.neo4j import Neo4jStore

    return Neo4jStore(
        server["bolt_url"],
        user=server["user"],
        password=server["password"],
        database=server["database"],
        **options,
    )


@pytest.fixture
def fresh_neo4j_store(neo4j_server: dict[str, Any]) -> Iterator[Any]:
    """An empty Neo4j store, schema in place, the database held alone for the test."""
    with neo4j_exclusive(neo4j_server):
        store = open_neo4j_store(neo4j_server)
        try:
            store._wipe_for_tests()
            store.setup_schema()
            yield store
        finally:
            store.close()


class Neo4jTools:
    """What a test that drives the Neo4j server itself needs (fixture ``neo4j_tools``)."""

    def __init__(self, server: dict[str, Any]) -> None:
        self.server = server

    script = staticmethod(neo4j_server_script)
    unavailable = staticmethod(neo4j_unavailable)

    def exclusive(self):
        """Hold the database alone (not inside a test that uses the ``store`` fixture)."""
        return neo4j_exclusive(self.server)

    def open_store(self, **options: Any):
        return open_neo4j_store(self.server, **options)

    def refresh(self, new_state: dict[str, Any] | None = None) -> None:
        refresh_neo4j_server(self.server, new_state)


@pytest.fixture
def neo4j_tools(neo4j_server: dict[str, Any]) -> Neo4jTools:
    """Helpers to hold the database, open stores, and follow a restarted server."""
    return Neo4jTools(neo4j_server)


# ---------------------------------------------------------------------- stores


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A fresh, empty store of each kind."""
    if request.param == "sqlite":
        sqlite_store = SQLiteStore.from_url(f"sqlite:///{tmp_path / 'store.db'}")
        yield sqlite_store
        sqlite_store.close()
    else:
        yield request.getfixturevalue("fresh_neo4j_store")


@pytest.fixture(params=STORES)
def store_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The URL of a fresh, empty store of each kind, with the NEO4J_* variables set."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    yield request.getfixturevalue("neo4j_url")


@pytest.fixture
def neo4j_url(
    neo4j_server: dict[str, Any], fresh_neo4j_store: Any, monkeypatch: pytest.MonkeyPatch
) -> str:
    """The URL of a fresh, empty Neo4j store, with the NEO4J_* variables set."""
    monkeypatch.setenv("NEO4J_USERNAME", neo4j_server["user"])
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server["password"])
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_server["database"])
    return neo4j_server["bolt_url"]


# ---------------------------------------------------------------------- data


@pytest.fixture
def small_dataset() -> Dataset:
    """Seven actors in two territories (one actor in both), seven ties, one activity.

    Undirected ties name their ends in sorted order, as stores give them back.

    Nantes: n1, n2, n3, b4 (b4 is also in Rennes). Rennes: b4, r1, r2, r3 (r3 isolated).
    Ties: n1-n2 partnership (2019-05-01..), n2-n3 event (2020-09-15..), n3->n1 directed
    funding (2018-01-01..2020-12-31), b4-n1 governance (2021-01-01..), b4-r1 service
    (2020-11-01.., before r1 joined), n2-r1 partnership (2021-06-01.., leaves Nantes),
    r1-r2 partnership (2022-04-01..). Joined: n1 2019-01-01, n2 2020-06-01, b4 2020-01-01,
    r1 2021-01-01, r2 2022-03-01; n3 and r3 undated.
    """
    actors = (
        Actor(
            "n1",
            "Atelier Nord",
            Sector.BUSINESS,
            ("Nantes",),
            kind="SME",
            city="Nantes",
            lat=47.2184,
            lon=-1.5536,
            joined=date(2019, 1, 1),
            attributes={"siret": "12345678900011", "website": "https://atelier-nord.example"},
        ),
        Actor("n2", "Asso Lien", Sector.ASSOCIATION, ("Nantes",), joined=date(2020, 6, 1)),
        Actor("n3", "Mairie de Nantes", Sector.PUBLIC, ("Nantes",), city="Nantes"),
        Actor(
            "b4",
            "Université Ouest",
            Sector.ACADEMIC,
            ("Nantes", "Rennes"),
            joined=date(2020, 1, 1),
        ),
        Actor("r1", "Rennes Média", Sector.MEDIA, ("Rennes",), joined=date(2021, 1, 1)),
        Actor("r2", "Fondation Bretagne", Sector.FUNDER, ("Rennes",), joined=date(2022, 3, 1)),
        Actor("r3", "Claire Martin", Sector.CITIZEN, ("Rennes",), kind="resident"),
    )
    ties = (
        Tie("n1", "n2", TieKind.PARTNERSHIP, 2.0, since=date(2019, 5, 1), ref="survey-2023"),
        Tie(
            "n2",
            "n3",
            TieKind.EVENT,
            1.0,
            since=date(2020, 9, 15),
            activities=("forum-2020",),
        ),
        Tie(
            "n3",
            "n1",
            TieKind.FUNDING,
            1.5,
            since=date(2018, 1, 1),
            until=date(2020, 12, 31),
            directed=True,
            note="innovation grant",
        ),
        Tie("b4", "n1", TieKind.GOVERNANCE, since=date(2021, 1, 1)),
        Tie("b4", "r1", TieKind.SERVICE, since=date(2020, 11, 1)),
        Tie("n2", "r1", TieKind.PARTNERSHIP, since=date(2021, 6, 1), note="cross-territory"),
        Tie("r1", "r2", TieKind.PARTNERSHIP, 3.0, since=date(2022, 4, 1)),
    )
    activities = (Activity("forum-2020", "Forum ESS 2020", date(2020, 9, 15)),)
    participations = (Participation("n2", "forum-2020"), Participation("n3", "forum-2020"))
    return Dataset(actors, ties, activities, participations)


# ---------------------------------------------------------------------- the renderer's CSRF header


class RendererClient(FlaskClient):
    """Flask's test client sending ``X-CSRFToken`` from the ``_csrf_token`` cookie, as Dash does.

    Before its first unsafe request it GETs ``/_dash-dependencies`` to receive the cookie (as
    the browser does when it loads the page). ``tests/security/test_csrf.py`` uses Flask's
    plain client to show what happens without the header.
    """

    def open(self, *args: Any, **kwargs: Any) -> Any:
        method = str(kwargs.get("method", "GET")).upper()
        if method in {"POST", "PUT", "PATCH", "DELETE"}:
            cookie = self.get_cookie("_csrf_token")
            if cookie is None:
                super().open("/_dash-dependencies", method="GET")
                cookie = self.get_cookie("_csrf_token")
            if cookie is not None:
                headers = dict(kwargs.pop("headers", None) or {})
                headers.setdefault("X-CSRFToken", cookie.value)
                kwargs["headers"] = headers
        return super().open(*args, **kwargs)


@pytest.fixture(autouse=True)
def _renderer_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flask.Flask, "test_client_class", RendererClient)
