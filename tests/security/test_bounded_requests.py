"""Bounded requests: body size, malformed callback bodies, territory names, compare, budget."""

from __future__ import annotations

import logging
import socket
import threading
import time

import pytest
from dash_requests import UPDATE_COMPONENT, request_body

from maillage.app import Maillage
from maillage.budget import Budget, OverBudget
from maillage.graph.errors import MaillageError
from maillage.serving.web import web_app
from maillage.settings import Limits, Settings

SMALL = Limits(request_bytes=64 * 1024)


@pytest.fixture
def bounded(demo_store, tmp_path):
    """An open app (no users) whose request bodies may hold 64 KiB."""
    instance = Maillage(Settings(store_url=demo_store, data_dir=tmp_path, limits=SMALL))
    yield instance
    instance.close()


# Request bodies


def test_a_large_body_is_refused_before_sign_in_and_before_it_is_read(client, caplog):
    read = []

    class Body:
        """A body that records being read."""

        def read(self, *_args):
            read.append(True)
            return b"x"

    answer = client.post(
        UPDATE_COMPONENT,
        environ_overrides={
            "wsgi.input": Body(),
            "CONTENT_LENGTH": str(300 * 1024 * 1024),
            "CONTENT_TYPE": "application/json",
        },
    )

    assert answer.status_code == 413
    assert b"over the limit of 1,048,576 bytes" in answer.data
    assert b"MAILLAGE_MAX_REQUEST_BYTES" in answer.data
    assert not read, "the body was read"
    assert "Traceback" not in caplog.text


def test_a_body_within_the_limit_is_served(bounded):
    app = web_app(bounded)
    body = request_body(app, "brokers-table.data", {"territory.value": "Romans"})
    assert app.server.test_client().post(UPDATE_COMPONENT, json=body).status_code == 200


def test_waitress_refuses_a_large_body_before_spooling_it(bounded):
    import waitress  # noqa: PLC0415

    app = web_app(bounded)
    server = waitress.create_server(
        app.server, host="127.0.0.1", port=0, max_request_body_size=SMALL.request_bytes
    )
    port = server.socket.getsockname()[1]
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(
                b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\n"
                b"Content-Type: application/json\r\nContent-Length: 314572800\r\n\r\n"
            )
            answer = connection.recv(4096)
    finally:
        server.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:100]


def test_maillage_serve_passes_the_limit_to_waitress(demo_store, tmp_path):
    from maillage.serving.web import wsgi_server  # noqa: PLC0415

    instance = Maillage(Settings(store_url=demo_store, data_dir=tmp_path, limits=SMALL))
    serving = wsgi_server(instance, host="127.0.0.1", port=0)
    try:
        assert serving.server.adj.max_request_body_size == SMALL.request_bytes
    finally:
        serving.server.close()
        instance.close()


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("MAILLAGE_MAX_REQUEST_BYTES", "2_000")
    monkeypatch.setenv("MAILLAGE_MAX_CELL_CHARS", "100")
    limits = Settings.from_env("sqlite:///x.db").limits
    assert (limits.request_bytes, limits.files.cell_chars) == (2000, 100)
    monkeypatch.setenv("MAILLAGE_MAX_FILE_ROWS", "lots")
    with pytest.raises(MaillageError, match="MAILLAGE_MAX_FILE_ROWS='lots'"):
        Settings.from_env("sqlite:///x.db")


# Malformed callback bodies


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'"text"',
        b"{}",
        b'{"output": "nothing.children"}',
        b'{"output": "brokers-table.data..", "inputs": 3}',
        b'{"output": "..brokers-table.data...brokers-table.columns...brokers-chart.figure'
        b'...brokers-summary.children...brokers-alert.children..", "inputs": [1, 2, 3]}',
        b'{"output": "..brokers-table.data...brokers-table.columns...brokers-chart.figure'
        b'...brokers-summary.children...brokers-alert.children..", "inputs": [{"id": 1}]}',
        b"\xff\xfe\x00",
        b'{"output": {"a": 1}}',
    ],
)
def test_a_malformed_callback_body_is_a_400_without_a_traceback(bounded, caplog, body):
    app = web_app(bounded)
    caplog.set_level(logging.INFO)

    answer = app.server.test_client().post(
        UPDATE_COMPONENT, data=body, headers={"Content-Type": "application/json"}
    )

    assert answer.status_code == 400, answer.data[:300]
    assert b"Traceback" not in answer.data
    assert "Traceback" not in caplog.text
    assert "malformed callback request" in caplog.text


def test_a_well_formed_body_with_wrong_values_is_a_400_too(bounded, caplog):
    app = web_app(bounded)
    body = request_body(app, "brokers-table.data", {"territory.value": "Romans"})
    body["changedPropIds"] = [{"not": "a string"}]
    answer = app.server.test_client().post(UPDATE_COMPONENT, json=body)
    assert answer.status_code == 400 and "Traceback" not in caplog.text


# Names a store cannot hold


def test_a_lone_surrogate_in_a_territory_name_is_not_found(bounded):
    app = web_app(bounded)
    body = request_body(app, "brokers-table.data", {"territory.value": "Rom\ud800ans"})
    answer = app.server.test_client().post(UPDATE_COMPONENT, json=body)
    assert answer.status_code == 200
    assert b"UnicodeEncodeError" not in answer.data
    assert b"aucun territoire nomm" in answer.data  # the app speaks French (JSON escapes é)
    with pytest.raises(MaillageError, match=r"no territory named 'Rom\\\\ud800ans'"):
        bounded.report("Rom\ud800ans")


# Compare: de-duplicated, bounded


def test_compare_counts_a_territory_once(bounded):
    twice = bounded.compare(["Romans"] * 40 + ["Lille"])
    assert twice["territories"] == ["Romans", "Lille"]


def test_compare_refuses_too_many_territories(demo_store, tmp_path):
    limits = Limits(compare_territories=3)
    instance = Maillage(Settings(store_url=demo_store, data_dir=tmp_path, limits=limits))
    names = instance.territory_names()
    with pytest.raises(MaillageError) as refused:
        instance.compare(names)
    message = str(refused.value)
    assert "at most 3 different territories, not 7" in message
    assert "MAILLAGE_MAX_COMPARE_TERRITORIES" in message
    instance.close()


# The analysis budget


def test_an_analysis_over_the_budget_is_refused_with_a_message(demo_store, tmp_path):
    instance = Maillage(
        Settings(store_url=demo_store, data_dir=tmp_path, limits=Limits(work=1_000))
    )
    app = web_app(instance)
    body = request_body(app, "brokers-table.data", {"territory.value": "Alsace"})
    answer = app.server.test_client().post(UPDATE_COMPONENT, json=body)
    assert b"over the limit of 1,000 for one analysis in the web app" in answer.data
    assert b"MAILLAGE_MAX_WORK" in answer.data
    instance.close()


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_user_spends_at_most_the_work_per_minute():
    clock = Clock()
    budget = Budget(Limits(work=100, work_per_minute=250), client=lambda: "mallory", clock=clock)
    for _ in range(2):
        with budget.turn("a report", 100):
            pass
    with pytest.raises(OverBudget, match=r"try again in 12 s"), budget.turn("a report", 100):
        pass
    clock.now += 12
    with budget.turn("a report", 100):
        pass


def test_users_have_their_own_budget():
    who = ["mallory"]
    budget = Budget(Limits(work=100, work_per_minute=100), client=lambda: who[0], clock=Clock())
    with budget.turn("a report", 100):
        pass
    who[0] = "amina"
    with budget.turn("a report", 100):
        pass


def test_analyses_beyond_the_queue_are_refused_and_the_rest_wait():
    budget = Budget(Limits(analyses=1), client=lambda: threading.current_thread().name, wait=5)
    started, release = threading.Event(), threading.Event()
    outcomes: list[str] = []

    def hold() -> None:
        with budget.turn("a long analysis", 1):
            started.set()
            release.wait(10)

    def queued() -> None:
        try:
            with budget.turn("a queued analysis", 1):
                outcomes.append("ran")
        except OverBudget as error:
            outcomes.append(str(error))

    holder = threading.Thread(target=hold, name="first")
    holder.start()
    started.wait(5)
    waiting = threading.Thread(target=queued, name="second")
    waiting.start()
    time.sleep(0.2)
    queued_beyond = threading.Thread(target=queued, name="third")
    queued_beyond.start()
    queued_beyond.join(5)
    release.set()
    for thread in (holder, waiting):
        thread.join(5)
    assert outcomes[0].startswith("the server is busy"), outcomes
    assert "MAILLAGE_MAX_ANALYSES" in outcomes[0]
    assert outcomes[1] == "ran", "the second one waited for its turn"


def test_the_command_line_has_no_budget(demo_store, tmp_path):
    instance = Maillage(Settings(store_url=demo_store, data_dir=tmp_path, limits=Limits(work=1)))
    assert instance.report("Romans")["actors"], "no budget outside the web app"
    instance.close()
