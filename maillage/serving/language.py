"""The language of the request being served: the one the user chose, else the browser's.

The choice is a cookie (``LANGUAGE_COOKIE``, set by ``GET /language/<code>``, which
then sends the user back where they were); without it, the ``Accept-Language`` header
decides (``reports.i18n.negotiate``); outside a request, the default language.
"""

from __future__ import annotations

import flask

from ..reports.i18n import DEFAULT_LANGUAGE, LANGUAGES, negotiate, supported

LANGUAGE_COOKIE = "maillage_language"
ONE_YEAR = 365 * 24 * 3600


def request_language() -> str:
    """``"fr"`` or ``"en"`` for the request being served."""
    if not flask.has_request_context():
        return DEFAULT_LANGUAGE
    chosen = flask.request.cookies.get(LANGUAGE_COOKIE)
    if chosen and supported(chosen) == chosen:
        return chosen
    return negotiate(flask.request.headers.get("Accept-Language"))


def install(server: flask.Flask) -> None:
    """Add ``GET /language/<code>``: remember ``code`` and go back to the page (same site only)."""

    @server.get("/language/<code>")
    def choose_language(code: str) -> flask.Response:
        target = flask.request.args.get("next", "/")
        if not target.startswith("/") or target[1:2] in ("/", "\\") or "\\" in target:
            target = "/"
        response = flask.redirect(target)
        if code in LANGUAGES:
            response.set_cookie(
                LANGUAGE_COOKIE, code, max_age=ONE_YEAR, samesite="Lax", httponly=True
            )
        return response
