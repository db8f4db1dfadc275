"""Who may sign in to the web app: users, roles and password hashes in a TOML file.

The file (``maillage users add`` writes it) holds no password, only its
scrypt hash with a per-user random salt::

    [users."amina"]
    role = "facilitator"
    password_hash = "scrypt$32768$8$1$<salt>$<hash>"

Roles: ``viewer`` sees citizens pseudonymised; ``facilitator`` sees
everything; ``admin`` sees everything and is the one role that may import
(the command line imports today: the web app has no import page yet).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
import re
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..graph.errors import MaillageError
from ..settings import Settings

NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
MIN_PASSWORD_LENGTH = 12
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_SCRYPT_MAXMEM = 64 * 1024 * 1024
_HEADER = (
    "# Maillage users, written by `maillage users add`.\n"
    "# Passwords are never stored: only their scrypt hash with a per-user salt.\n"
)


class Role(StrEnum):
    VIEWER = "viewer"
    FACILITATOR = "facilitator"
    ADMIN = "admin"


FULL_VIEW_ROLES = frozenset({Role.FACILITATOR, Role.ADMIN})
"""Roles that see citizens as they are; every other role sees them pseudonymised."""

WRITING_ROLES = frozenset({Role.FACILITATOR, Role.ADMIN})
"""Roles that may change data (record and follow up introductions); viewers only read."""


class UsersError(MaillageError):
    """A users file or a new user is not acceptable; the message says why."""


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    password_hash: str = field(repr=False)

    def verify(self, password: str) -> bool:
        return verify_password(password, self.password_hash)


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$hash`` (base64) of ``password`` with a fresh 16-byte salt."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(
        ("scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest))
    )


def verify_password(password: str, password_hash: str) -> bool:
    """True when ``password`` hashes to ``password_hash`` (compared in constant time)."""
    try:
        n, r, p, salt, digest = _parse_hash(password_hash)
    except ValueError:
        return False
    return hmac.compare_digest(_scrypt(password, salt, n, r, p), digest)


def check_password_hash_format(password_hash: str) -> None:
    """``ValueError`` unless ``password_hash`` is a hash that :func:`hash_password` makes."""
    _parse_hash(password_hash)


@functools.cache
def _decoy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def verify_unknown(password: str) -> bool:
    """Spend as long as a real check, for a user name that does not exist; always False."""
    verify_password(password, _decoy_hash())
    return False


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=32
    )


def _parse_hash(password_hash: str) -> tuple[int, int, int, bytes, bytes]:
    parts = password_hash.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or not all(x.isdigit() for x in parts[1:4]):
        raise ValueError("not a scrypt$N$r$p$salt$hash password hash")
    n, r, p = (int(x) for x in parts[1:4])
    if n < 2**14 or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 16:
        raise ValueError("scrypt parameters out of range")
    salt = base64.b64decode(parts[4], validate=True)
    digest = base64.b64decode(parts[5], validate=True)
    if len(salt) < 16 or len(digest) != 32:
        raise ValueError("salt or hash of the wrong length")
    return n, r, p, salt, digest


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def parse_users(text: str, origin: str) -> dict[str, User]:
    """The users of a users file's ``text``; ``UsersError`` naming ``origin`` if malformed."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsersError(f"{origin}: not valid TOML ({error})") from None
    table = document.get("users", {})
    if not isinstance(table, Mapping):
        raise UsersError(f"{origin}: [users] must be a table of users")
    users = {}
    for name, entry in table.items():
        where = f"{origin}: user {name!r}"
        if not NAME_PATTERN.fullmatch(name):
            raise UsersError(f"{where}: a name is 1 to 64 letters, digits, '.', '_', '@' or '-'")
        if not isinstance(entry, Mapping):
            raise UsersError(f"{where}: expected a table with role and password_hash")
        if "password" in entry:
            raise UsersError(
                f"{where}: a plain 'password' is refused; store only hashes, "
                "made by `maillage users add`"
            )
        role = entry.get("role")
        if role not in Role._value2member_map_:
            raise UsersError(f"{where}: role must be one of {', '.join(Role)}, not {role!r}")
        password_hash = entry.get("password_hash")
        try:
            check_password_hash_format(str(password_hash))
        except ValueError as error:
            raise UsersError(f"{where}: password_hash: {error}") from None
        users[name] = User(name, Role(role), str(password_hash))
    return users


def read_users(path: Path) -> dict[str, User]:
    """The users in the file at ``path``; ``UsersError`` if it is missing or malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsersError(
            f"users file {path} not found: create it with `maillage users add NAME --role ROLE`"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsersError(f"cannot read the users file {path}: {error}") from None
    return parse_users(text, str(path))


def render_users(users: Mapping[str, User]) -> str:
    """The TOML text of ``users`` (names are checked, so they need no escaping)."""
    blocks = [_HEADER]
    for name in sorted(users):
        user = users[name]
        blocks.append(
            f'\n[users."{name}"]\nrole = "{user.role}"\npassword_hash = "{user.password_hash}"\n'
        )
    return "".join(blocks)


def write_users(path: Path, users: Mapping[str, User]) -> None:
    """Replace the file at ``path`` with ``users`` whole, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(render_users(users))
    os.chmod(partial, 0o600)
    partial.replace(path)


def check_account(name: str, role: str) -> None:
    """``UsersError`` unless ``name`` is an acceptable user name and ``role`` a role."""
    if not NAME_PATTERN.fullmatch(name):
        raise UsersError(f"{name!r}: a name is 1 to 64 letters, digits, '.', '_', '@' or '-'")
    if role not in Role._value2member_map_:
        raise UsersError(f"role must be one of {', '.join(Role)}, not {role!r}")


def new_user(name: str, role: str, password: str) -> User:
    """A user whose password is kept only as a hash; ``UsersError`` for a bad name or password."""
    check_account(name, role)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsersError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if password.strip() != password or password == name:
        raise UsersError("the password must not be the name, nor start or end with a blank")
    return User(name, Role(role), hash_password(password))


def add_user(path: Path, name: str, role: str, password: str) -> User:
    """Add ``name`` to the users file at ``path`` (created if missing), or replace it."""
    user = new_user(name, role, password)
    users = read_users(path) if path.exists() else {}
    users[name] = user
    write_users(path, users)
    return user


def remove_user(path: Path, name: str) -> None:
    users = read_users(path)
    if name not in users:
        raise UsersError(f"no user {name!r} in {path}")
    del users[name]
    write_users(path, users)


def configured_users(settings: Settings) -> dict[str, User]:
    """The users of ``settings``: its users file, plus ``MAILLAGE_USERS`` (the same TOML).

    Empty when neither is set. A users file or variable that is set but
    names nobody is an error: sign-in was wanted, so the app never opens up.
    """
    users: dict[str, User] = {}
    if settings.users_file is not None:
        users.update(read_users(settings.users_file))
        if not users:
            raise UsersError(
                f"the users file {settings.users_file} names no user: "
                "add one with `maillage users add NAME --role admin`"
            )
    if settings.users_text:
        from_env = parse_users(settings.users_text, "MAILLAGE_USERS")
        if not from_env:
            raise UsersError("MAILLAGE_USERS names no user")
        users.update(from_env)
    return users
