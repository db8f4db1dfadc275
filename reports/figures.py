"""The report's plotly figures, as plain figure dicts, and their HTML without plotly.js.

plotly draws text with its own small HTML dialect (``<b>``, ``<br>``, ``<a>``),
so every label taken from the data is escaped before it goes in; plotly
shows ``&lt;`` as ``<``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

from maillage.graph.vocabulary import (
    ACTOR_MEASURES,
    MIXING_MEASURES,
    ROLE,
    ROLES,
    sector_colour,
    sector_sort_key,
)

from .export_tables import mixing_cells
from .i18n import N_, Translator
from .labels import readable, sector_label, show
from .safe import finite, scalar

FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}
MODEBAR_WORDS = (
    *(N_("Download plot as a PNG"), N_("Download plot"), N_("Download plot as JSON")),
    *(N_("Zoom"), N_("Pan"), N_("Zoom in"), N_("Zoom out"), N_("Autoscale")),
    *(N_("Reset axes"), N_("Reset view"), N_("Reset views"), N_("Reset")),
    *(N_("Box Select"), N_("Lasso Select"), N_("Toggle Spike Lines")),
    *(N_("Show closest data on hover"), N_("Compare data on hover")),
    *(N_("Toggle show closest data on hover"), N_("Double-click to zoom back out")),
    *(N_("Taking snapshot - this may take a few seconds"), N_("Snapshot succeeded")),
    N_("Sorry, there was a problem downloading your image!"),
)
"""The English plotly.js writes itself (the modebar's tooltips, its download messages)."""
LABEL_LENGTH = 40
SEPARATORS = {"fr": ",\u202f"}
"""plotly's decimal and thousands separators (``layout.separators``) of a language, for
the numbers plotly writes itself (axis ticks)."""


def graph_config(t: Translator | None = None, *, responsive: bool = False) -> dict[str, Any]:
    """A graph's plotly ``config``: :data:`CONFIG`, and plotly's own words in ``t``'s language.

    ``responsive`` lets plotly size the figure to its box (the map, which fills its page);
    without it the figure keeps its layout's height, so that it never spills over what
    follows it on the page.

    plotly.js ships English only; the other languages' words come from the catalog as a
    plotly locale given in the config itself (nothing to load, so it works offline).

    >>> from .i18n import translator
    >>> french = graph_config(translator("fr"))
    >>> french["locale"], french["locales"]["fr"]["dictionary"]["Zoom"]
    ('fr', 'Zoom')
    >>> french["locales"]["fr"]["dictionary"]["Download plot as a PNG"]
    'Télécharger le graphique en PNG'
    >>> graph_config()["displaylogo"], "locale" in graph_config()
    (False, False)
    >>> graph_config()["responsive"], graph_config(responsive=True)["responsive"]
    (False, True)
    """
    config = {**CONFIG, "responsive": responsive}
    if t is None or t.language == "en":
        return config
    words = {english: t.gettext(english) for english in MODEBAR_WORDS}
    return {**config, "locale": t.language, "locales": {t.language: {"dictionary": words}}}


# Diverging, colour-blind-safe (ColorBrewer RdBu): red for fewer ties than expected, blue for more.
GAP_SCALE = [
    [0.0, "#b2182b"],
    [0.25, "#ef8a62"],
    [0.45, "#fddbc7"],
    [0.5, "#f7f7f7"],
    [0.55, "#d1e5f0"],
    [0.75, "#67a9cf"],
    [1.0, "#2166ac"],
]


def label_text(value: Any, length: int = LABEL_LENGTH) -> str:
    """A data label for plotly: shortened to ``length`` characters, then escaped."""
    text = show(value)
    if len(text) > length:
        text = text[: length - 1] + "…"
    return html.escape(text, quote=True)


def compact(value: Any) -> str:
    """A number with at most 2 decimals and no trailing zeros: ``1.33``, ``0.5``, ``3``.

    >>> compact(1.3333), compact(0.5), compact(3), compact(None)
    ('1.33', '0.5', '3', '—')
    """
    value = number(value)
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def number(value: Any) -> float | None:
    value = finite(scalar(value))
    return None if value is None or isinstance(value, bool) else float(value)


def locale_layout(t: Translator | None) -> dict[str, Any]:
    """The layout keys that make plotly write numbers in ``t``'s language (``separators``).

    Every figure gets them through :func:`base_layout`.

    >>> from maillage.reports.i18n import translator
    >>> locale_layout(translator("fr")), locale_layout(translator("en")), locale_layout(None)
    ({'separators': ',\u202f'}, {}, {})
    """
    if t is not None and t.language in SEPARATORS:
        return {"separators": SEPARATORS[t.language]}
    return {}


def share_axis(t: Translator | None = None) -> dict[str, Any]:
    """An axis of shares (0 to 1) written as percentages: ``40%``, in French ``40 %``.

    plotly's own percent format cannot put French's narrow space before ``%``, so other
    languages get the ticks written by :meth:`Translator.percent`.

    >>> from .i18n import translator
    >>> share_axis()
    {'tickformat': '.0%'}
    >>> share_axis(translator("fr"))["ticktext"][-1]
    '100 %'
    """
    if t is None or t.language == "en":
        return {"tickformat": ".0%"}
    ticks = [step / 5 for step in range(6)]
    return {"tickvals": ticks, "ticktext": [t.percent(tick) for tick in ticks]}


def share_hover(axis: str, t: Translator | None = None, at: int = 0) -> str:
    """How a hover shows the share on ``axis``: as :func:`share_axis` writes its ticks.

    In English plotly's ``.0%``; in other languages the text :func:`share_texts` wrote
    beforehand, item ``at`` of the point's ``customdata``.

    >>> from .i18n import translator
    >>> share_hover("x"), share_hover("y", translator("fr"), 2)
    ('%{x:.0%}', '%{customdata[2]}')
    """
    if t is None or t.language == "en":
        return f"%{{{axis}:.0%}}"
    return f"%{{customdata[{at}]}}"


def share_texts(shares: Sequence[Any], t: Translator | None = None) -> list[str] | None:
    """The hover texts of ``shares`` (0 to 1) for :func:`share_hover`; None in English.

    >>> from .i18n import translator
    >>> share_texts([1.0, 0.375, None], translator("fr")), share_texts([1.0])
    (['100\u202f%', '38\u202f%', ''], None)
    """
    if t is None or t.language == "en":
        return None
    return ["" if share is None else t.percent(share) for share in shares]


MODEBAR_BAND = 30
"""Pixels at the top of a figure that plotly's toolbar (the modebar) sits in."""
TITLE_BAND = 28
"""Pixels a one-line title takes under the modebar band."""
TITLE_PLACE: Mapping[str, Any] = {
    "x": 0,
    "xref": "container",
    "xanchor": "left",
    "y": 1,
    "yref": "container",
    "yanchor": "top",
    "pad": {"l": 10, "t": MODEBAR_BAND},
}
"""Where a title goes: top left, under the modebar band, so that the toolbar never covers it."""


def placed_title(title: Any) -> dict[str, Any]:
    """A layout ``title`` (text or dict) at :data:`TITLE_PLACE`, under the modebar.

    >>> placed_title("Gaps")["text"], placed_title({"text": "Gaps"})["yref"]
    ('Gaps', 'container')
    """
    return {**TITLE_PLACE, **(title if isinstance(title, Mapping) else {"text": str(title)})}


def base_layout(height: int, *, t: Translator | None = None, **extra: Any) -> dict[str, Any]:
    """The layout every figure starts from: size, font, legend, and ``t``'s separators.

    A ``title`` goes top left under the modebar (:func:`placed_title`) and the top margin
    grows to hold both bands, so that the title runs neither under the toolbar nor under
    the legend (which sits just above the plot).

    >>> layout = base_layout(300, title={"text": "Gaps"})
    >>> layout["margin"]["t"] == MODEBAR_BAND + TITLE_BAND + 40, layout["title"]["x"]
    (True, 0)
    """
    layout: dict[str, Any] = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 50},
        "font": {"family": FONT, "size": 12, "color": "#1f2937"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"font": {"family": FONT}},
        "legend": {
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
            "traceorder": "normal",
        },
        **locale_layout(t),
    }
    layout.update(extra)
    if layout.get("title"):
        layout["title"] = placed_title(layout["title"])
        top = layout["margin"].get("t", 0) + MODEBAR_BAND + TITLE_BAND
        layout["margin"] = {**layout["margin"], "t": top}
    return layout


def empty_figure(
    message: str, height: int, *, title: str | None = None, t: Translator | None = None
) -> dict[str, Any]:
    """A chart with nothing to draw: no axes, ``message`` in the middle (already in words;
    ``<``, ``>`` and ``&`` are escaped for plotly's HTML dialect).

    Every chart that can be empty says so this way rather than drawing meaningless axes.

    >>> figure = empty_figure("No introduction recorded yet", 300)
    >>> figure["data"], figure["layout"]["xaxis"], figure["layout"]["annotations"][0]["text"]
    ([], {'visible': False}, 'No introduction recorded yet')
    """
    extra = {"title": {"text": html.escape(title, quote=False)}} if title else {}
    note = {
        "text": html.escape(message, quote=False),
        "xref": "paper",
        "yref": "paper",
        "x": 0.5,
        "y": 0.5,
        "showarrow": False,
        "font": {"size": 14, "color": "#6b7280"},
    }
    layout = base_layout(
        height,
        t=t,
        xaxis={"visible": False},
        yaxis={"visible": False},
        annotations=[note],
        **extra,
    )
    return {"data": [], "layout": layout}


def count_axis(title: str, largest: float) -> dict[str, Any]:
    """An x axis of counts: whole-number ticks only."""
    return {
        "title": {"text": title},
        "gridcolor": "#e5e7eb",
        "rangemode": "tozero",
        "dtick": max(1, math.ceil(largest / 10)),
    }


def ranked_axis(names: Sequence[str]) -> dict[str, Any]:
    """A categorical y axis by position, so that two actors of the same name stay apart."""
    return {
        "tickmode": "array",
        "tickvals": list(range(len(names))),
        "ticktext": [label_text(n) for n in names],
        "autorange": "reversed",
        "automargin": True,
        "showgrid": False,
    }


def actor_value(actor: Mapping[str, Any], key: str) -> float | None:
    """An actor's ``key`` as a number, from a report row or a flattened one.

    ``brokerage`` is the total of the five roles; a role is read from the
    row's ``brokerage`` counts when the row does not hold it flat.

    >>> row = {"betweenness": 0.5, "brokerage": {"liaison": 2, "itinerant": 1}}
    >>> actor_value(row, "betweenness"), actor_value(row, "brokerage"), actor_value(row, "liaison")
    (0.5, 3.0, 2.0)
    """
    value = actor.get(key)
    if isinstance(value, Mapping):
        value = sum(v for v in value.values() if isinstance(v, int | float))
    elif value is None and key in ROLE:
        counts = actor.get("brokerage")
        value = counts.get(key) if isinstance(counts, Mapping) else None
    return number(value)


def measure_name(key: str, t: Translator | None = None) -> tuple[str, str, int]:
    """Label, meaning and decimals of an actor measure or a brokerage role (in ``t``'s words)."""
    say = t.gettext if t is not None else str
    if key in ROLE:
        return say(f"{ROLE[key].label} role"), say("pairs of partners it mediates"), 0
    measure = ACTOR_MEASURES[key]
    return say(measure.label), say(measure.meaning), measure.decimals


def measure_bars(
    actors: Sequence[Mapping[str, Any]],
    key: str = "betweenness",
    *,
    title: str | None = None,
    t: Translator | None = None,
) -> dict[str, Any]:
    """Horizontal bars of one measure of ``actors`` (ranked as given, first on top).

    Coloured by sector, brokerage roles on hover. The actors are placed by
    position, so that two actors of the same name stay apart, and every
    name is escaped (:func:`label_text`). With ``t``, the sectors, the hover's
    words and its numbers (``0,412``) are in ``t``'s language; without, in English.
    """
    name, meaning, decimals = measure_name(key, t)
    traces = []
    by_sector: dict[str, list[int]] = {}
    for i, actor in enumerate(actors):
        by_sector.setdefault(str(actor.get("sector")), []).append(i)
    for sector in sorted(by_sector, key=sector_sort_key):
        rows = by_sector[sector]
        values = [actor_value(actors[i], key) for i in rows]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": label_text(sector_label(sector, t) if t is not None else sector),
                "y": rows,
                "x": values,
                "marker": {"color": sector_colour(sector)},
                "customdata": [
                    [
                        label_text(actors[i].get("name"), 80),
                        roles_text(actors[i], t),
                        _value_text(value, decimals, t),
                    ]
                    for i, value in zip(rows, values, strict=True)
                ],
                "hovertemplate": f"<b>%{{customdata[0]}}</b><br>{label_text(name.lower(), 200)} "
                "%{customdata[2]}<br>%{customdata[1]}<extra></extra>",
            }
        )
    names = [str(a.get("name")) for a in actors]
    extra = {"title": {"text": label_text(title, 200)}} if title else {}
    layout = base_layout(
        120 + 24 * len(actors),
        t=t,
        barmode="relative",
        xaxis={
            "title": {"text": f"{name} ({meaning})"},
            "gridcolor": "#e5e7eb",
            "rangemode": "tozero",
        },
        yaxis=ranked_axis(names),
        **extra,
    )
    return {"data": traces, "layout": layout}


def _value_text(value: float | None, decimals: int, t: Translator | None) -> str:
    """A bar's value on hover: ``decimals`` digits, with ``t``'s separators when given."""
    if value is None:
        return "—"
    return t.number(value, decimals) if t is not None else f"{value:.{decimals}f}"


def _mixing(value: Any, key: str, t: Translator | None) -> str:
    """A sector-mixing number with its measure's decimals (``–`` when missing)."""
    shown = number(value)
    if shown is None:
        return "–"
    return _value_text(shown, MIXING_MEASURES[key].decimals, t)


def roles_text(actor: Mapping[str, Any], t: Translator | None = None) -> str:
    """The actor's brokerage roles in a few words, for a hover label (in ``t``'s language).

    >>> from maillage.reports.i18n import translator
    >>> row = {"brokerage": {"liaison": 2, "coordinator": 1}}
    >>> roles_text(row)
    'brokerage: coordinator 1, liaison 2'
    >>> roles_text(row, translator("fr"))
    "rôles d'intermédiaire\\u202f: coordinateur 1, agent de liaison 2"
    >>> roles_text({}, translator("fr"))
    "rôles d'intermédiaire\\u202f: aucun"
    """
    brokerage = actor.get("brokerage")
    if not isinstance(brokerage, Mapping):
        brokerage = {role: actor.get(role) for role in ROLES}
    if t is None:
        parts = [f"{role} {show(brokerage.get(role))}" for role in ROLES if brokerage.get(role)]
        return "brokerage: " + (", ".join(parts) if parts else "none")
    parts = [
        f"{t.gettext(ROLE[role].label).lower()} {readable(brokerage.get(role), t)}"
        for role in ROLES
        if brokerage.get(role)
    ]
    return t.gettext("brokerage: {roles}").format(
        roles=", ".join(parts) if parts else t.gettext("none")
    )


def brokerage_bars(
    actors: Sequence[Mapping[str, Any]], t: Translator | None = None
) -> dict[str, Any]:
    """Stacked bars of the Gould & Fernandez role counts of each actor (roles in ``t``'s words)."""
    say = t.gettext if t is not None else str
    rows = list(range(len(actors)))
    names = {r: label_text(say(ROLE[r].label).lower()) if t is not None else r for r in ROLES}
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": names[role],
            "y": rows,
            "x": [number((a.get("brokerage") or {}).get(role)) or 0 for a in actors],
            "marker": {"color": ROLE[role].colour},
            "hovertemplate": f"{names[role]} %{{x}}<extra></extra>",
        }
        for role in ROLES
    ]
    layout = base_layout(
        120 + 24 * len(actors),
        t=t,
        barmode="stack",
        xaxis=count_axis(
            say("Brokerage role counts (pairs of partners mediated)"),
            max((sum(t["x"][i] for t in traces) for i in rows), default=0),
        ),
        yaxis=ranked_axis([str(a.get("name")) for a in actors]),
    )
    return {"data": traces, "layout": layout}


def mixing_heatmap(
    mixing: Any, *, title: str | None = None, t: Translator | None = None
) -> dict[str, Any]:
    """Sector × sector z-scores, each cell labelled with observed (expected) ties.

    ``mixing`` is the matrices form of ``territory_report``'s ``sector_mixing``
    and of ``gap_report`` (:func:`~maillage.reports.export_tables.mixing_cells`);
    numbers and hover words in ``t``'s language when given, else in English.
    """
    say = t.gettext if t is not None else str
    observed, expected = say("observed ties:"), say("expected:")
    sectors, cells = mixing_cells(mixing)
    names = {s: label_text(sector_label(s, t) if t is not None else s) for s in sectors}
    z, text, hover = [], [], []
    for a in sectors:
        z_row, text_row, hover_row = [], [], []
        for b in sectors:
            values = cells.get((a, b)) or {}
            value = number(values.get("z"))
            seen = values.get("observed")
            seen = 0 if seen is None else seen
            wanted = values.get("expected")
            z_row.append(value)
            seen_text, wanted_text = _mixing(seen, "observed", t), _mixing(wanted, "expected", t)
            text_row.append(f"{seen_text}<br>({wanted_text})")
            hover_row.append(
                f"{names[a]} – {names[b]}<br>{observed} {seen_text}"
                f"<br>{expected} {wanted_text}<br>z: {_mixing(value, 'z', t)}"
            )
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
    limit = max((abs(v) for row in z for v in row if v is not None), default=1.0) or 1.0
    labels = [names[s] for s in sectors]
    trace = {
        "type": "heatmap",
        "x": labels,
        "y": labels,
        "z": z,
        "text": text,
        "texttemplate": "%{text}",
        "customdata": hover,
        "zmin": -limit,
        "zmax": limit,
        "zmid": 0,
        "colorscale": GAP_SCALE,
        "colorbar": {"title": {"text": "z"}},
        "hovertemplate": "%{customdata}<extra></extra>",
        "xgap": 1,
        "ygap": 1,
    }
    extra = {"title": {"text": label_text(title, 200)}} if title else {}
    layout = base_layout(
        160 + 52 * len(sectors),
        t=t,
        xaxis={"side": "bottom", "automargin": True, "showgrid": False},
        yaxis={"autorange": "reversed", "automargin": True, "showgrid": False},
        **extra,
    )
    return {"data": [trace], "layout": layout}


def community_bars(
    communities: Sequence[tuple[Any, Mapping[str, int]]], t: Translator | None = None
) -> dict[str, Any]:
    """Stacked bars of each community's actors by sector (in ``t``'s words when given)."""
    say = t.gettext if t is not None else str
    sectors = sorted({s for _, counts in communities for s in counts}, key=sector_sort_key)
    community = say("Community {label}")
    names = [community.format(label=show(label, t)) for label, _ in communities]
    shown = {s: label_text(sector_label(s, t) if t is not None else s) for s in sectors}
    rows = list(range(len(communities)))
    actors = say("{sector}: %{{x}} actors")
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": shown[sector],
            "y": rows,
            "x": [counts.get(sector, 0) for _, counts in communities],
            "marker": {"color": sector_colour(sector)},
            "hovertemplate": actors.format(sector=shown[sector]) + "<extra></extra>",
        }
        for sector in sectors
    ]
    layout = base_layout(
        120 + 28 * len(communities),
        t=t,
        barmode="stack",
        xaxis=count_axis(say("Actors"), max((sum(c.values()) for _, c in communities), default=0)),
        yaxis=ranked_axis(names),
    )
    return {"data": traces, "layout": layout}


def indicator_bars(
    compare: Mapping[str, Any], *, title: str | None = None
) -> dict[str, Any] | None:
    """Grouped bars of the size-normalised indicators, one colour per territory."""
    territories = [str(t) for t in compare.get("territories", [])]
    indicators = [
        ind
        for ind in compare.get("indicators", [])
        if any(number((ind.get("normalised") or {}).get(t)) is not None for t in territories)
    ]
    if not indicators:
        return None
    labels = [label_text(ind.get("label") or ind.get("name")) for ind in indicators]
    traces = [
        {
            "type": "bar",
            "name": label_text(territory),
            "x": labels,
            "y": [number((ind.get("normalised") or {}).get(territory)) for ind in indicators],
            "hovertemplate": f"{label_text(territory)}<br>%{{x}}: %{{y:.3f}}<extra></extra>",
        }
        for territory in territories
    ]
    extra = {"title": {"text": label_text(title, 200)}} if title else {}
    layout = base_layout(
        420,
        barmode="group",
        **extra,
        xaxis={"automargin": True},
        yaxis={
            "title": {"text": "Normalised value"},
            "gridcolor": "#e5e7eb",
            "zeroline": True,
            "automargin": True,
        },
    )
    return {"data": traces, "layout": layout}


def figure_html(figure: Mapping[str, Any], div_id: str) -> str:
    """The figure's ``<div>`` and script; plotly.js itself is in the page head."""
    import plotly.io as pio  # imported on first use: CSV and text exports do without it

    height = figure["layout"]["height"]
    return pio.to_html(
        dict(figure),
        config=CONFIG,
        include_plotlyjs=False,
        full_html=False,
        validate=False,
        div_id=div_id,
        default_height=f"{height}px",
    )
