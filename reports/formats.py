"""The report kinds and output formats, their media types, extensions and file names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

from maillage.graph.model import fold

Kind = Literal["report", "gaps", "compare", "bridges"]
Format = Literal["table", "csv", "json", "xlsx", "html"]

KINDS: tuple[str, ...] = ("report", "gaps", "compare", "bridges")
FORMATS: tuple[str, ...] = ("table", "csv", "json", "xlsx", "html")

MEDIA_TYPES: Mapping[str, str] = {
    "table": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
}

EXTENSIONS: Mapping[str, str] = {
    "table": ".txt",
    "csv": ".csv",
    "json": ".json",
    "xlsx": ".xlsx",
    "html": ".html",
}


def check(kind: str, fmt: str) -> None:
    """Raise ``ValueError`` naming the choices when ``kind`` or ``fmt`` is unknown."""
    if kind not in KINDS:
        raise ValueError(f"unknown report kind {kind!r} (expected one of {', '.join(KINDS)})")
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (expected one of {', '.join(FORMATS)})")


def slug(text: str) -> str:
    """A file-name-safe, accent-free, lower-case form of ``text``.

    >>> slug("Pays de Morlaix / Léon")
    'pays-de-morlaix-leon'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "territory"


def filename(kind: str, data: Mapping[str, Any], fmt: str) -> str:
    """The file name a download of this result should get.

    >>> filename("report", {"territory": "Pays de Morlaix", "as_of": "2024-06-30"}, "xlsx")
    'report-pays-de-morlaix-2024-06-30.xlsx'
    >>> filename("compare", {"territories": ["Brest", "Quimper"]}, "csv")
    'compare-brest-quimper.csv'
    """
    check(kind, fmt)
    if kind == "compare":
        parts = [slug(str(t)) for t in data.get("territories", [])]
        stem = "-".join(parts)[:80].strip("-") or "territories"
    elif kind == "bridges":
        where = [slug(str(data["territory"]))] if data.get("territory") else []
        ends = [str(data[k]) for k in ("since", "until") if data.get(k)]
        stem = "-".join([*where, *ends]) or "changes"
    else:
        as_of = data.get("as_of")
        stem = slug(str(data.get("territory", ""))) + (f"-{as_of}" if as_of else "")
    return f"{kind}-{stem}{EXTENSIONS[fmt]}"
