"""Helpers of the security tests: accounts, a clock the tests move, signing in, finding names."""

from __future__ import annotations

import base64
import html
import io
import json
import re
import zipfile
from collections.abc import Iterable
from typing import Any

SECRET = b"a test secret of at least thirty-two bytes"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')

PASSWORDS = {
    "vera": "viewer password one",
    "felix": "facilitator password two",
    "ada": "admin password three!",
}
ROLES = {"vera": "viewer", "felix": "facilitator", "ada": "admin"}


class Clock:
    """Seconds since the epoch, moved by the test instead of by time."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, *, minutes: float = 0, hours: float = 0) -> None:
        self.now += 60 * minutes + 3600 * hours


def csrf_token(client: Any) -> str:
    """The CSRF token of the sign-in form, as a browser gets it."""
    page = client.get("/login")
    assert page.status_code == 200
    return CSRF.search(page.get_data(as_text=True)).group(1)


def sign_in(client: Any, name: str, password: str | None = None, **extra: str) -> Any:
    form = {"name": name, "password": PASSWORDS.get(name, "") if password is None else password}
    form["csrf"] = csrf_token(client)
    form.update(extra)
    return client.post("/login", data=form)


def session_cookie(client: Any) -> Any:
    return client.get_cookie("maillage_session")


def downloads(data: bytes) -> bytes:
    """Every file a callback response carries for ``dcc.Download``, decoded and unzipped.

    The XML inside an Excel file is given twice: as stored, and with its
    character references (``L&#233;a``) resolved.
    """
    try:
        document = json.loads(data)
    except ValueError:
        return b""
    found = []
    for outputs in (document.get("response") or {}).values():
        for value in outputs.values():
            if isinstance(value, dict) and value.get("base64") and "content" in value:
                content = base64.b64decode(value["content"])
                found.append(content)
                if content.startswith(b"PK"):
                    with zipfile.ZipFile(io.BytesIO(content)) as archive:
                        for name in archive.namelist():
                            xml = archive.read(name)
                            found.append(xml)
                            found.append(html.unescape(xml.decode("utf-8", "replace")).encode())
    return b"\n".join(found)


def readable(data: bytes) -> bytes:
    """A response as bytes, with the files it carries decoded (a name could hide in base64)."""
    return data + b"\n" + downloads(data)


def spellings(text: str) -> tuple[bytes, ...]:
    """``text`` as it may appear in a response: UTF-8, JSON-, HTML- or XML-escaped."""
    forms = {
        text,
        json.dumps(text)[1:-1],
        json.dumps(text, ensure_ascii=False)[1:-1],
        html.escape(text),
        html.escape(text, quote=False),
        html.escape(text).encode("ascii", "xmlcharrefreplace").decode("ascii"),
    }
    return tuple(form.encode("utf-8") for form in forms)


def found_in(data: bytes, texts: Iterable[str]) -> list[str]:
    """Those of ``texts`` that appear in ``data`` in any spelling."""
    return sorted(t for t in texts if any(form in data for form in spellings(t)))
