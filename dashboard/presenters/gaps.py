"""The Gaps page: sector heatmap, gaps, fragile bridges and suggested introductions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html
from dash.exceptions import PreventUpdate

from ...reports.figures import mixing_heatmap
from .. import ids
from ..sources import Source
from . import view_state
from .formatting import number, sector_badge
from .guard import guarded, require_territory
from .introductions import record_href

BRIDGES_SHOWN = 5


# ---------------------------------------------------------------------------
# Gaps


def gap_heatmap(gaps: Mapping[str, Any]) -> go.Figure:
    """Sector × sector heatmap of z-scores: the reports' :func:`mixing_heatmap`."""
    title = "Ties between sectors: observed (expected); colour = z-score"
    return go.Figure(mixing_heatmap(gaps, title=title))


def _names(refs: Iterable[Any]) -> str:
    parts = []
    for ref in refs:
        if isinstance(ref, Mapping):
            parts.append(f"{ref.get('name', ref.get('id'))} ({ref.get('sector', '?')})")
        else:
            parts.append(str(ref))
    return ", ".join(parts)


def gap_items(gaps: Mapping[str, Any]) -> list[Any]:
    """The sector pairs with fewer ties than expected, and who bridges them."""
    items = []
    for gap in gaps.get("gaps", []):
        a, b = (list(gap.get("sectors", [])) + ["?", "?"])[:2]
        bridges = gap.get("bridges", [])
        count = max(int(gap.get("bridge_count") or 0), len(bridges))
        shown = _names(bridges[:BRIDGES_SHOWN])
        if count > BRIDGES_SHOWN:
            shown += f" and {count - BRIDGES_SHOWN:,} more"
        text = [
            html.Strong(f"{a} ↔ {b}"),
            f": {number(gap.get('observed'))} ties observed, {number(gap.get('expected'))} "
            f"expected (z = {number(gap.get('z'))}). ",
            f"Bridges: {shown}." if bridges else "No actor bridges them.",
        ]
        if gap.get("fragile"):
            text.append(html.Span(" fragile", className="badge-warning"))
        items.append(html.Li(text))
    if not items:
        return [html.P("No sector pair has markedly fewer ties than expected.")]
    return [html.Ul(items, className="gap-list")]


def _pairs_text(pairs: Iterable[Sequence[str]]) -> str:
    return ", ".join(" ↔ ".join(str(s) for s in pair) for pair in pairs)


def fragile_items(gaps: Mapping[str, Any]) -> list[Any]:
    """The actors and ties whose loss would cut two sectors apart."""
    items = []
    for entry in gaps.get("fragile_bridges", []):
        cut = _pairs_text(entry.get("disconnects", []))
        if entry.get("type") == "tie":
            ends = _names([entry.get("source", {}), entry.get("target", {})]).replace(", ", " – ")
            items.append(html.Li([html.Strong("tie " + ends), f": losing it would cut {cut}"]))
        else:
            who = _names([entry])
            items.append(html.Li([html.Strong(who), f": losing it would cut {cut}"]))
    if not items:
        return [html.P("No actor or tie alone holds two sectors together.")]
    return [html.Ul(items, className="fragile-list")]


def introduction_items(gaps: Mapping[str, Any]) -> list[Any]:
    """The ranked suggested introductions, each with its reason and a "show" button."""
    cards = []
    for i, intro in enumerate(gaps.get("introductions", [])):
        source, target = intro.get("source", {}), intro.get("target", {})
        shared = intro.get("shared_partners") or []
        details = [f"score {number(intro.get('score'))}"]
        if intro.get("distance") is not None:
            details.append(f"{number(intro.get('distance'))} steps apart")
        if shared:
            details.append("shared partners: " + ", ".join(str(s) for s in shared))
        cards.append(
            html.Li(
                [
                    html.Div(
                        [
                            html.Strong(str(source.get("name", source.get("id")))),
                            " ",
                            sector_badge(source.get("sector")),
                            " ↔ ",
                            html.Strong(str(target.get("name", target.get("id")))),
                            " ",
                            sector_badge(target.get("sector")),
                        ]
                    ),
                    html.Div(str(intro.get("reason", "")), className="reason"),
                    html.Div(" · ".join(details), className="small text-muted"),
                    dbc.Button(
                        "Show in the network",
                        id=ids.introduction(i),
                        size="sm",
                        color="secondary",
                        outline=True,
                        className="mt-1",
                    ),
                    dcc.Link(
                        "I made this introduction",
                        href=record_href(source.get("id"), target.get("id")),
                        className="btn btn-sm btn-outline-primary mt-1 ms-2 record-introduction",
                    ),
                ],
                className="introduction",
            )
        )
    if not cards:
        return [html.P("No introduction to suggest.")]
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


@guarded(go.Figure, list, list, list)
def gaps_view(source: Source, territory: str | None) -> tuple[go.Figure, list, list, list]:
    """Heatmap, gap list, fragile bridges and introductions (+ alert)."""
    territory = require_territory(territory)
    gaps = source.gaps(territory)
    return gap_heatmap(gaps), gap_items(gaps), fragile_items(gaps), introduction_items(gaps)


def introduction_view(
    source: Source, territory: str | None, trigger: Any, clicks: Sequence
) -> tuple[str, str]:
    """Focus both actors of a suggested introduction and open the network."""
    if not territory:
        raise PreventUpdate
    return focus_from_introduction(source.gaps(territory), clicks, trigger, territory)
