"""Neo4j down: store calls fail at once behind a breaker; viewers never see where it is."""

from __future__ import annotations

import logging
import socket

import pytest
from dash_requests import UPDATE_COMPONENT, request_body

from maillage.app import Maillage
from maillage.graph.errors import StoreUnavailable
from maillage.graph.storage import open_store
from maillage.graph.storage.breaker import CircuitBreaker, DatabaseUnreachable
from maillage.serving.web import web_app
from maillage.settings import Settings


@pytest.fixture(scope="module")
def nothing_listens() -> str:
    """A Neo4j URL on a loopback port where no server listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"neo4j://127.0.0.1:{port}"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_after_one_failure_calls_fail_at_once_until_the_cooldown_ends(nothing_listens, caplog):
    opened: list[str] = []
    clock = Clock()

    def opening():
        opened.append(nothing_listens)
        return open_store(nothing_listens)

    breaker = CircuitBreaker(opening, cooldown=10.0, clock=clock)
    for _ in range(5):
        with pytest.raises(DatabaseUnreachable):
            breaker.territories()
    assert len(opened) == 1, "only the first call tried the server"
    assert breaker.is_open and breaker.failures == 1
    assert nothing_listens in caplog.text, "the operator reads where and why in the log"

    clock.now += 10.5
    with pytest.raises(DatabaseUnreachable):
        breaker.data_version()
    assert len(opened) == 2, "after the cooldown, one call tries again"


def test_a_store_that_answers_again_closes_the_breaker(demo_store):
    clock = Clock()
    state = {"down": True}

    def opening():
        if state["down"]:
            raise StoreUnavailable("cannot reach the store at secret-host:7687")
        return open_store(demo_store)

    breaker = CircuitBreaker(opening, cooldown=5.0, clock=clock)
    with pytest.raises(DatabaseUnreachable) as caught:
        breaker.territories()
    assert "secret-host" not in str(caught.value)
    state["down"] = False
    clock.now += 6
    assert breaker.territories(), "the probe succeeded"
    assert not breaker.is_open
    assert breaker.data_version()
    breaker.close()


def test_viewers_see_the_database_is_unreachable_never_its_address(
    nothing_listens, tmp_path, caplog
):
    caplog.set_level(logging.WARNING)
    instance = Maillage(Settings(store_url=nothing_listens, data_dir=tmp_path))
    app = web_app(instance)
    client = app.server.test_client()
    body = request_body(app, "brokers-table.data", {"territory.value": "Romans"})

    answers = [client.post(UPDATE_COMPONENT, json=body) for _ in range(3)]

    for answer in answers:
        assert answer.status_code == 200
        assert b"est injoignable\\u202f: r" in answer.data  # French words, JSON-escaped
        assert b"127.0.0.1" not in answer.data and b"neo4j_server" not in answer.data
        assert b"docker" not in answer.data
    assert isinstance(instance.store, CircuitBreaker) and instance.store.failures == 1
    assert nothing_listens in caplog.text
    login = client.get("/_dash-layout")
    assert login.status_code == 200 and b"est injoignable" in login.data
    instance.close()
