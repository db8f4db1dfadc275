"""English sentences made from templates, and the templates recognised back in them.

A template is an English format string with named fields (``"undo of revision
{revisions}"``). The code that writes a sentence renders one of them; a reader in another
language gets the sentence back as ``(template, fields)`` with :func:`recognise`, looks the
template up in its catalog (templates are msgids) and renders it in its language. Stored
text never changes: it is recognised when read.

>>> t = "import {files}: actors {added} added"
>>> recognise(render(t, files="a.csv, b.csv", added=3), [t], {"added": r"\\d+"})
('import {files}: actors {added} added', {'files': 'a.csv, b.csv', 'added': '3'})
>>> recognise("something else", [t]) is None
True
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

__all__ = ["render", "recognise", "fields_of"]

ANY = r".+?"
"""The pattern of a field whose kind is not given: any text, as short as possible."""


def render(template: str, **fields: Any) -> str:
    """``template`` with its ``fields`` filled in (``str.format``)."""
    return template.format(**fields)


def fields_of(template: str) -> tuple[str, ...]:
    """The names of the fields of ``template``, in order."""
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


@lru_cache(maxsize=256)
def _pattern(template: str, kinds: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    known = dict(kinds)
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>{known.get(name, ANY)})")
    return re.compile("".join(parts), re.DOTALL)


def recognise(
    text: str, templates: Iterable[str], kinds: Mapping[str, str] | None = None
) -> tuple[str, dict[str, str]] | None:
    """The first of ``templates`` that renders to ``text`` and its fields, else None.

    ``kinds`` gives the pattern of some fields by name (``{"count": r"\\d+"}``).
    """
    frozen = tuple(sorted((kinds or {}).items()))
    for template in templates:
        match = _pattern(template, frozen).fullmatch(text or "")
        if match:
            return template, match.groupdict()
    return None
