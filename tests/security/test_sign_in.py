"""Sign-in, sign-out, session expiry, CSRF and throttling, through Flask's test client.

Time is the ``clock`` fixture, moved by the tests: no test sleeps.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from dash_requests import UPDATE_COMPONENT, request_body
from security_support import CSRF, PASSWORDS, SECRET, csrf_token, session_cookie, sign_in

from maillage.serving.access import Access
from maillage.serving.web import web_app


def network_body(app, territory="Romans"):
    return request_body(app, "network.payload", {"territory.value": territory})


def session_set_cookie(answer):
    """The ``Set-Cookie`` header of the session (the CSRF cookie comes with it)."""
    cookies = answer.headers.getlist("Set-Cookie")
    return next(cookie for cookie in cookies if cookie.startswith("maillage_session="))


# Nothing without a session


@pytest.mark.parametrize("path", ["/", "/brokers", "/gaps", "/compare", "/anything"])
def test_pages_redirect_to_the_sign_in_page(client, path):
    answer = client.get(path)
    assert answer.status_code == 303
    assert answer.headers["Location"] == f"/login?next={path}"


@pytest.mark.parametrize(
    "path", ["/_dash-layout", "/_dash-dependencies", "/_reload-hash", "/_dash-component-suites/x"]
)
def test_dash_routes_are_refused(client, path):
    answer = client.get(path)
    assert answer.status_code == 401 and answer.data == b"Sign in first.\n"


def test_callbacks_and_downloads_are_refused(app, client):
    for output in ("network.payload", "brokers-table.data", "gaps-heatmap.figure"):
        answer = client.post(UPDATE_COMPONENT, json=request_body(app, output, {}))
        assert answer.status_code == 401 and b"Romans" not in answer.data


@pytest.mark.parametrize("path", ["/logout", "/login/x", "/static/x", "/assets/../_dash-layout"])
def test_only_the_sign_in_routes_themselves_are_public(client, path):
    assert client.get(path).status_code in (303, 401, 404)


def test_assets_and_the_sign_in_page_are_public(client):
    assert client.get("/assets/maillage.css").status_code == 200
    page = client.get("/login")
    assert page.status_code == 200 and b'<form method="post" action="/login"' in page.data


# Signing in and out


def test_a_user_signs_in_reaches_the_app_and_signs_out(app, client):
    answer = sign_in(client, "felix", next="/brokers")
    assert answer.status_code == 303 and answer.headers["Location"] == "/brokers"

    assert client.get("/").status_code == 200
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200 and b"felix" in layout.data and b"Sign out" in layout.data
    assert client.post(UPDATE_COMPONENT, json=network_body(app)).status_code == 200

    token = client.get("/_dash-layout").get_json()
    csrf = _find_csrf(token)
    bye = client.post("/logout", data={"csrf": csrf})
    assert bye.status_code == 303 and bye.headers["Location"] == "/login"
    assert client.get("/").status_code == 303
    assert client.post(UPDATE_COMPONENT, json=network_body(app)).status_code == 401
    assert b"You have signed out." in client.get("/login").data


def test_a_session_is_over_for_good_after_sign_out(app, client):
    sign_in(client, "felix")
    stolen = session_cookie(client).value
    client.post("/logout", data={"csrf": _find_csrf(client.get("/_dash-layout").get_json())})

    other = app.server.test_client()
    other.set_cookie("maillage_session", stolen)
    assert other.get("/").status_code == 303


def test_signing_in_starts_a_new_session(client):
    client.get("/login")
    before = session_cookie(client).value
    sign_in(client, "felix")
    assert session_cookie(client).value != before


@pytest.mark.parametrize(
    ("name", "password"),
    [("felix", "wrong password!!"), ("nobody", PASSWORDS["felix"]), ("felix", ""), ("", "")],
)
def test_wrong_credentials_are_refused(client, name, password):
    answer = sign_in(client, name, password)
    assert answer.status_code == 401 and b"Wrong name or password." in answer.data
    assert password.encode() not in answer.data or not password
    assert client.get("/").status_code == 303


def test_a_cookie_signed_with_another_key_is_refused(app, client):
    import flask
    from flask.sessions import SecureCookieSessionInterface

    sign_in(client, "felix")
    cookies = SecureCookieSessionInterface()
    content = cookies.get_signing_serializer(app.server).loads(session_cookie(client).value)
    assert set(content) >= {"sid", "csrf"}
    impostor = flask.Flask("impostor")
    impostor.secret_key = "not the server's key, but just as long as it"
    forged = app.server.test_client()
    forged.set_cookie("maillage_session", cookies.get_signing_serializer(impostor).dumps(content))
    assert forged.get("/").status_code == 303


@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_after_sign_in_the_app_never_sends_users_elsewhere(client, target):
    answer = sign_in(client, "felix", next=target)
    assert answer.status_code == 303 and answer.headers["Location"] == "/"


# Cookie and headers


def test_the_session_cookie_is_httponly_lax_and_expires(client):
    answer = sign_in(client, "felix")
    cookie = session_set_cookie(answer)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Expires=" in cookie
    assert "Secure" not in cookie  # plain http in this test


def test_the_cookie_is_secure_over_https_or_when_configured(maillage, users, clock):

    automatic = web_app(maillage, Access(users, SECRET, clock=clock)).server.test_client()
    https = "https://maillage.example"
    page = automatic.get("/login", base_url=https)
    assert "Secure" in page.headers["Set-Cookie"]
    token = CSRF.search(page.get_data(as_text=True)).group(1)
    form = {"name": "felix", "password": PASSWORDS["felix"], "csrf": token}
    over_https = automatic.post("/login", data=form, base_url=https)
    assert over_https.status_code == 303 and "Secure" in session_set_cookie(over_https)

    forced = web_app(maillage, Access(users, SECRET, clock=clock, secure_cookies=True))
    answer = sign_in(forced.server.test_client(), "felix")
    assert "Secure" in answer.headers["Set-Cookie"]


def test_responses_are_not_cached_nor_framed(client):
    sign_in(client, "felix")
    for path in ("/", "/_dash-layout", "/login"):
        headers = client.get(path).headers
        assert headers["Cache-Control"] == "no-store"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"


# Expiry


def test_a_session_idle_for_thirty_minutes_expires(client, clock):
    sign_in(client, "felix")
    clock.advance(minutes=29)
    assert client.get("/").status_code == 200
    clock.advance(minutes=29)  # used 29 minutes ago: still alive
    assert client.get("/").status_code == 200
    clock.advance(minutes=30.1)
    answer = client.get("/brokers")
    assert answer.status_code == 303 and answer.headers["Location"] == "/login?next=/brokers"
    assert b"Your session has expired" in client.get("/login").data


def test_a_session_in_use_still_ends_twelve_hours_after_sign_in(app, client, clock):
    sign_in(client, "felix")
    for _ in range(11 * 4):
        clock.advance(minutes=15)
        assert client.post(UPDATE_COMPONENT, json=network_body(app)).status_code == 200
    for minutes in (20, 20, 19):  # 11 h 59 min after sign-in, never idle for 30 min
        clock.advance(minutes=minutes)
        assert client.get("/").status_code == 200
    clock.advance(minutes=2)
    assert client.post(UPDATE_COMPONENT, json=network_body(app)).status_code == 401


def test_the_timeouts_come_from_the_settings(maillage, users, clock):
    settings = replace(maillage.settings, session_idle=timedelta(minutes=5))
    access = Access.from_settings(users, settings, SECRET, clock=clock)
    client = web_app(maillage, access).server.test_client()
    sign_in(client, "felix")
    clock.advance(minutes=6)
    assert client.get("/").status_code == 303


# CSRF


def test_signing_in_without_the_form_token_is_refused(client):
    for token in (None, "", "forged-token"):
        form = {"name": "felix", "password": PASSWORDS["felix"]}
        if token is not None:
            form["csrf"] = token
        answer = client.post("/login", data=form)
        assert answer.status_code == 400 and b"This form has expired" in answer.data
    assert client.get("/").status_code == 303


def test_a_form_token_from_another_browser_is_refused(app, client):
    other = app.server.test_client()
    token = csrf_token(other)
    client.get("/login")
    form = {"name": "felix", "password": PASSWORDS["felix"], "csrf": token}
    assert client.post("/login", data=form).status_code == 400


def test_signing_out_needs_the_form_token(client):
    sign_in(client, "felix")
    assert client.post("/logout", data={}).status_code == 400
    assert client.post("/logout", data={"csrf": "forged"}).status_code == 400
    client.get("/logout")  # not a way to sign out: only the POSTed form is
    assert client.get("/").status_code == 200


# Throttling


def test_failed_sign_ins_are_limited_per_name(client, clock):
    for _ in range(5):
        assert sign_in(client, "felix", "not the password").status_code == 401
    blocked = sign_in(client, "felix")  # even the right password waits
    assert blocked.status_code == 429 and b"Too many failed sign-ins" in blocked.data
    assert sign_in(client, "ada").status_code == 303, "other names are not blocked"
    clock.advance(minutes=15.1)
    assert sign_in(client, "felix").status_code == 303


def test_failed_sign_ins_are_limited_per_address(client, clock):
    for i in range(20):
        assert sign_in(client, f"guess{i}", "not the password").status_code == 401
    assert sign_in(client, "felix").status_code == 429
    clock.advance(minutes=16)
    assert sign_in(client, "felix").status_code == 303


# Credentials never in an address


@pytest.mark.parametrize(
    "address",
    [
        "/login?password=hunter2hunter2",
        "/login?name=felix&password=hunter2hunter2",
        "/?password=hunter2hunter2",
        "/_dash-layout?Password=x",
        "/assets/maillage.css?pwd=x",
    ],
)
def test_a_password_in_the_address_is_refused(client, address):
    answer = client.get(address)
    assert answer.status_code == 400 and b"never accepted in a web address" in answer.data
    assert b"hunter2" not in answer.data


def test_sign_in_reads_the_posted_form_only(client):
    token = csrf_token(client)
    answer = client.post(
        f"/login?name=felix&csrf={token}", data={"password": PASSWORDS["felix"], "csrf": token}
    )
    assert answer.status_code == 401
    answer = client.post(f"/login?password={PASSWORDS['felix']}", data={"name": "felix"})
    assert answer.status_code == 400


def _find_csrf(layout) -> str:
    """The sign-out form's token in the Dash layout JSON."""
    if isinstance(layout, dict):
        props = layout.get("props", {})
        if props.get("name") == "csrf":
            return props["value"]
        children = [*layout.values()]
    elif isinstance(layout, list):
        children = layout
    else:
        return ""
    for child in children:
        found = _find_csrf(child)
        if found:
            return found
    return ""
