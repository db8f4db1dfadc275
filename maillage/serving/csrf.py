"""Cross-site request forgery: each state-changing request carries a token no other site can read.

Dash's renderer sends the cookie ``_csrf_token`` back as the header ``X-CSRFToken`` on
every callback POST (``/_dash-update-component``) when that cookie exists. :func:`install`
sets the cookie on every response (readable by the page's script, SameSite=Strict, Secure
over https) and refuses with 403 any POST, PUT, PATCH or DELETE whose header does not match.
The token is the signed-in session's (``Access.csrf_token``), else, for the open app, a
random one kept in the cookie itself (a double-submit cookie). The sign-in and sign-out
forms carry the session's token in a form field instead and check it themselves.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection

import flask

CSRF_COOKIE = "_csrf_token"
CSRF_HEADER = "X-CSRFToken"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
REFUSED = (
    "Refused: this request did not carry the page's security token (X-CSRFToken). "
    "Reload the page and try again."
)

TokenSource = Callable[[], str | None]


def install(
    server: flask.Flask,
    session_token: TokenSource | None = None,
    *,
    form_endpoints: Collection[str] = (),
    secure: bool | None = None,
) -> None:
    """Check the token on every unsafe request to ``server`` and hand it out in a cookie.

    Parameters
    ----------
    server : flask.Flask
        The Dash app's server.
    session_token : callable, optional
        The signed-in session's token, or None before sign-in; without it (the open
        app) the token is a random one the cookie itself keeps.
    form_endpoints : collection of str
        Flask endpoints whose forms carry and check their own token (sign-in, sign-out).
    secure : bool or None
        Whether the cookie is sent over https only; None: when the request came over https.
    """

    def expected() -> str | None:
        if session_token is not None:
            return session_token()
        given = flask.request.cookies.get(CSRF_COOKIE)
        return given if given and len(given) >= 32 else None

    def check() -> flask.Response | None:
        request = flask.request
        if request.method not in UNSAFE_METHODS or request.endpoint in form_endpoints:
            return None
        token = expected()
        given = request.headers.get(CSRF_HEADER)
        if token and given and secrets.compare_digest(given.encode(), token.encode()):
            return None
        response = flask.jsonify(error="csrf", message=REFUSED)
        response.status_code = 403
        return response

    def hand_out(response: flask.Response) -> flask.Response:
        token = expected()
        if token is None and session_token is None:
            token = secrets.token_urlsafe(32)
        if token and flask.request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(
                CSRF_COOKIE,
                token,
                samesite="Strict",
                secure=flask.request.is_secure if secure is None else secure,
                httponly=False,  # the renderer's script reads it to send the header
                path="/",
            )
        return response

    server.before_request(check)
    server.after_request(hand_out)
