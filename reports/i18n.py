"""What a person reads, in their language: message catalogs, numbers and dates.

Messages are English msgids looked up in gettext catalogs (``reports/locales/<lang>/
LC_MESSAGES/maillage.po``, read with Babel when first needed, so there is no build step);
numbers and dates are formatted with Babel's CLDR data. The dashboard, the reports and
the CLI all take a :class:`Translator` for one language; nothing else knows a catalog.

Add a message: wrap the English text in ``t.gettext(...)`` (or mark a constant with
:func:`N_`), then add its ``msgid``/``msgstr`` pair to the French catalog. Check a catalog
with ``pybabel compile --statistics -D maillage -d reports/locales -o /dev/null -l fr -i
reports/locales/fr/LC_MESSAGES/maillage.po``.

>>> fr = translator("fr")
>>> fr.number(0.38), fr.number(12345.678, 1), fr.integer(107)
('0,38', '12\\u202f345,7', '107')
>>> fr.date(date(2026, 12, 2)), translator("en").date(date(2026, 12, 2))
('2 déc. 2026', 'Dec 2, 2026')
>>> negotiate("en-GB,en;q=0.9,fr;q=0.8"), negotiate("de-DE,fr;q=0.5"), negotiate(None)
('en', 'fr', 'fr')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES: tuple[str, ...] = ("fr", "en")
"""The languages Maillage speaks, the default first (its users are French)."""

DEFAULT_LANGUAGE = LANGUAGES[0]
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
DOMAIN = "maillage"
LOCALES = Path(__file__).with_name("locales")
MINUS = "\u2212"
"""The minus sign French writes before a negative number (not the hyphen)."""

_ACCEPT_ITEM = re.compile(
    r"^\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$"
)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "translate later"
    """Mark ``message`` for the catalog without translating it now (a constant's label)."""
    return message


def negotiate(accept_language: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """The best of :data:`LANGUAGES` for an HTTP ``Accept-Language`` header, else ``default``."""
    best, best_q = default, 0.0
    for item in (accept_language or "")[:1000].split(","):
        match = _ACCEPT_ITEM.match(item)
        if not match:
            continue
        language = match.group(1).lower()
        try:
            quality = float(match.group(2)) if match.group(2) else 1.0
        except ValueError:
            continue
        if language in LANGUAGES and quality > best_q:
            best, best_q = language, quality
    return best


def supported(language: str | None) -> str:
    """``language`` if Maillage speaks it (``"fr-FR"`` counts as ``"fr"``), else the default."""
    code = (language or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Translator:
    """Messages, numbers and dates for one language."""

    language: str
    messages: dict[str, str | tuple[str, ...]] = field(default_factory=dict, repr=False)

    def gettext(self, message: str) -> str:
        """``message`` in this language (the English text when it has no translation)."""
        found = self.messages.get(message)
        return found if isinstance(found, str) and found else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural form for ``n`` (French: 0 and 1 are singular)."""
        forms = self.messages.get(singular)
        one = n in (0, 1) if self.language == "fr" else n == 1
        if isinstance(forms, tuple) and len(forms) >= 2 and all(forms):
            return forms[0] if one else forms[1]
        return singular if one else plural

    def number(self, value: float | None, decimals: int = 2) -> str:
        """``value`` with ``decimals`` digits and the locale's separators; ``n/a`` when missing.

        >>> translator("fr").number(-2.2491, 3), translator("en").number(-2.2491, 3)
        ('\u22122,249', '-2.249')
        """
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            return self.gettext("n/a")
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
        text = format_decimal(value, format=pattern, locale=self.language)
        # French typesets the minus sign (U+2212), not the hyphen Babel writes.
        return text.replace("-", MINUS) if self.language == "fr" else text

    def integer(self, value: int | None) -> str:
        """A whole number with the locale's grouping."""
        return self.number(value, 0)

    def percent(self, share: float | None, decimals: int = 0) -> str:
        """``share`` (0..1) as a percentage: ``38 %`` in French, ``38%`` in English."""
        if share is None or not math.isfinite(share):
            return self.gettext("n/a")
        text = self.number(share * 100, decimals)
        return f"{text}\u202f%" if self.language == "fr" else f"{text}%"

    def date(self, value: date | None) -> str:
        """A date as people write it (``2 déc. 2026``, ``Dec 2, 2026``); empty when missing."""
        return format_date(value, format="medium", locale=self.language) if value else ""


@lru_cache(maxsize=len(LANGUAGES))
def translator(language: str | None = None) -> Translator:
    """The translator of ``language`` (any tag; unknown ones get the default language)."""
    code = supported(language)
    return Translator(code, _catalog(code))


def _catalog(language: str) -> dict[str, str | tuple[str, ...]]:
    path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == "en" or not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            messages[message.id[0]] = tuple(message.string)
        else:
            messages[message.id] = message.string
    return messages
