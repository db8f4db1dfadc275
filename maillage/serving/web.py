"""The web app assembled: a ``Maillage`` instance, its dashboard, and sign-in in front.

Serving policy lives here, not in the application object: who signs in on
which host (:func:`sign_in_for`), the Dash app behind the guard
(:func:`web_app`), and the waitress server that serves it (:func:`wsgi_server`).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Any

import dash

from ..app import Maillage
from ..dashboard import create_app
from ..graph.errors import MaillageError
from ..settings import Settings
from . import csrf, language, request_limits
from .access import LOGIN_ENDPOINT, LOGOUT_ENDPOINT, Access
from .language import request_language
from .users import FULL_VIEW_ROLES, WRITING_ROLES, Role, configured_users


class ExposedWithoutSignIn(MaillageError):
    """Serving beyond loopback was asked for, but nobody has to sign in."""


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach: 127.0.0.0/8, ::1, ``localhost``.

    >>> [is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost")]
    [True, True, True, True, True]
    >>> [is_loopback(h) for h in ("0.0.0.0", "", "::", "192.168.1.10", "example.org")]
    [False, False, False, False, False]
    """
    name = host.strip().removeprefix("[").removesuffix("]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def sign_in_for(maillage: Maillage, host: str = "127.0.0.1") -> Access | None:
    """Sign-in for serving ``maillage`` on ``host``, or None to run open.

    With users configured (users file or ``MAILLAGE_USERS``) everyone signs
    in, on any host. Without users the app runs open, every visitor an
    admin, on loopback only: any other host raises ``ExposedWithoutSignIn``.
    """
    users = configured_users(maillage.settings)
    if not users:
        if not is_loopback(host):
            raise ExposedWithoutSignIn(exposed_message(host, maillage.settings))
        return None
    return Access.from_settings(users, maillage.settings, maillage.secret())


def web_app(maillage: Maillage, access: Access | None = None, **options: Any) -> dash.Dash:
    """The Dash app of ``maillage`` (its Flask server is ``.server``), behind ``access`` if given.

    Signed-in facilitators and admins read ``maillage``; everyone else reads
    ``maillage.pseudonymised()``. Every POST but the sign-in forms carries the
    CSRF token (``maillage.serving.csrf``). Without sign-in, changes are recorded as by
    the server's operating-system user, as the CLI records them. ``options`` go to
    ``create_app``. The work is bounded (``Maillage.bound_for_serving``): request bodies,
    analyses, and store calls, which fail at once while the store is down.
    """
    maillage.bound_for_serving()
    options.setdefault("language", request_language)
    if access is None:  # run open, nobody signs in: the writes are the server's user's
        app = create_app(maillage, user=maillage.local_user, **options)
    else:
        app = create_app(
            maillage,
            sees_everything=lambda: access.role() in FULL_VIEW_ROLES,
            may_write=lambda: access.role() in WRITING_ROLES,
            may_administer=lambda: access.role() == Role.ADMIN,
            identity=access.identity,
            **options,
        )
        access.install(app.server)
    csrf.install(
        app.server,
        access.csrf_token if access is not None else None,
        form_endpoints=(LOGIN_ENDPOINT, LOGOUT_ENDPOINT),
        secure=access.secure_cookies if access is not None else None,
    )
    language.install(app.server)
    request_limits.install(app.server, app.callback_map, maillage.settings.limits.request_bytes)
    maillage.precompute()  # warm every territory in the background, the dashboard's steps too
    return app


@dataclass
class Serving:
    """A waitress server ready to run, and the sign-in in front of it (None: open)."""

    server: Any
    access: Access | None

    @property
    def users(self) -> int:
        return 0 if self.access is None else len(self.access.users)

    def run(self) -> None:
        """Serve until interrupted (Ctrl+C), then close the listening socket."""
        try:
            self.server.run()
        except KeyboardInterrupt:
            pass
        finally:
            self.server.close()


def wsgi_server(maillage: Maillage, *, host: str = "127.0.0.1", port: int = 8050) -> Serving:
    """The web app under waitress (a production WSGI server), listening on ``host:port``.

    Sign-in as :func:`sign_in_for` decides: a host beyond loopback is refused
    unless users are configured.
    """
    import waitress

    settings = maillage.settings
    access = sign_in_for(maillage, host)
    app = web_app(maillage, access)
    options: dict[str, Any] = {
        "threads": settings.threads,
        "ident": "Maillage",
        "max_request_body_size": settings.limits.request_bytes,
    }
    if settings.trusted_proxy:
        options.update(
            trusted_proxy=settings.trusted_proxy,
            trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
            clear_untrusted_proxy_headers=True,
        )
    return Serving(waitress.create_server(app.server, host=host, port=port, **options), access)


def exposed_message(host: str, settings: Settings) -> str:
    """Why an open app is not served on ``host``, and how to configure sign-in."""
    users_file = settings.data_dir / "users.toml"
    return (
        f"refusing to serve on {host or 'every address'}: without users anyone who can reach "
        "it would see every actor, citizens included. Serve on 127.0.0.1 (the default), or "
        "configure sign-in first: `maillage users add NAME --role admin` (writes "
        f"{users_file}), or give a users file with --users FILE or MAILLAGE_USERS_FILE."
    )
