"""Plain functions that turn Maillage data into what the dashboard shows.

Every piece of logic of the app lives here, so that it is tested without a
browser. Two tiers:

- pure presenters take plain data (report dicts, NetworkX graphs, layout
  positions) and return Cytoscape elements, stylesheets, Plotly figures,
  table rows or Dash components;
- ``*_view`` functions take a :class:`~maillage.dashboard.source.Source`
  (the ``Maillage`` object), fetch what they need from its cache, call the
  pure presenters, and turn any failure into an error panel instead of a
  blank page. Callbacks call only these.

The network is drawn with element ids of our own (``n12`` for a node, ``e3_12``
for a tie, ``c4`` for a community supernode), numbered on the territory's
full graph: they are stable across dates and filters, they are safe inside
Cytoscape selectors, and actor ids (user data) travel only as data.
"""

from __future__ import annotations

import base64
import functools
import heapq
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qs, urlencode

import dash_bootstrap_components as dbc
import networkx as nx
import numpy as np
import plotly.colors
import plotly.graph_objects as go
from dash import html, no_update
from dash.exceptions import PreventUpdate
from plotly.subplots import make_subplots

from ..graph.analytics import path_explanation
from ..graph.errors import MaillageError
from ..graph.model import Sector, TieKind, fold
from ..reports import MEDIA_TYPES, filename, render
from ..reports.labels import ACTOR_METRICS, ROLES
from . import ids, style, words
from .source import Source

log = logging.getLogger(__name__)

AGGREGATE_ABOVE = 1500
"""Territories with more actors than this are first drawn as communities."""

SEARCH_LIMIT = 40
LABELLED = 12
"""The most connected actors drawn keep their name at any zoom; the others show it zoomed in."""
TIES_SHOWN = 40
BRIDGES_SHOWN = 5
TOP_BROKERS = 15
SECTORS = tuple(s.value for s in Sector)
TIE_KINDS = tuple(k.value for k in TieKind)
_ELEMENT_ID = re.compile(r"n\d+|c-?\d+|e\d+_\d+|x-?\d+_-?\d+")


class NothingToShow(Exception):
    """Not an error: there is simply nothing to show yet (shown as an info panel)."""


# ---------------------------------------------------------------------------
# Errors and small formatting helpers


def error_alert(exc: BaseException) -> dbc.Alert:
    """The panel shown in place of a result that could not be computed."""
    if isinstance(exc, NothingToShow):
        return dbc.Alert(str(exc), color="info", className="mb-2")
    message = str(exc) if isinstance(exc, MaillageError) else f"{type(exc).__name__}: {exc}"
    return dbc.Alert(
        [html.Strong("This analysis could not be shown. "), html.Span(message)],
        color="danger",
        className="mb-2",
    )


def guarded(*fallback: Callable[[], Any] | None) -> Callable:
    """Make a view return its outputs plus ``None``, or the fallbacks plus an error panel.

    The decorated view returns a tuple of outputs; the wrapper appends one more
    output, the content of the view's alert container. Each fallback is a
    factory (``list``, ``go.Figure``) called on failure, or None.
    """

    def empty() -> tuple:
        return tuple(make() if make is not None else None for make in fallback)

    def decorate(view: Callable[..., tuple]) -> Callable[..., tuple]:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> tuple:
            try:
                return (*view(*args, **kwargs), None)
            except PreventUpdate:
                raise
            except NothingToShow as exc:
                return (*empty(), error_alert(exc))
            except Exception as exc:
                log.exception("%s failed", view.__name__)
                return (*empty(), error_alert(exc))

        return wrapper

    return decorate


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


def require_territory(territory: str | None) -> str:
    if not territory:
        raise NothingToShow(
            "No territory yet: import data with `maillage import`, or run `maillage demo`."
        )
    return territory


def sector_badge(sector: str | None) -> html.Span:
    colour = style.sector_colour(sector)
    return html.Span(
        sector or "unknown",
        className="sector-badge",
        style={"backgroundColor": colour, "color": "#000" if sector == "funder" else "#fff"},
    )


# ---------------------------------------------------------------------------
# Dates and the controls of the Explore page


def network_years(network: Any) -> list[int]:
    """Every year in which something started or ended in ``network`` (a model ``Network``)."""
    days = {t.since for t in network.ties} | {t.until for t in network.ties}
    days |= {a.joined for a in network.actors}
    return sorted({y for y in map(year_of, days) if y is not None})


def year_slider(years: Iterable[int]) -> dict[str, Any]:
    """Props of the as-of slider: one mark per few years and a last mark, "all", for no date.

    >>> year_slider([2012, 2019, 2020])["marks"]
    {2012: '2012', 2014: '2014', 2016: '2016', 2018: '2018', 2021: 'all'}
    >>> year_slider([])["disabled"]
    True
    """
    found = sorted(set(years))
    if not found:
        return {"min": 0, "max": 1, "marks": {1: "all"}, "value": 1, "disabled": True}
    first, last = found[0], found[-1]
    everything = last + 1
    step = max(1, math.ceil((everything - first) / 8))
    marks: dict[int, str] = {y: str(y) for y in range(first, everything - step + 1, step)}
    marks[everything] = "all"
    return {"min": first, "max": everything, "marks": marks, "value": everything, "disabled": False}


def as_of_for(year: int | None, maximum: int | None) -> str | None:
    """The ``as_of`` date (31 December of ``year``) or None when the slider says "all".

    >>> as_of_for(2019, 2021), as_of_for(2021, 2021), as_of_for(None, 2021)
    ('2019-12-31', None, None)
    """
    if year is None or maximum is None or year >= maximum:
        return None
    return date(int(year), 12, 31).isoformat()


def weight_slider(graph: nx.Graph) -> dict[str, Any]:
    """Props of the minimum-weight slider: from 0 (every tie) to the heaviest tie."""
    weights = (d.get("weight", 1) or 1 for _, ties in graph.adjacency() for d in ties.values())
    heaviest = max(weights, default=1)
    top = max(1, math.ceil(heaviest))
    step = 1 if top <= 20 else math.ceil(top / 20)
    marks = {0: "0", top: str(top)}
    return {"min": 0, "max": top, "step": step, "marks": marks, "value": 0, "disabled": top <= 1}


# ---------------------------------------------------------------------------
# The network drawing: element ids, positions, elements


def element_index(graph: nx.Graph) -> dict[Hashable, int]:
    """Number the nodes of a territory's full graph, in a stable order."""
    return {node: i for i, node in enumerate(sorted(graph, key=str))}


def node_id(i: int) -> str:
    return f"n{i}"


def edge_id(i: int, j: int) -> str:
    a, b = sorted((i, j))
    return f"e{a}_{b}"


def community_node_id(label: int) -> str:
    return f"c{label}"


def community_edge_id(a: int, b: int) -> str:
    low, high = sorted((a, b))
    return f"x{low}_{high}"


def layout_scale(count: int) -> float:
    """Pixels per layout unit: nodes keep a readable spacing whatever the territory size."""
    return max(250.0, 20.0 * math.sqrt(max(count, 1)))


def scale_positions(
    layout: Mapping[Hashable, Sequence[float]], scale: float | None = None
) -> dict[Hashable, tuple[float, float]]:
    """Positions in ``[-1, 1]`` to Cytoscape pixels (y pointing down), rounded.

    >>> scale_positions({"a": (1.0, 0.5)}, scale=100)
    {'a': (100.0, -50.0)}
    """
    factor = layout_scale(len(layout)) if scale is None else scale
    return {n: (round(x * factor, 1), round(-y * factor, 1)) for n, (x, y) in layout.items()}


def metric_value(row: Mapping[str, Any], key: str) -> float:
    """A report row's measure as a number; ``brokerage`` is the sum of the five roles."""
    if key == "brokerage":
        return float(sum((row.get("brokerage") or {}).values()))
    value = row.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def relative_sizes(rows: Sequence[Mapping[str, Any]]) -> dict[Any, dict[str, float]]:
    """For each actor, ``s_<metric>`` in [0, 1] for every size metric.

    The square root of the share of the largest value (3 decimals), so that
    a node's area is proportional to its measure.
    """
    columns = {key: [metric_value(row, key) for row in rows] for key in words.SIZE_METRICS}
    scaled = {}
    for key, values in columns.items():
        top = max(values, default=0.0)
        factor = 1.0 / top if top > 0 else 0.0
        scaled[f"s_{key}"] = [round(math.sqrt(v * factor), 3) if v > 0 else 0.0 for v in values]
    names = list(scaled)
    return {
        row["id"]: dict(zip(names, values, strict=True))
        for row, values in zip(rows, zip(*scaled.values(), strict=True), strict=True)
    }


def community_ranks(rows: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Community label -> rank by size (0 = largest; ties by label).

    >>> community_ranks([{"community": 5}, {"community": 2}, {"community": 2}])
    {2: 0, 5: 1}
    """
    counts = Counter(row.get("community") for row in rows if row.get("community") is not None)
    ordered = sorted(counts, key=lambda c: (-counts[c], c))
    return {label: rank for rank, label in enumerate(ordered)}


_KIND_FLAGS = MappingProxyType({kind: f"k_{kind}" for kind in TIE_KINDS})


def _kind_flags(kinds: Iterable[Any]) -> dict[str, int]:
    return {_KIND_FLAGS[k]: 1 for k in kinds if k in _KIND_FLAGS}


def network_elements(
    graph: nx.Graph,
    positions: Mapping[Hashable, tuple[float, float]],
    rows: Sequence[Mapping[str, Any]],
    index: Mapping[Hashable, int],
    members: Iterable[Hashable] | None = None,
) -> list[dict[str, Any]]:
    """Cytoscape elements of a territory's actors and ties.

    Parameters
    ----------
    graph : networkx.Graph
        The territory graph to draw (possibly at a date: a subgraph of the full one).
    positions : dict
        Pixel positions of the full graph's nodes (:func:`scale_positions`).
    rows : list of dict
        The report's ``actors`` rows: sizes and communities.
    index : dict
        :func:`element_index` of the full graph.
    members : iterable, optional
        Draw only these actors (one community opened from the overview).
    """
    community_of = {row["id"]: row.get("community") for row in rows}
    sizes = relative_sizes(rows)
    ranks = community_ranks(rows)
    keep = {n for n in graph if n in index}
    if members is not None:
        keep &= set(members)
    blank = {f"s_{key}": 0.0 for key in words.SIZE_METRICS}
    labelled = set(heapq.nsmallest(LABELLED, keep, key=lambda n: (-len(graph[n]), index[n])))
    elements: list[dict[str, Any]] = []
    for node in sorted(keep, key=index.__getitem__):
        attrs = graph.nodes[node]
        sector = str(attrs.get("sector") or "other")
        community = community_of.get(node)
        x, y = positions.get(node, (0.0, 0.0))
        data = {
            "id": f"n{index[node]}",
            "actor": str(node),
            "label": str(attrs.get("name") or node),
            "sector": sector,
            "community": -1 if community is None else community,
            "colour": style.sector_colour(sector),
            "ccolour": style.community_colour(ranks.get(community, len(ranks))),
            **sizes.get(node, blank),
        }
        if node in labelled:
            data["top"] = 1
        elements.append({"data": data, "position": {"x": x, "y": y}})
    ties = []
    for u, neighbours in graph.adjacency():  # each tie is met from both ends: keep i < j
        if u not in keep:
            continue
        i = index[u]
        for v, d in neighbours.items():
            if v in keep and i < index[v]:
                ties.append((i, index[v], d))
    ties.sort(key=lambda tie: (tie[0], tie[1]))
    heaviest = max((d.get("weight", 1) or 1 for *_, d in ties), default=1)
    flags: dict[Any, dict[str, int]] = {}
    for i, j, d in ties:
        weight = d.get("weight", 1) or 1
        kinds = d.get("kinds", ())
        kinds = kinds if isinstance(kinds, tuple | frozenset) else tuple(kinds)
        if kinds not in flags:
            flags[kinds] = _kind_flags(kinds)
        data = {
            "id": f"e{i}_{j}",
            "source": f"n{i}",
            "target": f"n{j}",
            "weight": weight,
            "w": round(weight / heaviest, 3),
            **flags[kinds],
        }
        elements.append({"data": data})
    return elements


def spread(
    points: Sequence[tuple[float, float]], radii: Sequence[float], *, gap: float = 10.0
) -> list[tuple[float, float]]:
    """Push overlapping circles apart until they no longer overlap (deterministic).

    Each round moves every pair that overlaps half the overlap away from each
    other along the line between their centres; circles that do not overlap
    stay where they are.

    >>> spread([(0.0, 0.0), (10.0, 0.0)], [10.0, 10.0], gap=0.0)
    [(-5.0, 0.0), (15.0, 0.0)]
    """
    count = len(points)
    if count < 2:
        return [(float(x), float(y)) for x, y in points]
    at = np.array(points, dtype=float)
    size = np.asarray(radii, dtype=float)
    angles = np.arange(count, dtype=float)
    at += 1e-6 * np.column_stack([np.cos(angles), np.sin(angles)])  # split coincident centres
    need = size[:, None] + size[None, :] + gap
    np.fill_diagonal(need, 0.0)
    for _ in range(100):
        delta = at[:, None, :] - at[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1])
        overlap = np.clip(need - dist, 0.0, None)
        if overlap.max() <= 1e-6:
            break
        unit = delta / np.where(dist > 0, dist, 1.0)[..., None]
        at += 0.5 * (overlap[..., None] * unit).sum(axis=1)
    return [(round(float(x), 1) + 0.0, round(float(y), 1) + 0.0) for x, y in at]


def overview_elements(
    graph: nx.Graph,
    positions: Mapping[Hashable, tuple[float, float]],
    rows: Sequence[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """One supernode per community at its members' centroid, one edge per pair of communities.

    A supernode is sized by its member count and coloured by its most common
    sector; overlapping supernodes are pushed apart (:func:`spread`). An
    edge's weight is the number of ties between the two communities.
    """
    community_of = {
        row["id"]: row.get("community") for row in rows if row.get("community") is not None
    }
    ranks = community_ranks([row for row in rows if row["id"] in graph])
    sector_of = dict(graph.nodes(data="sector"))
    members: dict[int, list[Hashable]] = defaultdict(list)
    for node in graph:
        if node in community_of:
            members[community_of[node]].append(node)
    largest = max((len(m) for m in members.values()), default=1)
    order = sorted(members, key=lambda c: ranks[c])
    sizes = [round(math.sqrt(len(members[c]) / largest), 4) for c in order]
    centres = []
    for label in order:
        xs = [positions.get(n, (0.0, 0.0))[0] for n in members[label]]
        ys = [positions.get(n, (0.0, 0.0))[1] for n in members[label]]
        centres.append((sum(xs) / len(xs), sum(ys) / len(ys)))
    span = style.SUPERNODE_MAX_PX - style.SUPERNODE_MIN_PX
    radii = [(style.SUPERNODE_MIN_PX + size * span) / 2 for size in sizes]
    placed = spread(centres, radii)
    elements: list[dict[str, Any]] = []
    for label, size, (x, y) in zip(order, sizes, placed, strict=True):
        nodes = members[label]
        sectors = Counter(str(sector_of[n] or "other") for n in nodes)
        dominant, count = sorted(sectors.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        share = round(100 * count / len(nodes))
        data = {
            "id": community_node_id(label),
            "community": label,
            "super": 1,
            "members": len(nodes),
            "dominant": dominant,
            "label": f"Community {label}\n{len(nodes):,} actors, {share}% {dominant}",
            "colour": style.sector_colour(dominant),
            "ccolour": style.community_colour(ranks[label]),
            **{f"s_{key}": size for key in words.SIZE_METRICS},
        }
        elements.append({"data": data, "position": {"x": x, "y": y}})
    between: dict[tuple[int, int], list[Any]] = defaultdict(lambda: [0, set()])
    for u, ties in graph.adjacency():  # each tie is met from both ends: count it from one
        a = community_of.get(u)
        if a is None:
            continue
        for v, d in ties.items():
            b = community_of.get(v)
            if b is None or not a < b:
                continue
            entry = between[a, b]
            entry[0] += 1
            kinds = d.get("kinds", ())
            entry[1].add(kinds if isinstance(kinds, tuple | frozenset) else tuple(kinds))
    heaviest = max((count for count, _ in between.values()), default=1)
    for (a, b), (count, bundles) in sorted(between.items()):
        kinds = {kind for bundle in bundles for kind in bundle}
        data = {
            "id": community_edge_id(a, b),
            "source": community_node_id(a),
            "target": community_node_id(b),
            "super": 1,
            "weight": count,
            "w": round(count / heaviest, 4),
            **_kind_flags(kinds),
        }
        elements.append({"data": data})
    return elements


def draw_mode(actors: int, threshold: int, drill: int | None) -> str:
    """``full``, ``overview`` (communities) or ``community`` (one community opened).

    >>> draw_mode(600, 1500, None), draw_mode(2000, 1500, None), draw_mode(2000, 1500, 3)
    ('full', 'overview', 'community')
    """
    if actors <= threshold:
        return "full"
    return "overview" if drill is None else "community"


def highlight(
    nodes: Iterable[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    index: Mapping[Hashable, int],
    community_of: Mapping[Hashable, int] | None = None,
) -> dict[str, list[str]]:
    """Element ids to emphasise for these actors and ties.

    With ``community_of`` (overview mode), actors map to their community's
    supernode and ties to the edge between two communities.
    """
    if community_of is not None:
        labels = sorted({community_of[n] for n in nodes if n in community_of})
        pairs = {
            tuple(sorted((community_of[u], community_of[v])))
            for u, v in edges
            if u in community_of and v in community_of and community_of[u] != community_of[v]
        }
        return {
            "nodes": [community_node_id(c) for c in labels],
            "edges": [community_edge_id(a, b) for a, b in sorted(pairs)],
        }
    node_ids = sorted({index[n] for n in nodes if n in index})
    edge_ids = sorted({edge_id(index[u], index[v]) for u, v in edges if u in index and v in index})
    return {"nodes": [node_id(i) for i in node_ids], "edges": edge_ids}


def _selector(element_ids: Iterable[str]) -> str:
    return ", ".join(
        f"#{e}" for e in element_ids if isinstance(e, str) and _ELEMENT_ID.fullmatch(e)
    )


def stylesheet(
    *,
    size_by: str | None = "degree",
    colour_by: str | None = "sector",
    sectors: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    min_weight: float | None = 0,
    ego: Mapping[str, Any] | None = None,
    path: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """The Cytoscape stylesheet: sizes, colours, filters and highlights.

    Filters and highlights only restyle elements (``display: none``, opacity):
    the elements and their positions never change, so nothing jumps.
    """
    size_key = f"s_{size_by}" if size_by in words.SIZE_METRICS else "s_degree"
    by_sector = colour_by != "community"
    node_px = f"mapData({size_key}, 0, 1, {style.NODE_MIN_PX}, {style.NODE_MAX_PX})"
    super_px = f"mapData({size_key}, 0, 1, {style.SUPERNODE_MIN_PX}, {style.SUPERNODE_MAX_PX})"
    rules: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "width": node_px,
                "height": node_px,
                "background-color": "data(colour)" if by_sector else "data(ccolour)",
                "border-width": 2 if by_sector else 0.5,
                "border-color": "data(ccolour)" if by_sector else "#ffffff",
                "label": "data(label)",
                "font-size": 9,
                "min-zoomed-font-size": 13,
                "text-valign": "bottom",
                "text-margin-y": 2,
                "color": "#333333",
            },
        },
        {
            "selector": "node[?top]",
            "style": {
                "font-size": 12,
                "min-zoomed-font-size": 0,
                "text-outline-color": "#ffffff",
                "text-outline-width": 1.5,
            },
        },
        {
            "selector": "node[?super]",
            "style": {
                "width": super_px,
                "height": super_px,
                "font-size": 15,
                "min-zoomed-font-size": 0,
                "text-wrap": "wrap",
                "text-max-width": 180,
                "text-valign": "center",
                "color": "#111111",
                "text-outline-color": "#ffffff",
                "text-outline-width": 2,
                "border-width": 4,
            },
        },
        {
            "selector": "edge",
            "style": {
                "width": f"mapData(w, 0, 1, {style.EDGE_MIN_PX}, {style.EDGE_MAX_PX})",
                "line-color": style.EDGE_COLOUR,
                "opacity": 0.55,
                "curve-style": "haystack",
            },
        },
    ]
    if sectors is not None:
        hidden = [s for s in SECTORS if s not in set(sectors)]
        if hidden:
            selector = ", ".join(f'node[sector = "{s}"]' for s in hidden)
            rules.append({"selector": selector, "style": {"display": "none"}})
    if kinds is not None and set(TIE_KINDS) - set(kinds):
        rules.append({"selector": "edge", "style": {"display": "none"}})
        shown = [k for k in TIE_KINDS if k in set(kinds)]
        if shown:
            selector = ", ".join(f"edge[?k_{k}]" for k in shown)
            rules.append({"selector": selector, "style": {"display": "element"}})
    threshold = _as_number(min_weight)
    if threshold > 0:
        light = f"edge[weight < {threshold}][^super]"
        rules.append({"selector": light, "style": {"display": "none"}})
    rules.extend(_focus_rules(ego or {}, path or {}))
    return rules


def _as_number(value: Any) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def _focus_rules(ego: Mapping[str, Any], path: Mapping[str, Any]) -> list[dict[str, Any]]:
    ego_nodes, ego_edges = _selector(ego.get("nodes", ())), _selector(ego.get("edges", ()))
    path_nodes, path_edges = _selector(path.get("nodes", ())), _selector(path.get("edges", ()))
    selected = _selector(ego.get("selected", ()))
    if path_nodes:  # a chain of introductions is the clearer picture: no ego network around it
        ego_nodes = ego_edges = ""
    if not (ego_nodes or path_nodes or selected):
        return []
    rules = [
        {"selector": "node", "style": {"opacity": style.FADED_OPACITY}},
        {"selector": "edge", "style": {"opacity": style.FADED_OPACITY / 2}},
    ]
    if ego_nodes:
        rules.append({"selector": ego_nodes, "style": {"opacity": 1}})
    if ego_edges:
        rules.append({"selector": ego_edges, "style": {"opacity": 0.9, "line-color": "#52606D"}})
    if path_nodes:
        rules.append(
            {
                "selector": path_nodes,
                "style": {
                    "opacity": 1,
                    "border-color": style.PATH_COLOUR,
                    "border-width": 4,
                    "min-zoomed-font-size": 0,
                    "font-weight": "bold",
                    "z-index": 9,
                },
            }
        )
    if path_edges:
        style_ = {
            "opacity": 1,
            "line-color": style.PATH_COLOUR,
            "width": 5,
            "z-index": 9,
            "display": "element",
        }
        rules.append({"selector": path_edges, "style": style_})
    if selected:
        rules.append(
            {
                "selector": selected,
                "style": {
                    "opacity": 1,
                    "border-color": style.SELECTED_BORDER,
                    "border-width": 5,
                    "min-zoomed-font-size": 0,
                    "font-weight": "bold",
                    "z-index": 10,
                },
            }
        )
    return rules


def legend(
    graph: nx.Graph, rows: Sequence[Mapping[str, Any]], colour_by: str | None, mode: str
) -> list[Any]:
    """The legend under the network: sector or community swatches with counts."""
    items: list[Any] = []
    if colour_by == "community":
        ranks = community_ranks([row for row in rows if row["id"] in graph])
        counts = Counter(row.get("community") for row in rows if row["id"] in graph)
        for label, rank in sorted(ranks.items(), key=lambda kv: kv[1])[
            : len(style.COMMUNITY_COLOURS)
        ]:
            text = f"Community {label} ({counts[label]:,})"
            items.append(_swatch(style.community_colour(rank), text))
        if len(ranks) > len(style.COMMUNITY_COLOURS):
            rest = len(ranks) - len(style.COMMUNITY_COLOURS)
            items.append(_swatch(style.SMALL_COMMUNITY_COLOUR, f"{rest} smaller communities"))
    else:
        counts = Counter(str(d.get("sector") or "other") for _, d in graph.nodes(data=True))
        for sector in SECTORS:
            if counts[sector]:
                items.append(_swatch(style.sector_colour(sector), f"{sector} ({counts[sector]:,})"))
        if mode != "overview":
            items.append(html.Span("border colour: community", className="legend-note"))
    if mode == "overview":
        note = "one circle per community: click one to open it"
        items.append(html.Span(note, className="legend-note"))
    return items


def _swatch(colour: str, text: str) -> html.Span:
    return html.Span(
        [html.Span(className="swatch", style={"backgroundColor": colour}), text],
        className="legend-item",
    )


def network_summary(report: Mapping[str, Any], mode: str, shown: int, community: int | None) -> str:
    """One line on the network drawn: size, cohesion, communities, date."""
    net = report.get("network", {})
    parts = [f"{number(net.get('actors'))} actors", f"{number(net.get('ties'))} ties"]
    if net.get("density") is not None:
        parts.append(f"density {number(net.get('density'))}")
    if net.get("communities") is not None:
        parts.append(
            f"{number(net.get('communities'))} communities "
            f"(modularity {number(net.get('modularity'))})"
        )
    if net.get("ei_index") is not None:
        parts.append(f"E-I index {number(net.get('ei_index'))}")
    if net.get("openness") is not None:
        parts.append(f"openness {number(net.get('openness'))}")
    parts.append(f"as of {report['as_of']}" if report.get("as_of") else "all dates")
    if mode == "overview":
        parts.append(f"large territory: shown as {shown:,} communities")
    elif mode == "community":
        parts.append(f"showing community {community}: {shown:,} actors")
    return " · ".join(parts)


# ---------------------------------------------------------------------------
# Actor search, selection, card and path


def actor_options(
    graph: nx.Graph,
    query: str | None,
    keep: Iterable[str] = (),
    limit: int = SEARCH_LIMIT,
) -> list[dict[str, str]]:
    """Dropdown options matching ``query`` (accent- and case-insensitive), best first.

    Names starting with the query come first, then names containing it; the
    most connected first within each. Without a query: the most connected
    actors. The actors in ``keep`` (the current value) are always included.
    """
    wanted = fold(query or "")

    def label(node: Hashable) -> str:
        attrs = graph.nodes[node]
        return f"{attrs.get('name') or node} · {attrs.get('sector') or 'unknown'}"

    if wanted:
        scored = []
        for node, name in graph.nodes(data="name"):
            name = fold(str(name or node))
            if wanted in name or wanted in fold(str(node)):
                starts = 0 if name.startswith(wanted) else 1
                scored.append((starts, -len(graph[node]), name, str(node), node))
        chosen = [entry[-1] for entry in heapq.nsmallest(limit, scored)]
    else:
        best = heapq.nsmallest(limit, graph.adjacency(), key=lambda a: (-len(a[1]), str(a[0])))
        chosen = [node for node, _ in best]
    for actor in keep:
        if actor in graph and actor not in chosen:
            chosen.append(actor)
    return [{"label": label(n), "value": str(n)} for n in chosen]


def pick(trigger: Any, tap: Mapping[str, Any] | None, searched: str | None) -> tuple[Any, Any]:
    """What a click, a search or a territory change selects: ``(actor, community drill)``."""
    if trigger == ids.TERRITORY:
        return None, None
    if trigger == ids.BACK:
        return no_update, None
    if isinstance(trigger, Mapping) and trigger.get("type") == ids.PICKER:
        return (searched, no_update) if searched else (None, no_update)
    if trigger == ids.NETWORK and tap:
        if tap.get("super"):
            return no_update, tap.get("community")
        if tap.get("actor"):
            return tap["actor"], no_update
    raise PreventUpdate


def roles_in_words(brokerage: Mapping[str, int] | None, sector: str | None) -> list[str]:
    """The actor's brokerage roles as sentences, most frequent first.

    >>> roles_in_words({"coordinator": 2, "liaison": 0}, "public")[0][:60]
    'Coordinator (2 pairs): links two partners of its own sector '
    """
    counts = {role: int((brokerage or {}).get(role, 0) or 0) for role in ROLES}
    present = sorted((r for r in ROLES if counts[r] > 0), key=lambda r: -counts[r])
    if not present:
        return [words.NO_ROLE]
    sentences = []
    for role in present:
        pairs = f"{counts[role]:,} pair{'s' if counts[role] != 1 else ''}"
        meaning = words.ROLE_MEANINGS[role].format(sector=sector or "its sector")
        sentences.append(f"{words.ROLE_LABELS[role]} ({pairs}): {meaning}.")
    return sentences


def tie_rows(
    actor_id: str, ties: Iterable[Any], names: Mapping[str, tuple[str, str | None]], members: set
) -> list[dict[str, Any]]:
    """The actor's ties (model ``Tie``), strongest first, with the partner's name and sector."""
    rows = []
    for tie in ties:
        if actor_id not in (tie.source, tie.target):
            continue
        other = tie.target if tie.source == actor_id else tie.source
        name, sector = names.get(other, (other, None))
        direction = ""
        if tie.directed:
            direction = "to" if tie.source == actor_id else "from"
        rows.append(
            {
                "partner": other,
                "name": name,
                "sector": sector,
                "kind": str(tie.kind),
                "weight": tie.weight,
                "since": iso(tie.since),
                "until": iso(tie.until),
                "direction": direction,
                "outside": other not in members,
            }
        )
    return sorted(rows, key=lambda r: (-r["weight"], fold(str(r["name"]))))


def _tie_text(row: Mapping[str, Any]) -> str:
    kind = words.TIE_KIND_LABELS.get(row["kind"], row["kind"])
    when = ""
    if row["since"] and row["until"]:
        when = f", {row['since']} to {row['until']}"
    elif row["since"]:
        when = f", since {row['since']}"
    elif row["until"]:
        when = f", until {row['until']}"
    arrow = {"to": " (directed, to it)", "from": " (directed, from it)"}.get(row["direction"], "")
    outside = " — outside the territory" if row["outside"] else ""
    return f"{kind}{arrow}, weight {number(row['weight'])}{when}{outside}"


def actor_card(
    actor: Any,
    row: Mapping[str, Any] | None,
    ties: Sequence[Mapping[str, Any]],
    hops: int,
    ego_size: int | None,
) -> dbc.Card:
    """The card of one actor: who, measures in words, brokerage roles, ties."""
    sector = str(actor.sector) if actor is not None else (row or {}).get("sector")
    name = actor.name if actor is not None else (row or {}).get("name", "")
    facts = []
    if actor is not None:
        known = (("kind", actor.kind), ("city", actor.city), ("joined", iso(actor.joined)))
        for label, value in known:
            if value:
                facts.append(f"{label}: {value}")
        if actor.territories:
            facts.append("territories: " + ", ".join(actor.territories))
    body: list[Any] = [
        html.H5([name, " ", sector_badge(sector)], className="card-title"),
        html.P(" · ".join(facts), className="text-muted small") if facts else None,
    ]
    if row is None:
        body.append(html.P("Not in the territory's network at this date.", className="small"))
    else:
        body.append(html.H6("Measures", title="hover a row for its meaning"))
        measures = []
        for key in ACTOR_METRICS:
            if key in row:
                cells = [html.Th(words.METRIC_LABELS[key]), html.Td(number(row.get(key)))]
                measures.append(html.Tr(cells, title=words.METRIC_MEANINGS[key]))
        if row.get("community") is not None:
            community = [html.Th("Community"), html.Td(str(row["community"]))]
            measures.append(html.Tr(community))
        body.append(html.Table(html.Tbody(measures), className="measure-table"))
        body.append(html.H6("Brokerage roles"))
        roles = roles_in_words(row.get("brokerage"), sector)
        body.append(html.Ul([html.Li(s) for s in roles], className="roles"))
    if ego_size is not None:
        body.append(
            html.P(
                f"Highlighted: {ego_size:,} actors within {hops} tie{'s' if hops != 1 else ''}.",
                className="small text-muted",
            )
        )
    body.append(html.H6(f"Ties ({len(ties):,})"))
    shown = [
        html.Li([html.Strong(t["name"]), " ", sector_badge(t["sector"]), html.Br(), _tie_text(t)])
        for t in ties[:TIES_SHOWN]
    ]
    if len(ties) > TIES_SHOWN:
        shown.append(html.Li(f"and {len(ties) - TIES_SHOWN:,} more", className="text-muted"))
    body.append(html.Ul(shown, className="ties"))
    return dbc.Card(dbc.CardBody([b for b in body if b is not None]), className="actor-card")


def path_in_words(graph: nx.Graph, path: Sequence[Hashable]) -> list[str]:
    """Each step of an introduction chain as a sentence (see ``path_explanation``)."""
    return [step["text"] for step in path_explanation(graph, path)]


def path_summary(graph: nx.Graph, path: Sequence[Hashable]) -> str:
    """One sentence on what the chain means for an introduction."""
    names = [str(graph.nodes[n].get("name") or n) for n in path]
    if len(path) < 2:
        return "Pick two different actors."
    if len(path) == 2:
        return f"{names[0]} and {names[1]} are already tied directly."
    middle = ", then ".join(names[1:-1])
    hops = len(path) - 1
    return f"{names[0]} can reach {names[-1]} in {hops} steps: ask {middle} for the introduction."


def path_panel(graph: nx.Graph, path: Sequence[Hashable]) -> list[Any]:
    """The introduction chain, listed in words."""
    return [
        html.P(path_summary(graph, path), className="path-summary"),
        html.Ol([html.Li(text) for text in path_in_words(graph, path)], className="path-steps"),
    ]


# ---------------------------------------------------------------------------
# Brokers


BROKER_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("name", "Actor", "text"),
    ("sector", "Sector", "text"),
    ("community", "Community", "numeric"),
    ("degree", "Degree", "numeric"),
    ("betweenness", "Betweenness", "numeric"),
    ("closeness", "Closeness", "numeric"),
    ("eigenvector", "Eigenvector", "numeric"),
    ("pagerank", "PageRank", "numeric"),
    ("constraint", "Constraint", "numeric"),
    ("effective_size", "Effective size", "numeric"),
    ("ei_index", "E-I index", "numeric"),
    ("brokerage", "Brokerage (all)", "numeric"),
    ("coordinator", "Coordinator", "numeric"),
    ("itinerant", "Itinerant", "numeric"),
    ("gatekeeper", "Gatekeeper", "numeric"),
    ("representative", "Representative", "numeric"),
    ("liaison", "Liaison", "numeric"),
)


def broker_columns() -> list[dict[str, Any]]:
    """DataTable columns of the brokers table (floats shown with 3 decimals)."""
    columns = []
    for key, label, kind in BROKER_COLUMNS:
        column: dict[str, Any] = {"id": key, "name": label, "type": kind}
        if kind == "numeric" and key not in {"degree", "community", "brokerage", *ROLES}:
            column["format"] = {"specifier": ".3f"}
        columns.append(column)
    return columns


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


def top_brokers_figure(
    report: Mapping[str, Any], measure: str | None, top: int = TOP_BROKERS
) -> go.Figure:
    """Horizontal bars of the ``top`` actors by ``measure``, coloured by sector."""
    labels = {key: label for key, label, kind in BROKER_COLUMNS if kind == "numeric"}
    key = measure if measure in labels else "betweenness"
    rows = broker_rows(report)
    ranked = sorted(rows, key=lambda r: (-(r.get(key) or 0), fold(str(r.get("name")))))[:top]
    ranked = ranked[::-1]
    figure = go.Figure()
    for sector in SECTORS:
        mine = [r for r in ranked if r.get("sector") == sector]
        if not mine:
            continue
        figure.add_bar(
            x=[r.get(key) or 0 for r in mine],
            y=[r["name"] for r in mine],
            orientation="h",
            name=sector,
            marker_color=style.sector_colour(sector),
            hovertemplate="%{y}: %{x}<extra>" + sector + "</extra>",
        )
    figure.update_layout(
        title=f"Top {len(ranked)} actors by {labels[key].lower()}",
        yaxis={"categoryorder": "array", "categoryarray": [r["name"] for r in ranked]},
        margin={"l": 10, "r": 10, "t": 50, "b": 30},
        height=max(320, 28 * len(ranked) + 90),
        legend_title_text="sector",
        template="plotly_white",
    )
    return figure


def report_summary(report: Mapping[str, Any]) -> list[Any]:
    """How the report was computed: size, date, variant, and the method in a fold-out."""
    parts = [f"{len(report.get('actors', [])):,} actors"]
    if report.get("as_of"):
        parts.append(f"as of {report['as_of']}")
    if report.get("variant"):
        parts.append(str(report["variant"]))
    method = report.get("method")
    method = method if isinstance(method, Mapping) else {}
    if report.get("approximate"):
        parts.append(f"approximate: estimated from {method.get('pivots', 'sampled')} pivots")
    summary: list[Any] = [html.Span(" · ".join(parts))]
    steps = [
        html.Li(f"{key.replace('_', ' ')}: {value}")
        for key, value in method.items()
        if key not in {"references", "weight", "seed", "pivots"} and isinstance(value, str)
    ]
    if steps:
        summary.append(
            html.Details(
                [html.Summary("How these are computed"), html.Ul(steps)], className="method"
            )
        )
    return summary


def download_payload(kind: str, data: Mapping[str, Any], fmt: str) -> dict[str, Any]:
    """What ``dcc.Download`` needs to save the rendered report."""
    return {
        "content": base64.b64encode(render(kind, data, fmt)).decode("ascii"),
        "filename": filename(kind, data, fmt),
        "type": MEDIA_TYPES.get(fmt),
        "base64": True,
    }


# ---------------------------------------------------------------------------
# Gaps


def gap_heatmap(gaps: Mapping[str, Any]) -> go.Figure:
    """Sector × sector heatmap of z-scores, observed and expected ties in the hover text."""
    sectors = list(gaps.get("sectors", []))
    observed, expected, z = gaps.get("observed", {}), gaps.get("expected", {}), gaps.get("z", {})
    zs, texts, hover = [], [], []
    for a in sectors:
        row_z, row_text, row_hover = [], [], []
        for b in sectors:
            value = z.get(a, {}).get(b)
            seen = observed.get(a, {}).get(b, 0)
            wanted = expected.get(a, {}).get(b)
            row_z.append(value)
            row_text.append(f"{seen}<br>({number(wanted)})")
            row_hover.append(
                f"{a} – {b}<br>observed ties: {seen}<br>expected: {number(wanted)}"
                f"<br>z: {number(value)}"
            )
        zs.append(row_z)
        texts.append(row_text)
        hover.append(row_hover)
    finite = [abs(v) for row in zs for v in row if isinstance(v, int | float)]
    bound = max(finite, default=1.0) or 1.0
    figure = go.Figure(
        go.Heatmap(
            z=zs,
            x=sectors,
            y=sectors,
            text=texts,
            texttemplate="%{text}",
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
            colorscale="RdBu",
            zmid=0,
            zmin=-bound,
            zmax=bound,
            colorbar={"title": {"text": "z"}},
        )
    )
    figure.update_layout(
        title="Ties between sectors: observed (expected); colour = z-score",
        yaxis={"autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=480,
        template="plotly_white",
    )
    return figure


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
                ],
                className="introduction",
            )
        )
    if not cards:
        return [html.P("No introduction to suggest.")]
    return [html.Ol(cards, className="introductions")]


def focus_from_introduction(
    gaps: Mapping[str, Any], clicks: Sequence[int | None], trigger: Any
) -> tuple[str, str]:
    """The Explore page's address with both actors of the clicked introduction as path ends."""
    if not isinstance(trigger, Mapping) or not any(clicks or ()):
        raise PreventUpdate
    intros = gaps.get("introductions", [])
    index = trigger.get("index")
    if not isinstance(index, int) or not 0 <= index < len(intros):
        raise PreventUpdate
    source, target = intros[index]["source"], intros[index]["target"]
    return "/", "?" + urlencode({"from": source["id"], "to": target["id"]})


def focus_from_search(search: str | None, graph: nx.Graph | None) -> dict[str, Any]:
    """The path ends named in the address (``?from=ID&to=ID``), with their picker options.

    Unknown actors are dropped.
    """
    query = parse_qs((search or "").lstrip("?"))
    focus: dict[str, Any] = {}
    for key in ("from", "to"):
        actor = (query.get(key) or [None])[0]
        if actor and graph is not None and actor in graph:
            attrs = graph.nodes[actor]
            label = f"{attrs.get('name') or actor} · {attrs.get('sector') or 'unknown'}"
            focus[key] = {"value": actor, "options": [{"label": label, "value": actor}]}
    return focus


# ---------------------------------------------------------------------------
# Compare


def compare_tooltips(comparison: Mapping[str, Any]) -> list[dict[str, str]]:
    """What each indicator means, shown when hovering its name in the table."""
    return [
        {"indicator": str(i.get("description") or "")} for i in comparison.get("indicators", [])
    ]


def compare_table(comparison: Mapping[str, Any]) -> tuple[list[dict], list[dict]]:
    """Rows (one per indicator) and two-level columns (territory: raw, normalised)."""
    territories = list(comparison.get("territories", []))
    columns: list[dict[str, Any]] = [{"id": "indicator", "name": ["", "Indicator"]}]
    for i, territory in enumerate(territories):
        columns.append({"id": f"raw{i}", "name": [str(territory), "raw"]})
        columns.append({"id": f"norm{i}", "name": [str(territory), "normalised"]})
    rows = []
    for indicator in comparison.get("indicators", []):
        row: dict[str, Any] = {"indicator": indicator.get("label") or indicator.get("name")}
        for i, territory in enumerate(territories):
            row[f"raw{i}"] = number(indicator.get("values", {}).get(territory))
            row[f"norm{i}"] = number(indicator.get("normalised", {}).get(territory))
        rows.append(row)
    return rows, columns


def compare_figure(comparison: Mapping[str, Any]) -> go.Figure:
    """Grouped bars of the size-normalised indicators, one colour per territory."""
    indicators = [
        i
        for i in comparison.get("indicators", [])
        if any(v is not None for v in (i.get("normalised") or {}).values())
    ]
    labels = [i.get("label") or i.get("name") for i in indicators]
    figure = go.Figure()
    for territory in comparison.get("territories", []):
        figure.add_bar(
            x=labels,
            y=[i.get("normalised", {}).get(territory) for i in indicators],
            name=str(territory),
            hovertemplate="%{x}: %{y:.3f}<extra>" + str(territory) + "</extra>",
        )
    figure.update_layout(
        barmode="group",
        title="Indicators, normalised for territory size",
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=440,
        template="plotly_white",
        legend_title_text="territory",
    )
    return figure


def compare_raw_figure(comparison: Mapping[str, Any], columns: int = 4) -> go.Figure:
    """One small bar chart per indicator with the raw values, territories side by side."""
    indicators = comparison.get("indicators", [])
    territories = [str(t) for t in comparison.get("territories", [])]
    if not indicators:
        return go.Figure()
    rows = math.ceil(len(indicators) / columns)
    titles = [str(i.get("label") or i.get("name")) for i in indicators]
    figure = make_subplots(rows=rows, cols=columns, subplot_titles=titles, vertical_spacing=0.12)
    colours = plotly.colors.qualitative.Plotly
    for k, indicator in enumerate(indicators):
        figure.add_bar(
            x=territories,
            y=[indicator.get("values", {}).get(t) for t in territories],
            marker_color=[colours[i % len(colours)] for i in range(len(territories))],
            showlegend=False,
            hovertemplate="%{x}: %{y}<extra>" + titles[k] + "</extra>",
            row=k // columns + 1,
            col=k % columns + 1,
        )
    figure.update_xaxes(showticklabels=False)
    figure.update_annotations(font_size=12)
    figure.update_layout(
        title="Raw values (one colour per territory, in the order of the table)",
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        height=max(300, 170 * rows + 60),
        template="plotly_white",
    )
    return figure


# ---------------------------------------------------------------------------
# Views: fetch from the source, present, guard. Callbacks call only these.


def explore_controls_view(source: Source, territory: str | None) -> tuple[dict, dict]:
    """Props of the as-of and minimum-weight sliders for ``territory``.

    On failure the sliders stay neutral; the network view shows the error.
    """
    neutral = year_slider([]), {"min": 0, "max": 1, "step": 1, "marks": {}, "value": 0}
    if not territory:
        return neutral
    try:
        years = network_years(source.network(territory))
        return year_slider(years), weight_slider(source.graph(territory))
    except Exception:
        log.exception("sliders of %r", territory)
        return neutral


def slider_outputs(props: tuple[dict, dict]) -> tuple:
    """The slider props as the flat tuple of callback outputs."""
    year, weight = props
    year_keys = ("min", "max", "marks", "value", "disabled")
    weight_keys = ("min", "max", "step", "marks", "value")
    return (*(year.get(k) for k in year_keys), *(weight.get(k) for k in weight_keys))


def _overview_map(
    source: Source, territory: str, as_of: date | None, threshold: int, drill: int | None
) -> dict[Hashable, int] | None:
    graph = source.graph(territory, as_of=as_of)
    if draw_mode(len(graph), threshold, drill) != "overview":
        return None
    return {r["id"]: r["community"] for r in source.report(territory, as_of=as_of)["actors"]}


HIDDEN = {"display": "none"}


@guarded(list, str, lambda: HIDDEN)
def network_view(
    source: Source,
    territory: str | None,
    as_of: str | None,
    drill: int | None,
    threshold: int = AGGREGATE_ABOVE,
) -> tuple[list, str, dict]:
    """Elements, summary line and back-button style of the Explore network (+ alert)."""
    territory = require_territory(territory)
    day = parse_as_of(as_of)
    full = source.graph(territory)
    graph = source.graph(territory, as_of=day)
    report = source.report(territory, as_of=day)
    positions = scale_positions(source.layout(territory))
    rows = report.get("actors", [])
    mode = draw_mode(len(graph), threshold, drill)
    if mode == "overview":
        elements = overview_elements(graph, positions, rows)
    else:
        members = None
        if mode == "community":
            members = most_connected(graph, [r["id"] for r in rows if r.get("community") == drill])
            members = members[:threshold]
        elements = network_elements(graph, positions, rows, element_index(full), members)
    shown = sum(1 for e in elements if "source" not in e["data"])
    back = {} if mode == "community" else HIDDEN
    summary = network_summary(report, mode, shown, drill)
    if mode == "community":
        everyone = sum(1 for r in rows if r.get("community") == drill and r["id"] in graph)
        if everyone > shown:
            summary += f" (its {shown:,} most connected of {everyone:,})"
    return elements, summary, back


def most_connected(graph: nx.Graph, actors: Iterable[Hashable]) -> list[Hashable]:
    """``actors`` present in ``graph``, most ties first (ties broken by id)."""
    present = [a for a in actors if a in graph]
    return sorted(present, key=lambda a: (-len(graph[a]), str(a)))


def legend_view(
    source: Source,
    territory: str | None,
    as_of: str | None,
    drill: int | None,
    colour_by: str | None,
    threshold: int = AGGREGATE_ABOVE,
) -> list[Any]:
    """The legend under the network (empty on failure: the network view shows the error)."""
    if not territory:
        return []
    try:
        day = parse_as_of(as_of)
        graph = source.graph(territory, as_of=day)
        rows = source.report(territory, as_of=day).get("actors", [])
    except Exception:
        log.exception("legend of %r", territory)
        return []
    return legend(graph, rows, colour_by, draw_mode(len(graph), threshold, drill))


def pick_view(
    source: Source,
    territory: str | None,
    trigger: Any,
    tap: Mapping[str, Any] | None,
    searched: str | None,
    threshold: int = AGGREGATE_ABOVE,
) -> tuple[Any, Any]:
    """Selected actor and opened community; a searched actor opens its community when large."""
    actor, drill = pick(trigger, tap, searched)
    if (
        territory
        and isinstance(trigger, Mapping)
        and actor
        and len(source.graph(territory)) > threshold
    ):
        communities = {r["id"]: r.get("community") for r in source.report(territory)["actors"]}
        drill = communities.get(actor, no_update)
    return actor, drill


@guarded(None, dict)
def card_view(
    source: Source,
    territory: str | None,
    as_of: str | None,
    actor_id: str | None,
    hops: int | None,
    drill: int | None,
    threshold: int = AGGREGATE_ABOVE,
) -> tuple[Any, dict]:
    """The actor card and the ego highlight store (+ alert)."""
    if not territory or not actor_id:
        hint = "Click an actor in the network, or search one by name."
        return html.P(hint, className="text-muted"), {}
    day = parse_as_of(as_of)
    hops = int(hops or 1)
    graph = source.graph(territory, as_of=day)
    network = source.network(territory, as_of=day)
    report = source.report(territory, as_of=day)
    row = next((r for r in report.get("actors", []) if r["id"] == actor_id), None)
    names = {a.id: (a.name, str(a.sector)) for a in (*network.actors, *network.outside)}
    ties = tie_rows(actor_id, network.ties, names, set(network.member_ids))
    ego_store: dict[str, Any] = {}
    ego_size = None
    if actor_id in graph:
        ego = source.ego(territory, actor_id, hops=hops, as_of=day)
        index = element_index(source.graph(territory))
        communities = _overview_map(source, territory, day, threshold, drill)
        ego_store = highlight(ego.nodes, ego.edges, index, communities)
        ego_store["selected"] = highlight([actor_id], [], index, communities)["nodes"]
        ego_size = ego.number_of_nodes()
    actor = source.actor(actor_id)
    return actor_card(actor, row, ties, hops, ego_size), ego_store


@guarded(list, dict)
def path_view(
    source: Source,
    territory: str | None,
    as_of: str | None,
    start: str | None,
    end: str | None,
    drill: int | None,
    threshold: int = AGGREGATE_ABOVE,
) -> tuple[list, dict]:
    """The introduction chain in words and the path highlight store (+ alert)."""
    if not territory or not start or not end:
        hint = "Pick two actors to find who can introduce them."
        return [html.P(hint, className="text-muted")], {}
    day = parse_as_of(as_of)
    graph = source.graph(territory, as_of=day)
    if start == end:
        return [html.P("Pick two different actors.")], {}
    full = source.graph(territory)
    if start not in full or end not in full:
        return [html.P("Pick two actors of this territory.", className="text-muted")], {}
    try:
        path = source.path(territory, start, end, as_of=day)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        path = []
    if not path:
        first = graph.nodes[start].get("name", start) if start in graph else start
        last = graph.nodes[end].get("name", end) if end in graph else end
        message = f"No chain of ties links {first} and {last} in this territory at this date."
        return [dbc.Alert(message, color="warning")], {}
    index = element_index(full)
    communities = _overview_map(source, territory, day, threshold, drill)
    steps = list(zip(path, path[1:], strict=False))
    return path_panel(graph, path), highlight(path, steps, index, communities)


def picker_view(
    source: Source, territory: str | None, query: str | None, value: Any
) -> list[dict[str, str]]:
    """Options of an actor picker for what the user typed (none on failure)."""
    if not territory:
        return []
    keep = value if isinstance(value, list) else [value] if value else []
    try:
        return actor_options(source.graph(territory), query, keep)
    except Exception:
        log.exception("actor options of %r", territory)
        return []


def territories_view(source: Source) -> tuple[list[str], Any]:
    """The territory names for the picker, and an error panel if the store cannot be read."""
    try:
        return list(source.territory_names()), None
    except Exception as exc:
        log.exception("listing territories")
        return [], error_alert(exc)


def focus_view(source: Source, territory: str | None, search: str | None) -> dict[str, Any]:
    """The path ends named in the address, if they are actors of ``territory``."""
    if not territory or not search:
        return {}
    try:
        return focus_from_search(search, source.graph(territory))
    except Exception:
        log.exception("focus %r in %r", search, territory)
        return {}


@guarded(list, broker_columns, go.Figure, str)
def brokers_view(
    source: Source, territory: str | None, measure: str | None, weighted: bool | None
) -> tuple[list, list, go.Figure, str]:
    """Table rows and columns, top-brokers chart and summary (+ alert)."""
    territory = require_territory(territory)
    report = source.report(territory, weighted=bool(weighted))
    return (
        broker_rows(report),
        broker_columns(),
        top_brokers_figure(report, measure),
        report_summary(report),
    )


@guarded(lambda: no_update)
def download_view(
    source: Source, territory: str | None, weighted: bool | None, trigger: Any, clicks: Sequence
) -> tuple[dict[str, Any]]:
    """The brokers report rendered in the clicked format, for ``dcc.Download``."""
    if not territory or not isinstance(trigger, Mapping) or not any(clicks or ()):
        raise PreventUpdate
    fmt = trigger.get("fmt")
    if fmt not in words.DOWNLOAD_FORMATS:
        raise PreventUpdate
    return (download_payload("report", source.report(territory, weighted=bool(weighted)), fmt),)


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
    return focus_from_introduction(source.gaps(territory), clicks, trigger)


@guarded(list, list, list, go.Figure, go.Figure)
def compare_view(
    source: Source, territories: Sequence[str] | None
) -> tuple[list, list, list, go.Figure, go.Figure]:
    """Table rows, columns and tooltips, normalised and raw charts (+ alert)."""
    if not territories:
        raise NothingToShow("Pick one or more territories to compare.")
    comparison = source.compare(list(territories))
    rows, columns = compare_table(comparison)
    tooltips = compare_tooltips(comparison)
    return rows, columns, tooltips, compare_figure(comparison), compare_raw_figure(comparison)
