"""The Introductions page: record an introduction, follow it up, see the funnel.

The facilitator's second verb, *connect*: "I made this introduction" records
it (from the Gaps page's suggestions or by hand), the follow-up list shows
where each one stands and what is due, and each one moves on until it becomes
a partnership (which creates the tie) or is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlencode

import plotly.graph_objects as go
from dash.exceptions import PreventUpdate

from ...graph.introductions import Status
from ...graph.model import fold
from ...reports.figures import base_layout, empty_figure
from ...reports.i18n import N_, Translator, translator
from ...reports.labels import sector_label
from .. import ids
from ..sources import Source, Sources
from .formatting import day
from .guard import NothingToShow, guarded, require_territory

#: The statuses a facilitator moves an introduction to, in the order she meets them.
MOVES: tuple[Status, ...] = (Status.MADE, Status.MET, Status.PARTNERSHIP, Status.DROPPED)
STATUS_LABELS: Mapping[str, str] = {
    "proposed": N_("proposed"),
    "made": N_("made"),
    "met": N_("met"),
    "partnership": N_("partnership"),
    "dropped": N_("dropped"),
}
"""Each status's English label (people read ``t.gettext``)."""
FUNNEL_STEPS = ("made", "met", "partnership")
FUNNEL_HEIGHT = 300
TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "#"),
    ("status", N_("Status")),
    ("source", N_("From")),
    ("target", N_("To")),
    ("via", N_("Via")),
    ("made", N_("Made on")),
    ("changed", N_("Last change")),
    ("follow_up", N_("Follow up")),
    ("note", N_("Last note")),
)


# ---------------------------------------------------------------------------
# Pure presenters


def prefill(search: str | None) -> tuple[str | None, str | None]:
    """The two actors a link such as ``?from=a1&to=b2`` asks to record.

    >>> prefill("?from=a1&to=b2"), prefill(None)
    (('a1', 'b2'), (None, None))
    """
    query = parse_qs((search or "").lstrip("?"))
    return (query.get("from") or [None])[0], (query.get("to") or [None])[0]


def record_href(source: str | None, target: str | None) -> str:
    """The Introductions page's address with the two actors pre-selected.

    >>> record_href("a1", "b 2")
    '/introductions?from=a1&to=b+2'
    """
    return "/introductions?" + urlencode({"from": source or "", "to": target or ""})


def status_options(
    include_all: bool = False,
    t: Translator | None = None,
    statuses: Sequence[Status] = tuple(Status),
) -> list[dict[str, str]]:
    """Options of a status dropdown (``All`` first for the filter)."""
    t = t or translator()
    options = [{"label": t.gettext(STATUS_LABELS[s.value]), "value": s.value} for s in statuses]
    return [{"label": t.gettext("All"), "value": ""}, *options] if include_all else options


def introduction_rows(
    records: Sequence[Mapping[str, Any]], today: date, t: Translator | None = None
) -> list[dict[str, Any]]:
    """Rows of the follow-up table: names, where it stands, what happened last.

    ``due`` is true for an open introduction whose follow-up date has come. Dates read
    as the reader writes them (ISO in English), so the table cannot sort them as text:
    the rows come in the order of :func:`follow_up_order`, and the table does not sort.
    """
    t = t or translator()
    rows = []
    for record in sorted(records, key=lambda r: follow_up_order(r, today)):
        history = record["history"]
        notes = [step["note"] for step in history if step.get("note")]
        made = next((s["date"] for s in history if s["status"] != "proposed"), "")
        follow_up = record.get("follow_up") or ""
        rows.append(
            {
                "id": record["id"],
                "status": t.gettext(STATUS_LABELS[record["status"]]),
                "source": record.get("source_name", record["source"]),
                "target": record.get("target_name", record["target"]),
                "via": ", ".join(record.get("via_names") or record.get("via") or []),
                "made": day(made, t),
                "changed": day(history[-1]["date"], t),
                "follow_up": day(follow_up, t),
                "note": notes[-1] if notes else "",
                "due": is_due(record, today),
            }
        )
    return rows


def is_due(record: Mapping[str, Any], today: date) -> bool:
    """Whether an open introduction's follow-up date has come."""
    follow_up = record.get("follow_up") or ""
    open_ = record["status"] not in ("partnership", "dropped")
    return bool(open_ and follow_up and follow_up <= today.isoformat())


def follow_up_order(record: Mapping[str, Any], today: date) -> tuple[Any, ...]:
    """Where an introduction comes in the table: what to do next first.

    The follow-ups due (the oldest first), then the other open introductions (the nearest
    follow-up first, those without one last), then the closed ones, the last changed first.

    >>> def intro(id, status, follow_up, changed):
    ...     return {"id": id, "status": status, "follow_up": follow_up,
    ...             "history": [{"status": status, "date": changed}]}
    >>> records = [intro("1", "partnership", None, "2026-02-01"),
    ...            intro("2", "made", "2026-05-01", "2026-01-10"),
    ...            intro("3", "met", "2026-02-15", "2026-01-20"),
    ...            intro("4", "made", None, "2026-01-05"),
    ...            intro("5", "dropped", None, "2026-02-20")]
    >>> [r["id"] for r in sorted(records, key=lambda r: follow_up_order(r, date(2026, 3, 1)))]
    ['3', '2', '4', '5', '1']
    """
    follow_up = record.get("follow_up") or ""
    changed = date.fromisoformat(record["history"][-1]["date"][:10]).toordinal()
    if is_due(record, today):
        return (0, follow_up, 0, str(record["id"]))
    if record["status"] not in ("partnership", "dropped"):
        return (1, follow_up or "~", -changed, str(record["id"]))
    return (2, "", -changed, str(record["id"]))


def table_columns(t: Translator | None = None) -> list[dict[str, str]]:
    t = t or translator()
    return [{"id": key, "name": t.gettext(label)} for key, label in TABLE_COLUMNS]


def due_styles() -> list[dict[str, Any]]:
    """DataTable conditional styles: due follow-ups stand out."""
    return [
        {
            "if": {"filter_query": "{due} eq True"},
            "backgroundColor": "#fff4e5",
            "fontWeight": "bold",
        }
    ]


def funnel_figure(counts: Mapping[str, Any] | None, t: Translator | None = None) -> go.Figure:
    """Made → met → partnership as a funnel, dropped in the title.

    Without an introduction made (none recorded, or only proposed ones) there is no
    funnel to draw: the chart says so in words instead of showing empty axes.
    """
    t = t or translator()
    values = [counts[s] for s in FUNNEL_STEPS] if counts else []
    if not any(values):
        if counts:
            message, title = t.gettext("No introduction made yet"), funnel_text(counts, t)
        else:
            message, title = funnel_text(counts, t), None
        return go.Figure(empty_figure(message, FUNNEL_HEIGHT, title=title, t=t))
    first = values[0] or None
    shares = [t.percent(v / first) if first else "" for v in values]
    figure = go.Figure(
        go.Funnel(
            y=[t.gettext(STATUS_LABELS[s]) for s in FUNNEL_STEPS],
            x=values,
            # plotly's "percent initial" writes "100%"; the reader's language writes it here
            text=[f"{t.integer(v)}<br>{share}" for v, share in zip(values, shares, strict=True)],
            textinfo="text",
            marker={"color": ["#4c78a8", "#72b7b2", "#54a24b"]},
        )
    )
    figure.update_layout(
        base_layout(
            FUNNEL_HEIGHT,
            t=t,
            title=funnel_text(counts, t),
            margin={"l": 10, "r": 10, "t": 10, "b": 10},
            template="plotly_white",
        )
    )
    return figure


def funnel_text(counts: Mapping[str, Any] | None, t: Translator | None = None) -> str:
    """The funnel in one line.

    >>> en, fr = translator("en"), translator("fr")
    >>> counts = {"made": 4, "met": 3, "partnership": 2, "dropped": 1, "open": 1, "days": 45.5}
    >>> funnel_text(counts, en)
    '4 made, 3 met, 2 partnerships, 1 dropped, 1 open; 45.5 days from made to partnership (median)'
    >>> first, then = funnel_text(counts, fr).split("\\u202f; ")
    >>> first.split(", ")[:2]
    ['faites\\u202f: 4', 'rencontres\\u202f: 3']
    >>> then
    '45,5 jours de la mise en relation au partenariat (médiane)'
    >>> funnel_text(None, en)
    'No introduction recorded yet'
    """
    t = t or translator()
    if not counts:
        return t.gettext("No introduction recorded yet")
    n = counts["partnership"]
    partnerships = t.ngettext("{n} partnership", "{n} partnerships", n).format(n=t.integer(n))
    text = t.gettext("{made} made, {met} met, {partnerships}, {dropped} dropped, {open} open")
    text = text.format(
        made=t.integer(counts["made"]),
        met=t.integer(counts["met"]),
        partnerships=partnerships,
        partnership=t.integer(n),
        dropped=t.integer(counts["dropped"]),
        open=t.integer(counts["open"]),
    )
    days = counts.get("days")
    if days is not None:
        shown = t.number(days, 0 if float(days).is_integer() else 1)
        text += t.gettext("; {days} days from made to partnership (median)").format(days=shown)
    return text


def actor_choices(network: Any, t: Translator | None = None) -> list[dict[str, str]]:
    """Dropdown options for the territory's actors: ``Name (sector)``, by name, the sector
    in ``t``'s language; the browser filters them on their folded name and id (``search``)."""
    actors = sorted(network.actors, key=lambda a: (a.name.casefold(), a.id))
    return [
        {
            "label": f"{a.name} ({sector_label(a.sector, t)})",
            "value": a.id,
            "search": f"{fold(a.name)} {fold(a.id)}",
        }
        for a in actors
    ]


def parse_day(value: str | None, today: date) -> date:
    """The date picked in the form (ISO), today without one."""
    return date.fromisoformat(value[:10]) if value else today


# ---------------------------------------------------------------------------
# Views


@guarded(list, go.Figure)
def follow_up_view(
    source: Source,
    territory: str | None,
    status: str | None,
    due_only: bool,
    today: date,
    t: Translator | None = None,
) -> tuple[list[dict[str, Any]], go.Figure]:
    """The follow-up table and the funnel of ``territory``, in ``t``'s language."""
    t = t or translator()
    territory = require_territory(territory, t)
    found = source.introductions(
        territory, status=Status(status) if status else None, due=today if due_only else None
    )
    rows = introduction_rows(source.introduction_records(found), today, t)
    return rows, funnel_figure(source.introduction_funnel(territory).get(territory), t)


@guarded(list, list, list, lambda: None, lambda: None)
def form_view(
    source: Source, territory: str | None, search: str | None, t: Translator | None = None
) -> tuple[list, list, list, str | None, str | None]:
    """The actors to choose from (for each picker), the two a link asked for pre-selected.

    Every picker gets its options with the values, so that no value ever
    arrives before the option it names.
    """
    territory = require_territory(territory, t)
    choices = actor_choices(source.network(territory), t)
    known = {c["value"] for c in choices}
    first, second = prefill(search)
    first, second = (first if first in known else None), (second if second in known else None)
    return choices, choices, choices, first, second


def editing_style(sources: Sources) -> dict[str, str]:
    """Forms are shown to roles that may write, hidden from the others."""
    return {} if sources.may_write() else {"display": "none"}


def _record(sources: Sources, territory: str | None, fields: Mapping[str, Any], today: date):
    writer, user = sources.writer()
    t = sources.translator()
    territory = require_territory(territory, t)
    introduction = writer.add_introduction(
        territory,
        fields.get("source") or "",
        fields.get("target") or "",
        via=tuple(fields.get("via") or ()),
        day=parse_day(fields.get("date"), today),
        note=fields.get("note") or None,
        follow_up=parse_day(fields["follow_up"], today) if fields.get("follow_up") else None,
        status=Status.PROPOSED if fields.get("proposed") else Status.MADE,
        user=user,
    )
    status = t.gettext(STATUS_LABELS[introduction.status])
    message = t.gettext("Introduction {id} recorded ({status}).")
    return introduction, message.format(id=introduction.id, status=status)


def _move(
    sources: Sources,
    rows: Sequence[Mapping[str, Any]] | None,
    selected: Sequence[int] | None,
    fields: Mapping[str, Any],
    today: date,
):
    t = sources.translator()
    if not rows or not selected or not fields.get("status"):
        raise NothingToShow(
            t.gettext("Pick an introduction in the list and the status it reached.")
        )
    writer, user = sources.writer()
    moved = writer.update_introduction(
        rows[selected[0]]["id"],
        Status(fields["status"]),
        day=parse_day(fields.get("date"), today),
        note=fields.get("note") or None,
        follow_up=parse_day(fields["follow_up"], today) if fields.get("follow_up") else None,
        user=user,
    )
    message = t.gettext("Introduction {id} is now {status}.").format(
        id=moved.id, status=t.gettext(STATUS_LABELS[moved.status])
    )
    if moved.status == Status.PARTNERSHIP:
        message += t.gettext(" The partnership tie is on the network.")
    return moved, message


@guarded(lambda: None, lambda: None)
def write_view(
    sources: Sources,
    trigger: str | None,
    territory: str | None,
    record: Mapping[str, Any],
    move: Mapping[str, Any],
    rows: Sequence[Mapping[str, Any]] | None,
    selected: Sequence[int] | None,
    today: date,
) -> tuple[str, str]:
    """Record (``trigger`` is the record button) or move on (the move button).

    Returns a token that changes with every write (it refreshes the list) and
    the message saying what was done. The writer is refused for roles that
    may only read, whatever the browser sent.
    """
    if trigger == ids.INTRO_RECORD:
        done, message = _record(sources, territory, record, today)
    elif trigger == ids.INTRO_MOVE:
        done, message = _move(sources, rows, selected, move, today)
    else:
        raise PreventUpdate
    return f"{done.id}:{len(done.history)}:{done.status}", message
