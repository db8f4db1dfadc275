"""No credential ever appears in a log: access logs of real servers and the app's own.

The app is served by werkzeug's server (which logs every request line) and
by waitress (the production server), on loopback; every log record of the
process and everything written to stdout/stderr is searched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import requests
import waitress
from security_support import CSRF, PASSWORDS
from werkzeug.serving import make_server

WRONG = "Wrong-Passphrase-Sentinel-42"


@contextmanager
def werkzeug_server(app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


@contextmanager
def waitress_server(app) -> Iterator[str]:
    server = waitress.create_server(app.server, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()


def sign_in_over_http(base: str, name: str, password: str) -> requests.Response:
    session = requests.Session()
    token = CSRF.search(session.get(f"{base}/login", timeout=30).text).group(1)
    form = {"name": name, "password": password, "csrf": token}
    return session.post(f"{base}/login", data=form, allow_redirects=False, timeout=60)


@pytest.mark.parametrize("serve", [werkzeug_server, waitress_server], ids=["werkzeug", "waitress"])
def test_passwords_never_reach_a_log(app, serve, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    felix = PASSWORDS["felix"]
    with serve(app) as base:
        assert sign_in_over_http(base, "felix", felix).status_code == 303
        assert sign_in_over_http(base, "felix", WRONG).status_code == 401
        typed_in_the_name_field = sign_in_over_http(base, felix, felix)
        assert typed_in_the_name_field.status_code == 401
        assert requests.get(f"{base}/login?password={WRONG}x", timeout=30).status_code == 400

    out, err = capfd.readouterr()
    logged = caplog.text + out + err
    assert "failed sign-in (user 'felix' from 127.0.0.1)" in caplog.text
    assert "failed sign-in (an unknown user name from 127.0.0.1)" in caplog.text
    assert "felix (facilitator) signed in from 127.0.0.1" in caplog.text
    if serve is werkzeug_server:
        assert '"POST /login HTTP/1.1" 303' in logged, "the access log was captured"
    for secret in (felix, WRONG):
        assert secret not in logged.replace(f"{WRONG}x", "<refused in the address>")
    assert "password=" not in caplog.text.replace(f"password={WRONG}x", "")


def test_a_password_in_an_address_is_refused_before_it_is_read(client, caplog):
    caplog.set_level(logging.DEBUG)
    answer = client.get(f"/login?name=felix&password={PASSWORDS['felix']}")
    assert answer.status_code == 400
    assert "signed in" not in caplog.text and "failed sign-in" not in caplog.text
