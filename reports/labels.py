"""Human labels of the keys that analytics results use, and how numbers are shown.

The words themselves live in :mod:`maillage.graph.vocabulary`; this module
shapes them into the lookups the report tables use.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from maillage.graph.vocabulary import (
    ACTOR_MEASURES,
    NETWORK_MEASURES,
    SECTOR_LABELS,
    TIE_KIND_LABELS,
)

from .i18n import Translator
from .safe import scalar

NETWORK_LABELS: Mapping[str, str] = {key: m.label for key, m in NETWORK_MEASURES.items()}
"""Full labels of the report's ``network`` section (the measure registry's)."""

ACTOR_LABELS: Mapping[str, str] = {
    "name": "Name",
    "sector": "Sector",
    **{key: m.short for key, m in ACTOR_MEASURES.items() if key != "brokerage"},
    "community": "Community",
}
"""Column heads of the actor tables: the registry's short labels."""


def label(key: str, labels: Mapping[str, str] = NETWORK_LABELS) -> str:
    """The human label of ``key``, else the key made readable.

    >>> label("largest_component_share")
    'Share of actors in the largest component'
    >>> label("mean_tie_age")
    'Mean tie age'
    """
    return labels.get(key) or key.replace("_", " ").capitalize()


def sector_label(sector: Any, t: Translator | None = None) -> str:
    """The name of ``sector`` as people read it (badges, legends, checklists, dropdowns).

    In ``t``'s language (English without it); a sector outside the closed list reads as
    the data spells it, a missing one as "unknown".

    >>> from maillage.reports.i18n import translator
    >>> fr = translator("fr")
    >>> sector_label("business"), sector_label("business", fr), sector_label("academic", fr)
    ('Business', 'Entreprise', 'Académique')
    >>> sector_label("guild", fr), sector_label(None, fr)
    ('guild', 'inconnu')
    """
    say = t.gettext if t is not None else str
    text = str(getattr(sector, "value", sector)) if sector is not None else ""
    if not text:
        return say("unknown")
    return say(SECTOR_LABELS[text]) if text in SECTOR_LABELS else text


def tie_kind_label(kind: Any, t: Translator | None = None) -> str:
    """The name of a tie kind as people read it (the vocabulary's), in ``t``'s language.

    Every page names a kind this way: the filters, the card's ties, the path's steps.

    >>> from maillage.reports.i18n import translator
    >>> tie_kind_label("event"), tie_kind_label("event", translator("fr"))
    ('co-participation in events', 'co-participation à des événements')
    >>> tie_kind_label("barter", translator("fr"))
    'barter'
    """
    text = str(getattr(kind, "value", kind))
    label = TIE_KIND_LABELS.get(text, text)
    return t.gettext(label) if t is not None else label


def localised(t: Translator | None) -> Translator | None:
    """``t`` when it writes numbers and dates its own way, ``None`` for English.

    The English report keeps the forms it always had (``0.286``, ISO dates, the data's
    sector keys), so ``show(value, localised(t))`` and friends change nothing in English.
    """
    return t if t is not None and t.language != "en" else None


def show(value: Any, t: Translator | None = None) -> str:
    """``value`` as a person reads it in a table: 3 decimals, ``—`` for missing.

    With a non-English ``t``, numbers, dates and yes/no in its language (French:
    ``0,286``, ``2 déc. 2026``, ``oui``).

    >>> show(0.285714), show(12), show(None), show(float("nan")), show(0.00004), show(True)
    ('0.286', '12', '—', '—', '4.0e-05', 'yes')
    >>> from maillage.reports.i18n import translator
    >>> fr = translator("fr")
    >>> show(0.285714, fr), show(date(2026, 12, 2), fr), show(0.00004, fr), show(False, fr)
    ('0,286', '2 déc. 2026', '4,0e-05', 'non')
    >>> show(1234.5, fr) == "1\u202f234,500", show(0.285714, translator("en"))
    (True, '0.286')
    """
    t = localised(t)
    value = scalar(value)
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if t is not None and isinstance(value, bool | int | float | date | datetime):
        return _shown_in(value, t)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value == 0 or abs(value) >= 0.001:
            return f"{value:,.3f}" if abs(value) >= 1000 else f"{value:.3f}"
        return f"{value:.1e}"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(show(v, t) for v in value)
    if isinstance(value, Mapping) and ("name" in value or "id" in value):
        return str(value.get("name") or value.get("id"))
    return str(value)


def _shown_in(value: bool | float | date, t: Translator) -> str:
    if isinstance(value, bool):
        return t.gettext("yes" if value else "no")
    if isinstance(value, int):
        return t.integer(value)
    if isinstance(value, float):
        if value == 0 or abs(value) >= 0.001:
            return t.number(value, 3)
        mantissa, exponent = f"{value:.1e}".split("e")
        return f"{t.number(float(mantissa), 1)}e{exponent}"
    return t.date(value)


def readable(value: Any, t: Translator | None = None) -> str:
    """A measure as a reader wants to see it in the app and in chart labels.

    Whole numbers without decimals, thousands separated, three decimals
    otherwise (one from 100 up), ``–`` for missing; in ``t``'s language when
    given (French: ``0,412``), else in English.

    >>> readable(3), readable(0.41234), readable(None), readable(1234.5), readable(3.0)
    ('3', '0.412', '–', '1,234.5', '3')
    >>> from maillage.reports.i18n import translator
    >>> fr = translator("fr")
    >>> readable(0.38, fr), readable(1234.5, fr) == "1\u202f234,5", readable(True, fr)
    ('0,380', True, 'oui')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        answer = "yes" if value else "no"
        return t.gettext(answer) if t is not None else answer
    if t is not None and isinstance(value, int | float):
        if isinstance(value, int) or (value.is_integer() and abs(value) >= 1):
            return t.integer(int(value))
        return t.number(value, 1 if abs(value) >= 100 else 3)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) >= 1:
            return f"{int(value):,}"
        return f"{value:,.1f}" if abs(value) >= 100 else f"{value:.3f}"
    return str(value)
