"""The Explore network drawing: element ids, positions, elements, stylesheet, legend.

The network is drawn with element ids of our own (``n12`` for a node, ``e3_12``
for a tie, ``c4`` for a community supernode), numbered on the territory's
full graph: they are stable across dates and filters, they are safe inside
Cytoscape selectors, and actor ids (user data) travel only as data.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import networkx as nx
import numpy as np
from dash import html

from ...graph.vocabulary import SECTORS, TIE_KINDS, sector_colour
from .. import menus, style
from .formatting import number

AGGREGATE_ABOVE = 1500
"""Territories with more actors than this are first drawn as communities."""


LABELLED = 12
"""The most connected actors drawn keep their name at any zoom; the others show it zoomed in."""


_ELEMENT_ID = re.compile(r"n\d+|c-?\d+|e\d+_\d+|x-?\d+_-?\d+")


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
    columns = {key: [metric_value(row, key) for row in rows] for key in menus.SIZE_METRICS}
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
    blank = {f"s_{key}": 0.0 for key in menus.SIZE_METRICS}
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
            "colour": sector_colour(sector),
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
            "colour": sector_colour(dominant),
            "ccolour": style.community_colour(ranks[label]),
            **{f"s_{key}": size for key in menus.SIZE_METRICS},
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
    size_key = f"s_{size_by}" if size_by in menus.SIZE_METRICS else "s_degree"
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
                items.append(_swatch(sector_colour(sector), f"{sector} ({counts[sector]:,})"))
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
