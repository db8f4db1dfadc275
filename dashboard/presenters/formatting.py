"""How values read on every page: numbers, dates, sector badges."""

from __future__ import annotations

from datetime import date
from typing import Any

from dash import dcc, html

from ...graph.vocabulary import RECORD_FIELDS, SECTORS, Measure, sector_colour
from ...reports.figures import SEPARATORS
from ...reports.i18n import N_, Translator, translator
from ...reports.labels import readable, sector_label


def reader(t: Translator | None) -> Translator:
    """``t``, or English for the callers (and tests) that name no language."""
    return t or translator("en")


def number(value: Any, t: Translator | None = None) -> str:
    """A measure as a reader wants to see it, with the separators of ``t``'s language.

    As :func:`maillage.reports.labels.readable` (whole numbers without decimals, three
    decimals otherwise, one from 100 up, ``–`` for missing), in English without ``t``.

    >>> fr = translator("fr")
    >>> number(0.38), number(0.38, fr), number(1234.5, fr), number(12345, fr), number(None, fr)
    ('0.380', '0,380', '1\u202f234,5', '12\u202f345', '–')
    """
    return readable(value, None if t is None or t.language == "en" else t)


def measure_number(value: Any, measure: Measure, t: Translator | None = None) -> str:
    """``value`` of ``measure`` with the registry's decimals for it, as tables show it.

    >>> from maillage.graph.vocabulary import NETWORK_MEASURES
    >>> ei = NETWORK_MEASURES["ei_index"]
    >>> measure_number(1.0, ei), measure_number(1, ei, translator("fr")), measure_number(None, ei)
    ('1.000', '1,000', '–')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    return reader(t).number(value, measure.decimals)


def info_mark(explanation: str) -> html.Span:
    """A small ⓘ after a term: hovering it (or focusing it) shows ``explanation``."""
    return html.Span(
        "ⓘ", title=explanation, tabIndex=0, className="info-mark", **{"aria-label": explanation}
    )


def field_word(name: str, t: Translator) -> str:
    """The word for an actor's or a tie's field in ``t``'s language (the vocabulary's).

    >>> field_word("city", translator("fr")), field_word("city", translator("en"))
    ('ville', 'city')
    """
    return t.gettext(RECORD_FIELDS.get(name, name))


def iso(value: Any) -> str | None:
    """An ISO date string for a date or a string, None for nothing."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def day(value: Any, t: Translator | None = None) -> str:
    """A date (or an ISO date string) as the reader writes it; ISO in English, as always.

    >>> day("2018-12-22", translator("fr")), day(date(2018, 12, 22)), day(None, translator("fr"))
    ('22 déc. 2018', '2018-12-22', '')
    """
    if value is None or value == "":
        return ""
    if t is None or t.language == "en":
        return iso(value) or ""
    return t.date(value if isinstance(value, date) else date.fromisoformat(str(value)[:10]))


def period(since: Any, until: Any, t: Translator, forms: tuple[str, str, str]) -> str:
    """``since`` and ``until`` in words by ``forms`` (both dates, since only, until only:
    msgids with ``{since}``/``{until}``), dates as the reader writes them; '' without either.

    >>> period("2018-12-22", None, translator("en"), (" {since}-{until}", " from {since}", ""))
    ' from 2018-12-22'
    """
    since, until = day(since, t), day(until, t)
    both, since_only, until_only = forms
    if since and until:
        return t.gettext(both).format(since=since, until=until)
    if since:
        return t.gettext(since_only).format(since=since)
    if until:
        return t.gettext(until_only).format(until=until)
    return ""


def parse_as_of(value: str | None) -> date | None:
    """The ``as_of`` date kept in the browser as an ISO string."""
    return date.fromisoformat(value) if value else None


DATE_FORMATS = {"fr": "DD/MM/YYYY"}
"""How a date picker writes its date in a language (ISO, ``YYYY-MM-DD``, otherwise)."""


def date_picker(component_id: str, t: Translator | None = None) -> dcc.DatePickerSingle:
    """A date picker that speaks the reader's language: its format, week and placeholder.

    The date it gives the callbacks stays ISO (``date``); only what the reader sees changes.
    Its month and day names come from the page's date-fns locale (``assets/date_fr.js``
    gives French ones on a French page).

    >>> picker = date_picker("when", translator("fr"))
    >>> picker.display_format, picker.first_day_of_week, picker.placeholder
    ('DD/MM/YYYY', 1, 'Choisir une date')
    >>> date_picker("when", translator("en")).display_format
    'YYYY-MM-DD'
    """
    t = reader(t)
    return dcc.DatePickerSingle(
        id=component_id,
        display_format=DATE_FORMATS.get(t.language, "YYYY-MM-DD"),
        first_day_of_week=1 if t.language == "fr" else 0,
        placeholder=t.gettext("Pick a date"),
    )


def sector_options(t: Translator | None = None) -> list[dict[str, str]]:
    """The sectors for a dropdown or a checklist, in their order, each labelled in the
    reader's language (:func:`maillage.reports.labels.sector_label`); the values stay the
    sector codes.

    >>> sector_options(translator("fr"))[:2]
    [{'label': 'Entreprise', 'value': 'business'}, {'label': 'Association', 'value': 'association'}]
    """
    return [{"label": sector_label(sector, reader(t)), "value": sector} for sector in SECTORS]


def sector_badge(sector: str | None, t: Translator | None = None) -> html.Span:
    """A sector's name on its colour, in the reader's language ("unknown" when missing)."""
    colour = sector_colour(sector)
    return html.Span(
        sector_label(sector, reader(t)),
        className="sector-badge",
        style={"backgroundColor": colour, "color": "#000" if sector == "funder" else "#fff"},
    )


DROPDOWN_LABELS = {
    "select_all": N_("Select all"),
    "deselect_all": N_("Deselect all"),
    "selected_count": N_("{num_selected} selected"),
    "search": N_("Search"),
    "clear_search": N_("Clear search"),
    "clear_selection": N_("Clear selection"),
    "no_options_found": N_("No options found"),
}
"""The words a Dash dropdown writes itself (its ``labels``), in English."""


def dropdown(component_id: str, t: Translator | None = None, **props: Any) -> dcc.Dropdown:
    """A dropdown whose own words (search box, "no options", "4 selected") are the reader's.

    ``props`` are the dropdown's other props (options, value, placeholder…).

    >>> menu = dropdown("who", translator("fr"), multi=True)
    >>> menu.labels["search"], menu.labels["no_options_found"], menu.labels["selected_count"]
    ('Rechercher', 'Aucune option trouvée', 'sélection\\u202f: {num_selected}')
    """
    t = reader(t)
    labels = {key: t.gettext(text) for key, text in DROPDOWN_LABELS.items()}
    return dcc.Dropdown(id=component_id, labels=labels, **props)


def table_locale(t: Translator | None = None) -> dict[str, Any]:
    """The props that make a DataTable write numbers and its filter row in ``t``'s language.

    Spread them into every table (``DataTable(..., **table_locale(t))``); numeric columns
    take :func:`numeric_format`.

    >>> french = table_locale(translator("fr"))
    >>> french["locale_format"], french["filter_options"]
    ({'decimal': ',', 'group': '\u202f'}, {'placeholder_text': 'filtrer…'})
    """
    t = reader(t)
    decimal, group = SEPARATORS.get(t.language, ".,")
    return {
        "locale_format": {"decimal": decimal, "group": group},
        "filter_options": {"placeholder_text": t.gettext("filter…")},
    }


def numeric_format(decimals: int) -> dict[str, str]:
    """A numeric column's ``format``: thousands grouped, ``decimals`` digits, in the
    separators of the table's :func:`table_locale`.

    >>> numeric_format(3), numeric_format(0)
    ({'specifier': ',.3f'}, {'specifier': ',.0f'})
    """
    return {"specifier": f",.{decimals}f"}
