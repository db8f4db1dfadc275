"""Settings, declared once: where the store is, who may sign in, and the shared defaults."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from .graph.errors import MaillageError
from .loaders.limits import (
    CELL_CHARS_ENV,
    EXPANDED_BYTES_ENV,
    FILE_BYTES_ENV,
    FILE_ROWS_ENV,
    FileLimits,
)

STORE_ENV = "MAILLAGE_STORE"
USERS_FILE_ENV = "MAILLAGE_USERS_FILE"
USERS_ENV = "MAILLAGE_USERS"
SECRET_KEY_ENV = "MAILLAGE_SECRET_KEY"
SECURE_COOKIES_ENV = "MAILLAGE_SECURE_COOKIES"
THREADS_ENV = "MAILLAGE_THREADS"
TRUSTED_PROXY_ENV = "MAILLAGE_TRUSTED_PROXY"
ENGINE_ENV = "MAILLAGE_ENGINE"
ENGINES = ("local", "gds")
SECRET_KEY_FILE = "secret_key"
USERS_FILE = "users.toml"


REQUEST_BYTES_ENV = "MAILLAGE_MAX_REQUEST_BYTES"
COMPARE_TERRITORIES_ENV = "MAILLAGE_MAX_COMPARE_TERRITORIES"
WORK_ENV = "MAILLAGE_MAX_WORK"
WORK_PER_MINUTE_ENV = "MAILLAGE_MAX_WORK_PER_MINUTE"
ANALYSES_ENV = "MAILLAGE_MAX_ANALYSES"


@dataclass(frozen=True)
class Limits:
    """Every bound on what one input or one request may cost, declared once.

    Each limit has an environment variable (``LIMIT_VARIABLES``); an input or a
    request over a limit gets an error naming the limit and that variable.
    ``docs/security.md`` lists them with their defaults.

    Attributes
    ----------
    request_bytes : int
        Body of one HTTP request (waitress ``max_request_body_size`` and Flask
        ``MAX_CONTENT_LENGTH``): larger bodies get 413 before they are read.
    compare_territories : int
        Different territories in one comparison (repeated names count once).
    work : int
        Actors plus ties one analysis may cover in the web app (a report, gaps,
        a layout, a comparison of all its territories together).
    work_per_minute : int
        Actors plus ties of the analyses one user (or address) may start per
        minute in the web app; results already computed cost nothing.
    analyses : int
        Analyses computed at once in the web app, for everyone; as many more
        may wait for a turn, and each user runs at most two at once.
    files : FileLimits
        What one imported file may hold: bytes, unzipped bytes, rows, a cell.
    """

    request_bytes: int = 1024 * 1024
    compare_territories: int = 12
    work: int = 2_000_000
    work_per_minute: int = 4_000_000
    analyses: int = 3
    files: FileLimits = field(default_factory=FileLimits)

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, each replaced by its environment variable when that is set."""
        env = os.environ
        found = {
            name: _count(variable, env.get(variable), getattr(cls, name))
            for name, variable in LIMIT_VARIABLES.items()
            if not name.startswith("files.")
        }
        files = {
            name.removeprefix("files."): _count(
                variable, env.get(variable), getattr(FileLimits, name.removeprefix("files."))
            )
            for name, variable in LIMIT_VARIABLES.items()
            if name.startswith("files.")
        }
        return cls(**found, files=FileLimits(**files))


LIMIT_VARIABLES = {
    "request_bytes": REQUEST_BYTES_ENV,
    "compare_territories": COMPARE_TERRITORIES_ENV,
    "work": WORK_ENV,
    "work_per_minute": WORK_PER_MINUTE_ENV,
    "analyses": ANALYSES_ENV,
    "files.cell_chars": CELL_CHARS_ENV,
    "files.file_rows": FILE_ROWS_ENV,
    "files.file_bytes": FILE_BYTES_ENV,
    "files.expanded_bytes": EXPANDED_BYTES_ENV,
}
"""The environment variable of every limit of :class:`Limits` (``files.`` ones: ``FileLimits``)."""


def default_data_dir() -> Path:
    """The per-user data folder (``$XDG_DATA_HOME/maillage``, else ``~/.local/share/maillage``)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "maillage"


def default_store_url() -> str:
    """The embedded store used when neither ``--store`` nor ``MAILLAGE_STORE`` is given."""
    return f"sqlite:///{default_data_dir() / 'maillage.db'}"


def default_users_file() -> Path:
    """Where ``maillage users add`` writes without ``--file`` or ``MAILLAGE_USERS_FILE``."""
    return Path(os.environ.get(USERS_FILE_ENV) or default_data_dir() / USERS_FILE)


@dataclass(frozen=True)
class Settings:
    """Everything a Maillage instance needs to know, with the defaults users get.

    Sign-in is on when ``users_file`` or ``users_text`` (the same TOML, from
    ``MAILLAGE_USERS``) names at least one user.
    """

    store_url: str = field(default_factory=default_store_url)
    seed: int = 42
    cache_size: int = 256
    data_dir: Path = field(default_factory=default_data_dir)
    users_file: Path | None = None
    users_text: str | None = field(default=None, repr=False)
    secret_key: str | None = field(default=None, repr=False)
    session_idle: timedelta = timedelta(minutes=30)
    """A session unused for this long ends."""
    session_lifetime: timedelta = timedelta(hours=12)
    """A session ends this long after sign-in, used or not."""
    secure_cookies: bool | None = None
    """Send the session cookie over https only; None: when the request came over https."""
    login_attempts: int = 5
    """Failed sign-ins allowed per name in ``login_window`` (four times as many per address)."""
    login_window: timedelta = timedelta(minutes=15)
    threads: int = 8
    """Requests served at once by waitress."""
    trusted_proxy: str | None = None
    """Address of the reverse proxy whose X-Forwarded-For/-Proto/-Host headers are believed."""
    limits: Limits = field(default_factory=Limits)
    """What one input file or one request may cost (``MAILLAGE_MAX_...`` variables)."""
    engine: str = "local"
    """Where reports are computed: ``local`` (this process) or ``gds`` (inside Neo4j, GDS)."""

    @classmethod
    def from_env(cls, store_url: str | None = None, *, users_file: Path | None = None) -> Settings:
        env = os.environ
        data_dir = default_data_dir()
        found_users = users_file or _path(env.get(USERS_FILE_ENV))
        if found_users is None and (data_dir / USERS_FILE).is_file():
            found_users = data_dir / USERS_FILE
        return cls(
            store_url=store_url or env.get(STORE_ENV) or default_store_url(),
            data_dir=data_dir,
            users_file=found_users,
            users_text=env.get(USERS_ENV) or None,
            secret_key=env.get(SECRET_KEY_ENV) or None,
            secure_cookies=_flag(SECURE_COOKIES_ENV, env.get(SECURE_COOKIES_ENV)),
            threads=_count(THREADS_ENV, env.get(THREADS_ENV), cls.threads),
            trusted_proxy=env.get(TRUSTED_PROXY_ENV) or None,
            limits=Limits.from_env(),
            engine=engine_choice(env.get(ENGINE_ENV)),
        )


def engine_choice(value: str | None) -> str:
    """``local`` or ``gds`` (default ``local``); anything else is a clear error.

    >>> engine_choice(None), engine_choice(" GDS ")
    ('local', 'gds')
    """
    chosen = (value or "local").strip().lower()
    if chosen not in ENGINES:
        raise MaillageError(f"{ENGINE_ENV}={value!r}: use local or gds")
    return chosen


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _flag(name: str, value: str | None) -> bool | None:
    if value is None or value.strip().lower() in ("", "auto"):
        return None
    if value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if value.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise MaillageError(f"{name}={value!r}: use true, false or auto")


def _count(name: str, value: str | None, default: int) -> int:
    if not value:
        return default
    digits = value.strip().replace("_", "")
    if not digits.isdigit() or int(digits) < 1:
        raise MaillageError(f"{name}={value!r}: use a whole number of at least 1")
    return int(digits)


def secret_key(settings: Settings) -> bytes:
    """The server's master secret: ``MAILLAGE_SECRET_KEY``, else a key kept in the data folder.

    The file (``<data dir>/secret_key``) is created on first use, readable by
    its owner only; a key file that others may read is refused. Sessions and
    pseudonyms use keys derived from it (:func:`derive_key`), so changing it
    signs everyone out and changes every citizen's pseudonym.
    """
    if settings.secret_key:
        if len(settings.secret_key) < 32:
            raise MaillageError(f"{SECRET_KEY_ENV} is too short: use at least 32 random characters")
        return settings.secret_key.encode("utf-8")
    path = settings.data_dir / SECRET_KEY_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    except OSError as error:
        raise MaillageError(
            f"cannot create the secret key file {path} ({error.strerror}): "
            f"set {SECRET_KEY_ENV} or make {path.parent} writable"
        ) from None
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_urlsafe(48) + "\n")
    return _read_secret(path)


def _read_secret(path: Path) -> bytes:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise MaillageError(f"the secret key file {path} is readable by others: chmod 600 {path}")
    key = path.read_text(encoding="ascii").strip()
    if len(key) < 32:
        raise MaillageError(f"the secret key file {path} is too short: delete it to make a new one")
    return key.encode("ascii")


def derive_key(master: bytes, purpose: str) -> bytes:
    """A key for one ``purpose`` only, from the master secret (HMAC-SHA256).

    >>> derive_key(b"m" * 32, "sessions").hex()[:16]
    '745963af1328eb11'
    """
    return hmac.new(master, purpose.encode("utf-8"), hashlib.sha256).digest()
