"""The Brokers page: the table of measures, the top-brokers chart, the report download."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
from dash import html, no_update
from dash.exceptions import PreventUpdate

from ...graph.model import fold
from ...graph.vocabulary import (
    ACTOR_MEASURES,
    ACTOR_METRICS,
    ROLE,
    ROLE_LIST,
    ROLES,
)
from ...reports import MEDIA_TYPES, filename, render
from ...reports.figures import measure_bars, measure_name
from ...reports.i18n import N_, Translator, translator
from ...reports.labels import sector_label
from ...reports.method_words import method_label, method_words
from .. import menus
from ..sources import Source
from .formatting import day, numeric_format
from .guard import guarded, require_territory

TOP_BROKERS = 15


# ---------------------------------------------------------------------------
# Brokers


BROKER_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("name", N_("Actor"), "text"),
    ("sector", N_("Sector"), "text"),
    ("community", N_("Community"), "numeric"),
    *((key, ACTOR_MEASURES[key].label, "numeric") for key in ACTOR_METRICS),
    ("brokerage", ACTOR_MEASURES["brokerage"].label, "numeric"),
    *((role.key, role.label, "numeric") for role in ROLE_LIST),
)
"""The brokers table: ``(key, English heading, DataTable type)``; measures as the registry
names them, people read ``t.gettext`` of the heading."""


def broker_columns(t: Translator | None = None) -> list[dict[str, Any]]:
    """DataTable columns of the brokers table: each measure with its decimals, grouped."""
    t = t or translator()
    columns = []
    for key, label, kind in BROKER_COLUMNS:
        column: dict[str, Any] = {"id": key, "name": t.gettext(label), "type": kind}
        if kind == "numeric":
            decimals = ACTOR_MEASURES[key].decimals if key in ACTOR_MEASURES else 0
            column["format"] = numeric_format(decimals)
        columns.append(column)
    return columns


def broker_header_tips(t: Translator | None = None) -> dict[str, str]:
    """What each measure column of the brokers table means, shown when hovering its heading."""
    t = t or translator()
    return {
        key: t.gettext(ACTOR_MEASURES[key].explanation)
        for key, _, _ in BROKER_COLUMNS
        if key in ACTOR_MEASURES
    }


def broker_rows(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One flat row per actor: measures, each brokerage role and their total."""
    rows = []
    for actor in report.get("actors", []):
        roles = actor.get("brokerage") or {}
        row = {key: actor.get(key) for key, _, _ in BROKER_COLUMNS if key in actor}
        row["id"] = actor["id"]
        row.update({role: roles.get(role, 0) for role in ROLES})
        row["brokerage"] = sum(roles.get(role, 0) for role in ROLES)
        rows.append(row)
    return sorted(rows, key=lambda r: (-(r.get("betweenness") or 0), fold(str(r.get("name")))))


def table_rows(report: Mapping[str, Any], t: Translator | None = None) -> list[dict[str, Any]]:
    """:func:`broker_rows` as the table shows them: each sector named in ``t``'s language."""
    t = t or translator()
    return [{**row, "sector": sector_label(row.get("sector"), t)} for row in broker_rows(report)]


def top_brokers_figure(
    report: Mapping[str, Any],
    measure: str | None,
    top: int = TOP_BROKERS,
    t: Translator | None = None,
) -> go.Figure:
    """Horizontal bars of the ``top`` actors by ``measure``: the reports' :func:`measure_bars`."""
    t = t or translator()
    key = measure if measure in ACTOR_MEASURES or measure in ROLE else "betweenness"
    rows = broker_rows(report)
    ranked = sorted(rows, key=lambda r: (-(r.get(key) or 0), fold(str(r.get("name")))))[:top]
    label = measure_name(key, t)[0]
    title = t.gettext("Top {count} actors by {measure}").format(
        count=len(ranked), measure=label.lower()
    )
    return go.Figure(measure_bars(ranked, key, title=title, t=t))


def method_step(key: str, value: str, t: Translator | None = None) -> str:
    """One step of the report's method, ``label: value``, in ``t``'s language.

    Each phrase of ``value`` that a method template makes is translated (its counts in
    the locale's digits); another phrase is shown as the report has it.

    >>> method_step("sector_mixing", "sector label permutation baseline, 1000 permutations",
    ...             translator("fr"))
    'Mélange des secteurs\\u202f: référence par permutation des secteurs, 1\u202f000 permutations'
    >>> method_step("betweenness", "exact; on Tuesdays", translator("fr"))
    'Intermédiarité\\u202f: exacte\\u202f; on Tuesdays'
    """
    t = t or translator()
    return t.gettext("{label}: {value}").format(
        label=method_label(key, t), value=method_words(value, t)
    )


def report_summary(report: Mapping[str, Any], t: Translator | None = None) -> list[Any]:
    """How the report was computed: size, date, variant, and the method in a fold-out."""
    t = t or translator()
    count = len(report.get("actors", []))
    parts = [f"{t.integer(count)} {t.ngettext('actor', 'actors', count)}"]
    if report.get("as_of"):
        parts.append(t.gettext("as of {date}").format(date=day(report["as_of"], t)))
    if report.get("variant"):
        parts.append(t.gettext(str(report["variant"])))
    method = report.get("method")
    method = method if isinstance(method, Mapping) else {}
    if report.get("approximate"):
        pivots = method.get("pivots", t.gettext("sampled"))
        parts.append(t.gettext("approximate: estimated from {pivots} pivots").format(pivots=pivots))
    summary: list[Any] = [html.Span(" · ".join(parts))]
    details = method_details(method, t, skip={"references", "weight", "seed", "pivots"})
    return summary if details is None else [*summary, details]


def method_details(
    method: Mapping[str, Any], t: Translator | None = None, skip: Iterable[str] = ()
) -> html.Details | None:
    """A result's method told step by step in a fold-out, None when it has no step in words.

    Only the steps written as text show (counts and settings are said in them); ``skip``
    leaves some out.
    """
    t = t or translator()
    left_out = set(skip)
    steps = [
        html.Li(method_step(key, value, t))
        for key, value in method.items()
        if key not in left_out and isinstance(value, str)
    ]
    if not steps:
        return None
    return html.Details(
        [html.Summary(t.gettext("How these are computed")), html.Ul(steps)], className="method"
    )


def download_payload(
    kind: str, data: Mapping[str, Any], fmt: str, lang: str = "en"
) -> dict[str, Any]:
    """What ``dcc.Download`` needs to save the rendered report (an HTML page in ``lang``;
    a CSV file in French Excel's dialect for a French reader, so that a double-click opens
    its numbers as numbers)."""
    dialect = "excel-fr" if lang == "fr" else "standard"
    content = render(kind, data, fmt, lang=lang, csv_dialect=dialect)
    return {
        "content": base64.b64encode(content).decode("ascii"),
        "filename": filename(kind, data, fmt),
        "type": MEDIA_TYPES.get(fmt),
        "base64": True,
    }


@guarded(list, broker_columns, go.Figure, str)
def brokers_view(
    source: Source,
    territory: str | None,
    measure: str | None,
    weighted: bool | None,
    t: Translator | None = None,
) -> tuple[list, list, go.Figure, str]:
    """Table rows and columns, top-brokers chart and summary (+ alert), in ``t``'s language."""
    t = t or translator()
    territory = require_territory(territory, t)
    report = source.report(territory, weighted=bool(weighted))
    return (
        table_rows(report, t),
        broker_columns(t),
        top_brokers_figure(report, measure, t=t),
        report_summary(report, t),
    )


@guarded(lambda: no_update)
def download_view(
    source: Source,
    territory: str | None,
    weighted: bool | None,
    trigger: Any,
    clicks: Sequence,
    t: Translator | None = None,
) -> tuple[dict[str, Any]]:
    """The brokers report rendered in the clicked format, for ``dcc.Download``."""
    if not territory or not isinstance(trigger, Mapping) or not any(clicks or ()):
        raise PreventUpdate
    fmt = trigger.get("fmt")
    if fmt not in menus.DOWNLOAD_FORMATS:
        raise PreventUpdate
    report = source.report(territory, weighted=bool(weighted))
    return (download_payload("report", report, fmt, (t or translator()).language),)
