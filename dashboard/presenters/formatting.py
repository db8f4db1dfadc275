"""How values read on every page: numbers, dates, sector badges."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import html

from ...graph.model import Sector
from ...graph.vocabulary import sector_colour
from ...reports.i18n import Translator
from ...reports.labels import readable

number = readable
"""A measure as a reader wants to see it: :func:`maillage.reports.labels.readable`."""


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


def sector_options(t: Translator) -> list[dict[str, str]]:
    """The sectors for a dropdown, in their order, each labelled in the reader's language.

    >>> from maillage.reports.i18n import translator
    >>> sector_options(translator("en"))[1]
    {'label': 'association', 'value': 'association'}
    """
    return [{"label": t.gettext(sector.value), "value": sector.value} for sector in Sector]


def sector_badge(sector: str | None) -> html.Span:
    colour = sector_colour(sector)
    return html.Span(
        sector or "unknown",
        className="sector-badge",
        style={"backgroundColor": colour, "color": "#000" if sector == "funder" else "#fff"},
    )
