"""A suggested introduction's reason in the reader's language.

The analytics keep each reason as English templates and their values (``reason_parts``,
see :mod:`maillage.graph.reasons`); here the templates are looked up in the
catalog and names, sector counts and numbers are written the language's way.

>>> intro = {"reason": "both work with A", "reason_parts": [
...     {"template": "both work with {names}", "names": ["A", "B", "C"], "limit": 2},
...     {"template": "would bring {who} closer to each other",
...      "who": [{"sector": "association", "count": 1}, {"sector": "public", "count": 2}]}]}
>>> first, second = reason_in(intro, translator("fr")).split("\\u202f; ")
>>> first
'travaillent tous deux avec A, B et 1 autre'
>>> second
'rapprocherait 1 association et 2 organismes publics les uns des autres'
>>> reason_in({"reason": "as stored"}, translator("fr"))
'as stored'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import reduce
from typing import Any

from maillage.graph.reasons import ReasonWords, reason_text
from maillage.graph.vocabulary import SECTOR_NOUNS, sector_plural

from .i18n import Translator, translator

__all__ = ["reason_in", "reason_words"]


def reason_words(t: Translator) -> ReasonWords:
    """The words of ``t``'s language for :func:`~maillage.graph.reasons.reason_text`."""

    def names(shown: Sequence[str], limit: int) -> str:
        shown = [str(n) for n in shown]
        if len(shown) > limit:
            more = len(shown) - limit
            template = t.ngettext("{names} and {n} other", "{names} and {n} others", more)
            return template.format(names=", ".join(shown[:limit]), n=t.integer(more))
        if not shown:
            return ""
        pair = t.gettext("{first} and {second}")
        return reduce(lambda first, second: pair.format(first=first, second=second), shown)

    def count(sector: str, n: int) -> str:
        if sector in SECTOR_NOUNS:
            one, many = SECTOR_NOUNS[sector]
            template = t.ngettext(f"{{n}} {one}", f"{{n}} {many}", n)
        else:
            template = t.ngettext("{n} {sector} actor", "{n} {sector} actors", n)
        return template.format(n=t.integer(n), sector=sector)

    def group(sector: str) -> str:
        return t.gettext(sector_plural(sector))

    separator = t.gettext("; ")
    return ReasonWords(t.gettext, names, count, group, t.integer, separator)


def reason_in(intro: Mapping[str, Any], t: Translator | None = None) -> str:
    """The reason of suggestion ``intro`` in ``t``'s language (as stored without its parts)."""
    t = t or translator()
    parts = intro.get("reason_parts")
    if not isinstance(parts, list) or not parts:
        return str(intro.get("reason") or "")
    return reason_text(parts, reason_words(t))
