"""Sign-in in front of the web app: the sign-in page, sessions, and a guard on every route.

With users configured, :meth:`Access.install` puts a Flask ``before_request``
guard in front of every route of the Dash server (pages, ``/_dash-*``
callbacks and downloads); only ``/login``, ``/logout``, ``/assets/`` and the
favicon are public. Credentials travel in a POSTed form only: a request with
a password in its address is refused before anything reads it.

Sessions live on the server (a random id in a cookie signed with a key
derived from the server secret): signing out ends them for good, and they
end by themselves after ``idle`` without use or ``lifetime`` after sign-in.
The cookie is HttpOnly and SameSite=Lax, and Secure when configured so or
when the request came over https. Forms carry a per-session CSRF token;
failed sign-ins back off per client address and per (name, address)
(``maillage.throttle``): a stranger cannot lock a name out.
"""

from __future__ import annotations

import logging
import math
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import flask
from flask.sessions import SecureCookieSessionInterface
from markupsafe import escape

from ..reports.i18n import N_, Translator, translator
from ..settings import Settings, derive_key
from ..throttle import UNLOCK_FILE, SignInThrottle, UnlockRequests
from .language import request_language
from .users import Role, User, verify_unknown

log = logging.getLogger(__name__)

SESSION_COOKIE = "maillage_session"
LOGIN_ENDPOINT, LOGOUT_ENDPOINT = "maillage_login", "maillage_logout"
PUBLIC_ENDPOINTS = frozenset(
    {LOGIN_ENDPOINT, LOGOUT_ENDPOINT, "_dash_assets.static", "/_favicon.ico"}
)
"""Routes served without a session, by Flask endpoint (so ``GET /logout`` is not one of them)."""
CACHEABLE_PREFIXES = ("/assets/", "/_dash-component-suites/")
CREDENTIAL_PARAMETERS = frozenset({"password", "passwd", "pwd", "pass", "secret", "password_hash"})
MAX_PASSWORD_LENGTH = 1024
ADDRESS_ATTEMPTS_FACTOR = 4

Clock = Callable[[], float]


@dataclass
class SignedIn:
    """One signed-in browser, kept on the server."""

    user: User
    csrf: str
    started: float
    seen: float


class _CookieSessions(SecureCookieSessionInterface):
    """Flask's signed cookie, Secure as configured or whenever the request is https."""

    def __init__(self, secure: bool | None) -> None:
        self.secure = secure

    def get_cookie_secure(self, app: flask.Flask) -> bool:
        if self.secure is not None:
            return self.secure
        return flask.has_request_context() and flask.request.is_secure


class Access:
    """Who may use the app, and as which role.

    Parameters
    ----------
    users : mapping of str to User
        Everyone who may sign in, by name.
    secret : bytes
        The server's master secret; the cookie-signing key is derived from it.
    idle, lifetime : timedelta
        A session ends after ``idle`` without a request, and ``lifetime`` after sign-in
        (defaults: ``Settings``, 30 min and 12 h).
    attempts : int
        Failed sign-ins allowed per (name, address) before waits that double with
        each further failure, up to ``window`` (four times as many per address).
    secure_cookies : bool or None
        Mark the cookie Secure; None: when the request came over https.
    clock : callable
        Seconds since the epoch (``time.time``); tests pass a clock they move.
    unlock_file : Path, optional
        Where ``maillage users unlock NAME`` asks the server to forget a name's failures.
    """

    def __init__(
        self,
        users: Mapping[str, User],
        secret: bytes,
        *,
        idle: timedelta = Settings.session_idle,
        lifetime: timedelta = Settings.session_lifetime,
        attempts: int = Settings.login_attempts,
        window: timedelta = Settings.login_window,
        secure_cookies: bool | None = None,
        clock: Clock = time.time,
        unlock_file: Path | None = None,
    ) -> None:
        if not users:
            raise ValueError("sign-in needs at least one user")
        self.users = dict(users)
        self.idle = idle.total_seconds()
        self.lifetime = lifetime
        self.secure_cookies = secure_cookies
        self._cookie_key = derive_key(secret, "session cookie")
        self._clock = clock
        self.throttle = SignInThrottle(
            attempts, window.total_seconds(), clock, address_factor=ADDRESS_ATTEMPTS_FACTOR
        )
        self._unlocks = UnlockRequests(unlock_file) if unlock_file is not None else None
        self._sessions: dict[str, SignedIn] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(
        cls,
        users: Mapping[str, User],
        settings: Settings,
        secret: bytes,
        *,
        clock: Clock = time.time,
    ) -> Access:
        return cls(
            users,
            secret,
            idle=settings.session_idle,
            lifetime=settings.session_lifetime,
            attempts=settings.login_attempts,
            window=settings.login_window,
            secure_cookies=settings.secure_cookies,
            clock=clock,
            unlock_file=settings.data_dir / UNLOCK_FILE,
        )

    # Wiring

    def install(self, server: flask.Flask) -> None:
        """Put the sign-in routes and the guard on ``server`` (the Dash app's Flask server)."""
        server.config.update(
            SECRET_KEY=self._cookie_key,
            SESSION_COOKIE_NAME=SESSION_COOKIE,
            SESSION_COOKIE_HTTPONLY=True,
            SESSION_COOKIE_SAMESITE="Lax",
            SESSION_REFRESH_EACH_REQUEST=False,
            PERMANENT_SESSION_LIFETIME=self.lifetime,
        )
        server.session_interface = _CookieSessions(self.secure_cookies)
        server.before_request(self._guard)
        server.after_request(_hardened)
        server.add_url_rule("/login", LOGIN_ENDPOINT, self._login, methods=["GET", "POST"])
        server.add_url_rule("/logout", LOGOUT_ENDPOINT, self._logout, methods=["POST"])

    def role(self) -> Role:
        """The role of the request being served (viewer when nobody is signed in)."""
        session = flask.g.get("maillage_session") if flask.has_request_context() else None
        return session.user.role if session is not None else Role.VIEWER

    def identity(self) -> dict[str, str] | None:
        """Name, role and CSRF token of the signed-in user, for the sign-out form."""
        session = flask.g.get("maillage_session") if flask.has_request_context() else None
        if session is None:
            return None
        return {"name": session.user.name, "role": str(session.user.role), "csrf": session.csrf}

    def csrf_token(self) -> str | None:
        """The token of this browser's session (its forms and ``X-CSRFToken``), None before any."""
        token = flask.session.get("csrf") if flask.has_request_context() else None
        return token if isinstance(token, str) and token else None

    # The guard

    def _guard(self) -> flask.Response | None:
        request = flask.request
        if any(key.casefold() in CREDENTIAL_PARAMETERS for key in request.args):
            message = "Passwords are never accepted in a web address: use the sign-in form."
            return _plain(_t().gettext(message), 400)
        if request.endpoint in PUBLIC_ENDPOINTS:
            return None
        session = self._current()
        if session is None:
            if request.method == "GET" and not request.path.startswith("/_"):
                return flask.redirect(f"/login?next={quote(request.path)}", 303)
            return _plain(_t().gettext("Sign in first."), 401)
        flask.g.maillage_session = session
        return None

    def _current(self) -> SignedIn | None:
        sid = flask.session.get("sid")
        if not isinstance(sid, str):
            return None
        now = self._clock()
        with self._lock:
            session = self._sessions.get(sid)
            if session is None:
                return None
            if now - session.seen > self.idle or now - session.started > self._lifetime_s:
                del self._sessions[sid]
                expired = True
            else:
                session.seen = now
                expired = False
        if expired:
            flask.session.clear()
            flask.session["notice"] = N_("Your session has expired: sign in again.")
            return None
        return session

    @property
    def _lifetime_s(self) -> float:
        return self.lifetime.total_seconds()

    # Sign in, sign out

    def _login(self) -> flask.Response:
        request = flask.request
        if request.method == "GET":
            return self._form(next_path=safe_next(request.args.get("next")))
        form = request.form
        target = safe_next(form.get("next"))
        if not _same(form.get("csrf"), flask.session.get("csrf")):
            return self._form(
                _t().gettext("This form has expired: please sign in again."), 400, target
            )
        name = form.get("name", "").strip()
        password = form.get("password", "")
        address = request.remote_addr or "unknown"
        self._read_unlocks()
        wait = self.throttle.attempt(name, address)  # checked and counted in one step
        if wait > 0:
            who = self._who(name)
            log.warning("sign-in refused after too many failures (%s from %s)", who, address)
            message = (
                _t()
                .gettext("Too many failed sign-ins: try again in {wait}.")
                .format(wait=_duration(wait))
            )
            return self._form(message, 429, target, name)
        user = self.users.get(name)
        valid = False
        try:
            if len(password) <= MAX_PASSWORD_LENGTH:
                valid = user.verify(password) if user is not None else verify_unknown(password)
        finally:
            if not valid or user is None:
                self.throttle.failed(name, address)
        if not valid or user is None:
            log.warning("failed sign-in (%s from %s)", self._who(name), address)
            return self._form(_t().gettext("Wrong name or password."), 401, target, name)
        self.throttle.succeeded(name, address)
        self._start(user)
        log.info("%s (%s) signed in from %s", user.name, user.role, address)
        return flask.redirect(target, 303)

    def _read_unlocks(self) -> None:
        if self._unlocks is None:
            return
        for name in self._unlocks.new_names():
            self.throttle.unlock(name)
            log.warning("an admin unlocked %s", self._who(name))

    def _start(self, user: User) -> None:
        now = self._clock()
        sid, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self._lock:
            for old, session in list(self._sessions.items()):
                if now - session.seen > self.idle or now - session.started > self._lifetime_s:
                    del self._sessions[old]
            self._sessions[sid] = SignedIn(user, csrf, now, now)
        flask.session.clear()
        flask.session.permanent = True
        flask.session["sid"] = sid
        flask.session["csrf"] = csrf

    def _logout(self) -> flask.Response:
        if not _same(flask.request.form.get("csrf"), flask.session.get("csrf")):
            message = "This form has expired: reload the page and sign out again."
            return _plain(_t().gettext(message), 400)
        sid = flask.session.get("sid")
        with self._lock:
            ended = self._sessions.pop(sid, None) if isinstance(sid, str) else None
        if ended is not None:
            log.info("%s signed out", ended.user.name)
        flask.session.clear()
        flask.session["notice"] = N_("You have signed out.")
        return flask.redirect("/login", 303)

    def _who(self, name: str) -> str:
        """A user name fit for the log: only names that exist (a mistyped password may be one)."""
        return f"user {name!r}" if name in self.users else "an unknown user name"

    def _form(
        self, problem: str | None = None, status: int = 200, next_path: str = "/", name: str = ""
    ) -> flask.Response:
        csrf = flask.session.get("csrf")
        if not isinstance(csrf, str):
            csrf = flask.session["csrf"] = secrets.token_urlsafe(32)
        notice = flask.session.pop("notice", None)
        t = _t()
        page = LOGIN_PAGE.format(
            lang=t.language,
            title=escape(t.gettext("Sign in")),
            name_label=escape(t.gettext("Name")),
            password_label=escape(t.gettext("Password")),
            notice=_paragraph(t.gettext(notice) if isinstance(notice, str) else None, "notice"),
            problem=_paragraph(problem, "problem"),
            csrf=escape(csrf),
            next=escape(next_path),
            name=escape(name),
        )
        response = flask.make_response(page, status)
        response.headers["Content-Type"] = "text/html; charset=utf-8"
        return response


def _t() -> Translator:
    return translator(request_language())


def _duration(seconds: float) -> str:
    """``45 s`` or ``3 min``, rounded up."""
    if seconds < 60:
        return f"{math.ceil(seconds)} s"
    return f"{math.ceil(seconds / 60)} min"


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path of this site, never another site.

    >>> safe_next("/brokers"), safe_next("//evil.example/x"), safe_next("https://evil.example")
    ('/brokers', '/', '/')
    """
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in value):
        return "/"
    return value


def _same(given: str | None, expected: object) -> bool:
    if not isinstance(given, str) or not isinstance(expected, str) or not expected:
        return False
    return secrets.compare_digest(given.encode(), expected.encode())


def _plain(message: str, status: int) -> flask.Response:
    response = flask.make_response(message + "\n", status)
    response.headers["Content-Type"] = "text/plain; charset=utf-8"
    return response


def _hardened(response: flask.Response) -> flask.Response:
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    if not flask.request.path.startswith(CACHEABLE_PREFIXES):
        headers["Cache-Control"] = "no-store"
    return response


def _paragraph(text: str | None, kind: str) -> str:
    return f'<p class="{kind}" role="status">{escape(text)}</p>' if text else ""


LOGIN_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Maillage</title>
<style>
body {{ font-family: system-ui, sans-serif; background: #f5f7fa; margin: 0; }}
main {{ max-width: 22rem; margin: 12vh auto; background: #fff; padding: 2rem;
       border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }}
h1 {{ font-size: 1.4rem; margin-top: 0; }}
label {{ display: block; margin: 1rem 0 .3rem; }}
input[type=text], input[type=password] {{ width: 100%; box-sizing: border-box; padding: .5rem; }}
button {{ margin-top: 1.4rem; padding: .5rem 1.2rem; }}
.problem {{ color: #a61b1b; }}
.notice {{ color: #1f5f8b; }}
</style>
</head>
<body>
<main>
<h1>Maillage</h1>
{notice}{problem}
<form method="post" action="/login" autocomplete="on">
<input type="hidden" name="csrf" value="{csrf}">
<input type="hidden" name="next" value="{next}">
<label for="name">{name_label}</label>
<input type="text" id="name" name="name" value="{name}" autocomplete="username" required autofocus>
<label for="password">{password_label}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">{title}</button>
</form>
</main>
</body>
</html>
"""
