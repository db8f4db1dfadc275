"""Cross-site request forgery: callback POSTs need the ``X-CSRFToken`` header matching the cookie.

Flask's plain ``FlaskClient`` sends no header (a forged request from another site cannot
read the cookie); the suite's ``RendererClient`` (tests/conftest.py) sends it as dash-renderer does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import dash
import pytest
from dash_requests import UPDATE_COMPONENT, request_body
from flask.testing import FlaskClient
from security_support import sign_in

from maillage.app import Maillage
from maillage.dashboard import ids
from maillage.serving.csrf import CSRF_COOKIE, CSRF_HEADER
from maillage.serving.web import web_app
from maillage.settings import Settings


def brokers_body(app):
    return request_body(app, "brokers-table.data", {"territory.value": "Romans"})


@pytest.fixture
def open_app(maillage):
    return web_app(maillage)


def test_the_renderer_sends_the_cookie_back_as_the_header():
    build = Path(dash.__file__).parent / "dash-renderer" / "build" / "dash_renderer.min.js"
    script = build.read_text(encoding="utf-8")
    assert CSRF_COOKIE in script and CSRF_HEADER in script


def test_an_open_app_refuses_a_callback_without_the_token(open_app):
    client = FlaskClient(open_app.server, use_cookies=True)
    answer = client.post(UPDATE_COMPONENT, json=brokers_body(open_app))
    assert answer.status_code == 403
    assert answer.get_json()["error"] == "csrf" and "X-CSRFToken" in answer.get_json()["message"]


def test_an_open_app_accepts_the_token_its_cookie_carries(open_app):
    client = FlaskClient(open_app.server, use_cookies=True)
    page = client.get("/")
    cookie = client.get_cookie(CSRF_COOKIE)
    assert cookie is not None and len(cookie.value) >= 32
    set_cookie = page.headers["Set-Cookie"]
    assert "SameSite=Strict" in set_cookie and "HttpOnly" not in set_cookie
    body = brokers_body(open_app)
    assert client.post(UPDATE_COMPONENT, json=body).status_code == 403
    wrong = client.post(UPDATE_COMPONENT, json=body, headers={CSRF_HEADER: "x" * 43})
    assert wrong.status_code == 403
    right = client.post(UPDATE_COMPONENT, json=body, headers={CSRF_HEADER: cookie.value})
    assert right.status_code == 200 and b"Romans" in right.data or right.status_code == 200


def test_the_cookie_is_secure_over_https(open_app):
    client = FlaskClient(open_app.server, use_cookies=True)
    answer = client.get("/", base_url="https://localhost")
    assert "Secure" in answer.headers["Set-Cookie"]


def test_a_signed_in_callback_needs_the_session_token(app):
    client = FlaskClient(app.server, use_cookies=True)
    sign_in(client, "felix")
    cookie = client.get_cookie(CSRF_COOKIE)
    assert cookie is not None
    body = brokers_body(app)
    assert client.post(UPDATE_COMPONENT, json=body).status_code == 403
    forged = client.post(UPDATE_COMPONENT, json=body, headers={CSRF_HEADER: "a" * 43})
    assert forged.status_code == 403
    good = client.post(UPDATE_COMPONENT, json=body, headers={CSRF_HEADER: cookie.value})
    assert good.status_code == 200


def test_a_token_of_another_session_is_refused(app):
    first, second = (FlaskClient(app.server, use_cookies=True) for _ in range(2))
    sign_in(first, "felix")
    sign_in(second, "ada")
    token = first.get_cookie(CSRF_COOKIE).value
    answer = second.post(UPDATE_COMPONENT, json=brokers_body(app), headers={CSRF_HEADER: token})
    assert answer.status_code == 403


def test_the_sign_out_form_still_needs_its_form_token(app):
    client = FlaskClient(app.server, use_cookies=True)
    sign_in(client, "felix")
    assert client.post("/logout", data={"csrf": "nope"}).status_code == 400


@pytest.fixture
def writable_app(demo_store, tmp_path, access):
    """The secured dashboard over a copy of the demo store, for a test that writes."""
    copy = tmp_path / "demo.db"
    shutil.copy(demo_store.removeprefix("sqlite://"), copy)
    instance = Maillage(Settings(store_url=f"sqlite:///{copy}", data_dir=tmp_path / "data"))
    yield web_app(instance, access), instance
    instance.close()


def test_adding_an_actor_needs_the_session_token(writable_app):
    app, maillage = writable_app
    client = FlaskClient(app.server, use_cookies=True)
    sign_in(client, "felix")
    token = client.get_cookie(CSRF_COOKIE).value
    clicked = f"{ids.ADD_SUBMIT}.n_clicks"
    values = {
        clicked: 1,
        "territory.value": "Romans",
        f"{ids.ADD_NAME}.value": "Atelier forgé",
        f"{ids.ADD_SECTOR}.value": "business",
    }
    body = request_body(app, f"{ids.EDITED}.data", values, changed=[clicked])
    revisions = maillage.history()
    for headers in ({}, {CSRF_HEADER: "a" * 43}):
        assert client.post(UPDATE_COMPONENT, json=body, headers=headers).status_code == 403
    assert maillage.history() == revisions
    good = client.post(UPDATE_COMPONENT, json=body, headers={CSRF_HEADER: token})
    assert good.status_code == 200 and b"atelier-forge" in good.data
    assert maillage.actor("atelier-forge").territories == ("Romans",)
