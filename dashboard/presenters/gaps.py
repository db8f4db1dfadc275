"""The Gaps page: sector heatmap, gaps, fragile bridges and suggested introductions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html
from dash.exceptions import PreventUpdate

from ...reports.figures import mixing_heatmap
from ...reports.i18n import Translator, translator
from ...reports.labels import readable, sector_label
from ...reports.reasons import reason_in
from .. import ids
from ..sources import Source
from . import view_state
from .brokers import method_details
from .formatting import sector_badge
from .guard import guarded, require_territory
from .introductions import record_href

BRIDGES_SHOWN = 5


# ---------------------------------------------------------------------------
# Gaps


def gap_heatmap(gaps: Mapping[str, Any], t: Translator | None = None) -> go.Figure:
    """Sector × sector heatmap of z-scores: the reports' :func:`mixing_heatmap`."""
    t = t or translator()
    title = t.gettext("Ties between sectors: observed (expected); colour = z-score")
    return go.Figure(mixing_heatmap(gaps, title=title, t=t))


def _names(refs: Iterable[Any], t: Translator | None = None) -> str:
    parts = []
    for ref in refs:
        if isinstance(ref, Mapping):
            sector = sector_label(ref["sector"], t) if ref.get("sector") else "?"
            parts.append(f"{ref.get('name', ref.get('id'))} ({sector})")
        else:
            parts.append(str(ref))
    return ", ".join(parts)


def gap_items(gaps: Mapping[str, Any], t: Translator | None = None) -> list[Any]:
    """The sector pairs with fewer ties than expected, and who bridges them."""
    t = t or translator()
    items = []
    for gap in gaps.get("gaps", []):
        a, b = (list(gap.get("sectors", [])) + ["?", "?"])[:2]
        bridges = gap.get("bridges", [])
        count = max(int(gap.get("bridge_count") or 0), len(bridges))
        shown = _names(bridges[:BRIDGES_SHOWN], t)
        if count > BRIDGES_SHOWN:
            more = t.integer(count - BRIDGES_SHOWN)
            shown += t.gettext(" and {count} more").format(count=more)
        counts = t.ngettext(
            ": {observed} tie observed, {expected} expected (z = {z}). ",
            ": {observed} ties observed, {expected} expected (z = {z}). ",
            int(gap.get("observed") or 0),
        )
        text = [
            html.Strong(f"{sector_label(a, t)} ↔ {sector_label(b, t)}"),
            counts.format(
                observed=readable(gap.get("observed"), t),
                expected=readable(gap.get("expected"), t),
                z=readable(gap.get("z"), t),
            ),
            t.gettext("Bridges: {names}.").format(names=shown)
            if bridges
            else t.gettext("No actor bridges them."),
        ]
        if gap.get("fragile"):
            text.append(html.Span(" " + t.gettext("fragile"), className="badge-warning"))
        items.append(html.Li(text))
    if not items:
        return [html.P(t.gettext("No sector pair has markedly fewer ties than expected."))]
    return [html.Ul(items, className="gap-list")]


def _pairs_text(pairs: Iterable[Sequence[str]], t: Translator | None = None) -> str:
    return ", ".join(" ↔ ".join(sector_label(s, t) for s in pair) for pair in pairs)


def fragile_items(gaps: Mapping[str, Any], t: Translator | None = None) -> list[Any]:
    """The actors and ties whose loss would cut two sectors apart."""
    t = t or translator()
    items = []
    for entry in gaps.get("fragile_bridges", []):
        cut = t.gettext(": losing it would cut {pairs}").format(
            pairs=_pairs_text(entry.get("disconnects", []), t)
        )
        if entry.get("type") == "tie":
            ends = _names([entry.get("source", {}), entry.get("target", {})], t)
            ends = ends.replace(", ", " – ")
            tie = t.ngettext("tie", "ties", 1)
            items.append(html.Li([html.Strong(f"{tie} {ends}"), cut]))
        else:
            items.append(html.Li([html.Strong(_names([entry], t)), cut]))
    if not items:
        return [html.P(t.gettext("No actor or tie alone holds two sectors together."))]
    return [html.Ul(items, className="fragile-list")]


def introduction_items(gaps: Mapping[str, Any], t: Translator | None = None) -> list[Any]:
    """The ranked suggested introductions, each with its reason and a "show" button."""
    t = t or translator()
    cards = []
    for i, intro in enumerate(gaps.get("introductions", [])):
        source, target = intro.get("source", {}), intro.get("target", {})
        shared = intro.get("shared_partners") or []
        details = [t.gettext("score {score}").format(score=readable(intro.get("score"), t))]
        if intro.get("distance") is not None:
            steps = readable(intro.get("distance"), t)
            details.append(t.gettext("{steps} steps apart").format(steps=steps))
        if shared:
            names = ", ".join(str(s) for s in shared)
            details.append(t.gettext("shared partners: {names}").format(names=names))
        cards.append(
            html.Li(
                [
                    html.Div(
                        [
                            html.Strong(str(source.get("name", source.get("id")))),
                            " ",
                            sector_badge(source.get("sector"), t),
                            " ↔ ",
                            html.Strong(str(target.get("name", target.get("id")))),
                            " ",
                            sector_badge(target.get("sector"), t),
                        ]
                    ),
                    html.Div(reason_in(intro, t), className="reason"),
                    html.Div(" · ".join(details), className="small text-muted"),
                    dbc.Button(
                        t.gettext("Show in the network"),
                        id=ids.introduction(i),
                        size="sm",
                        color="secondary",
                        outline=True,
                        className="mt-1",
                    ),
                    dcc.Link(
                        t.gettext("I made this introduction"),
                        href=record_href(source.get("id"), target.get("id")),
                        className="btn btn-sm btn-outline-primary mt-1 ms-2 record-introduction",
                    ),
                ],
                className="introduction",
            )
        )
    if not cards:
        return [html.P(t.gettext("No introduction to suggest."))]
    return [html.Ol(cards, className="introductions")]


def focus_from_introduction(
    gaps: Mapping[str, Any],
    clicks: Sequence[int | None],
    trigger: Any,
    territory: str | None = None,
) -> tuple[str, str]:
    """The Explore page's address with both actors of the clicked introduction as path ends.

    The address names ``territory`` too, so that the link works when shared.
    """
    if not isinstance(trigger, Mapping) or not any(clicks or ()):
        raise PreventUpdate
    intros = gaps.get("introductions", [])
    index = trigger.get("index")
    if not isinstance(index, int) or not 0 <= index < len(intros):
        raise PreventUpdate
    source, target = intros[index]["source"], intros[index]["target"]
    state = view_state.ViewState(territory=territory, source=source["id"], target=target["id"])
    return "/", view_state.query(state)


def method_items(gaps: Mapping[str, Any], t: Translator | None = None) -> list[Any]:
    """How the gaps were found, rule by rule, in a fold-out (nothing without a method)."""
    method = gaps.get("method")
    details = method_details(method, t) if isinstance(method, Mapping) else None
    return [] if details is None else [details]


@guarded(go.Figure, list, list, list, list)
def gaps_view(
    source: Source, territory: str | None, t: Translator | None = None
) -> tuple[go.Figure, list, list, list, list]:
    """Heatmap, gap list, fragile bridges, introductions and the method (+ alert), in
    ``t``'s language."""
    t = t or translator()
    territory = require_territory(territory, t)
    gaps = source.gaps(territory)
    return (
        gap_heatmap(gaps, t),
        gap_items(gaps, t),
        fragile_items(gaps, t),
        introduction_items(gaps, t),
        method_items(gaps, t),
    )


def introduction_view(
    source: Source, territory: str | None, trigger: Any, clicks: Sequence
) -> tuple[str, str]:
    """Focus both actors of a suggested introduction and open the network."""
    if not territory:
        raise PreventUpdate
    return focus_from_introduction(source.gaps(territory), clicks, trigger, territory)
