"""Parsers of single cell values: dates, weights, coordinates, booleans.

Each parser takes the stripped text of one cell and returns a value or
raises ``ValueError`` whose message is the ``message`` part of a
``file:line: column: message`` problem.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from ..graph.problem_text import (
    BAD_DATE,
    BAD_DIRECTED,
    BAD_LATITUDE,
    BAD_LONGITUDE,
    BAD_WEIGHT,
    render,
)

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters that XML 1.0 (so GEXF, GraphML and Excel files) cannot hold, even escaped."""

TRUE_WORDS = frozenset({"true", "yes", "y", "1", "oui", "vrai"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "non", "faux", ""})


def parse_date(raw: str, fmt: str | None = None) -> date:
    """Parse an ISO 8601 date (or datetime), or ``raw`` in the strptime format ``fmt``.

    ISO is accepted even with ``fmt``: spreadsheet cells typed as dates
    arrive in ISO form.

    >>> parse_date("2021-03-04"), parse_date("04.03.2021 00:00", "%d.%m.%Y %H:%M")
    (datetime.date(2021, 3, 4), datetime.date(2021, 3, 4))
    """
    if fmt:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            pass
    try:
        return date.fromisoformat(raw)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw).date()
    except ValueError:
        expected = fmt or "YYYY-MM-DD"
        raise ValueError(render(BAD_DATE, value=repr(raw), expected=expected)) from None


def parse_number(raw: str) -> float:
    """A finite decimal number; a decimal comma is accepted when there is no point."""
    text = raw.replace(",", ".") if "," in raw and "." not in raw else raw
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(raw)
    return value


def parse_weight(raw: str) -> float:
    """A tie weight: a number > 0.

    >>> parse_weight("2,5")
    2.5
    """
    try:
        value = parse_number(raw)
    except ValueError:
        value = math.nan
    if not value > 0:
        raise ValueError(render(BAD_WEIGHT, value=repr(raw)))
    return value


def parse_latitude(raw: str) -> float:
    return _coordinate(raw, "latitude", 90.0)


def parse_longitude(raw: str) -> float:
    return _coordinate(raw, "longitude", 180.0)


def _coordinate(raw: str, what: str, bound: float) -> float:
    try:
        value = parse_number(raw)
    except ValueError:
        value = math.nan
    if not -bound <= value <= bound:
        template = BAD_LATITUDE if what == "latitude" else BAD_LONGITUDE
        raise ValueError(render(template, low=f"{-bound:g}", high=f"{bound:g}", value=repr(raw)))
    return value


def parse_bool(raw: str) -> bool:
    """``true``/``false`` (also yes/no, 1/0, oui/non, vrai/faux; blank is false)."""
    key = raw.strip().casefold()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise ValueError(render(BAD_DIRECTED, value=repr(raw)))


def format_number(value: float) -> str:
    """Shortest text of a number, without a useless ``.0``.

    >>> format_number(2.0), format_number(0.25)
    ('2', '0.25')
    """
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
