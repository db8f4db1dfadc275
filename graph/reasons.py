"""Why an introduction is suggested, as a sentence: one home for its templates and words.

:func:`~maillage.graph.analytics.introductions.suggest_introductions` keeps each reason
twice: ``reason``, the English sentence, and ``reason_parts``, the same sentence as English
templates (each a format string with named fields) and their values. :func:`reason_text`
turns the parts into the sentence; with the default :class:`ReasonWords` it is the English
``reason``; the reports pass the words of another language (the templates are msgids).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .vocabulary import sector_noun, sector_plural

__all__ = ["REASON_TEMPLATES", "ReasonWords", "english_names", "reason_text"]

REASON_TEMPLATES: tuple[str, ...] = (
    "both work with {names}",
    "both take part in events with {names}",
    "{distance} steps apart, through {names}",
    "no chain of ties joins them yet",
    "both in community {community}",
    "would give {who} a first path to each other",
    "would give {who} a first path to {whom}",
    "would bring {who} closer to each other",
    "would bring {who} closer to {whom}",
)
"""Every template a reason part may hold (the msgids of the catalog)."""


def english_names(names: Sequence[str], limit: int) -> str:
    """``names`` in a sentence: ``A and B``, ``A, B and 2 others`` beyond ``limit``.

    >>> english_names(["A", "B"], 2), english_names(["A", "B", "C", "D"], 2)
    ('A and B', 'A, B and 2 others')
    """
    shown = [str(n) for n in names]
    if len(shown) <= limit:
        return " and ".join(shown)
    more = len(shown) - limit
    return f"{', '.join(shown[:limit])} and {more} other{'s' if more > 1 else ''}"


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class ReasonWords:
    """The words a reason is told in (English by default; the reports pass another language).

    ``gettext`` translates a template; ``names(names, limit)`` joins actor names (and the
    sector counts); ``count(sector, n)`` is ``"2 public bodies"``; ``group(sector)`` is
    ``"public bodies"``; ``number(n)`` writes a whole number; ``separator`` joins the parts.
    """

    gettext: Callable[[str], str] = _same
    names: Callable[[Sequence[str], int], str] = english_names
    count: Callable[[str, int], str] = sector_noun
    group: Callable[[str], str] = sector_plural
    number: Callable[[int], str] = str
    separator: str = "; "


def reason_text(parts: Sequence[Mapping[str, Any]], words: ReasonWords | None = None) -> str:
    """The sentence of a suggestion's ``reason_parts`` (its ``reason`` in English).

    Each part holds its English ``template`` and the values it names: ``names`` (actor
    names) with ``limit`` (how many are named), ``distance``, ``community``, ``who`` (a list
    of ``{sector, count}``) and ``whom`` (a sector code).

    >>> reason_text([{"template": "both work with {names}", "names": ["A", "B", "C"], "limit": 2},
    ...              {"template": "would bring {who} closer to {whom}",
    ...               "who": [{"sector": "association", "count": 2}], "whom": "public"}])
    'both work with A, B and 1 other; would bring 2 associations closer to public bodies'
    """
    words = words or ReasonWords()
    sentences = []
    for part in parts:
        values: dict[str, str] = {}
        if "names" in part:
            values["names"] = words.names(list(part["names"]), int(part.get("limit", 2)))
        if "distance" in part:
            values["distance"] = words.number(int(part["distance"]))
        if "community" in part:
            values["community"] = str(part["community"])
        if "who" in part:
            counts = [words.count(str(w["sector"]), int(w["count"])) for w in part["who"]]
            values["who"] = words.names(counts, len(counts))
        if "whom" in part:
            values["whom"] = words.group(str(part["whom"]))
        sentences.append(words.gettext(str(part["template"])).format(**values))
    return words.separator.join(sentences)
