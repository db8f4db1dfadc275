"""How values read on every page: numbers, dates, sector badges."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from dash import html

from .. import style


def number(value: Any) -> str:
    """A measure as a reader wants to see it.

    >>> number(3), number(0.41234), number(None), number(1234.5)
    ('3', '0.412', '–', '1,234.5')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) >= 1:
            return f"{int(value):,}"
        return f"{value:,.1f}" if abs(value) >= 100 else f"{value:.3f}"
    return str(value)


def year_of(value: Any) -> int | None:
    """The year of a date, an ISO date string, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.year
    try:
        return int(str(value)[:4])
    except ValueError:
        return None


def iso(value: Any) -> str | None:
    """An ISO date string for a date or a string, None for nothing."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def parse_as_of(value: str | None) -> date | None:
    """The ``as_of`` date kept in the browser as an ISO string."""
    return date.fromisoformat(value) if value else None


def sector_badge(sector: str | None) -> html.Span:
    colour = style.sector_colour(sector)
    return html.Span(
        sector or "unknown",
        className="sector-badge",
        style={"backgroundColor": colour, "color": "#000" if sector == "funder" else "#fff"},
    )
