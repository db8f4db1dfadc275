"""Suggested introductions: untied actors of two sectors who should meet.

A candidate pair joins an actor of sector *a* to an actor of sector *b* who
are not tied. Candidates come from two- and three-step neighbourhoods (and,
for sectors with no such pair, from the best-connected actors of each), so
the cost grows with the ties around the sectors, not with the square of the
number of actors. Each candidate is scored by how likely the introduction is
to work and by how much it would bring the two sectors closer.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

from ..reasons import reason_text
from .engine import engine_graph
from .paths import actor_ref, introduction_path

__all__ = [
    "suggest_introductions",
    "sector_distances",
    "reach_gain",
    "SCORE_WEIGHTS",
]

SCORE_WEIGHTS: Mapping[str, float] = {
    "base": 0.1,
    "adamic_adar": 1.0,
    "event_partner": 0.25,
    "same_community": 0.5,
    "proximity": 1.0,
}
"""Weights of the likelihood terms (see :func:`suggest_introductions`)."""


SHORTLIST = 30
MAX_PER_ACTOR = 3
COLD_PER_SECTOR = 3


@dataclass
class _Indexed:
    """The graph as integer arrays, with igraph for the C-speed distances."""

    G: nx.Graph
    nodes: list[Hashable]
    index: dict[Hashable, int]
    sector: list[str]
    adj: list[list[int]]
    nbrs: list[set[int]]
    engine: ig.Graph
    by_sector: list[dict[str, list[int]]]
    _distances: dict[str, np.ndarray] = field(default_factory=dict)
    _members: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, G: nx.Graph) -> _Indexed:
        view = engine_graph(G)
        nodes, index = view.nodes, view.index
        adj = [[index[v] for v in G[u]] for u in nodes]
        sector = [str(G.nodes[n].get("sector")) for n in nodes]
        by_sector: list[dict[str, list[int]]] = []
        for around in adj:
            groups: dict[str, list[int]] = {}
            for v in around:
                groups.setdefault(sector[v], []).append(v)
            by_sector.append(groups)
        return cls(
            G=G,
            nodes=nodes,
            index=index,
            sector=sector,
            adj=adj,
            nbrs=[set(a) for a in adj],
            engine=view.igraph,
            by_sector=by_sector,
        )

    def members(self, sector: str) -> list[int]:
        if sector not in self._members:
            self._members[sector] = [i for i, s in enumerate(self.sector) if s == sector]
        return list(self._members[sector])

    def distance_to(self, sector: str) -> np.ndarray:
        """Steps from every node to the nearest actor of ``sector`` (inf if none)."""
        if sector not in self._distances:
            self._distances[sector] = _multi_source_bfs(self.adj, self.members(sector))
        return self._distances[sector]

    def event_tie(self, u: int, v: int) -> bool:
        kinds = self.G.edges[self.nodes[u], self.nodes[v]].get("kinds", ())
        return any(str(k) == "event" for k in kinds)


def _multi_source_bfs(adj: list[list[int]], sources: Iterable[int]) -> np.ndarray:
    dist = np.full(len(adj), np.inf)
    frontier = list(sources)
    dist[frontier] = 0
    step = 0
    while frontier:
        step += 1
        following = []
        for u in frontier:
            for v in adj[u]:
                if dist[v] == np.inf:
                    dist[v] = step
                    following.append(v)
        frontier = following
    return dist


def sector_distances(G: nx.Graph, sector: str) -> dict[Hashable, float]:
    """Return the number of steps from every actor to the nearest actor of ``sector``.

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry a ``sector`` attribute.
    sector : str

    Returns
    -------
    dict
        Node to steps (``0`` for the sector's own actors, ``inf`` when no
        chain of ties leads to the sector).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(3)
    >>> nx.set_node_attributes(G, {0: "public", 1: "business", 2: "business"}, "sector")
    >>> sector_distances(G, "public")
    {0: 0.0, 1: 1.0, 2: 2.0}
    """
    indexed = _Indexed.build(G)
    dist = indexed.distance_to(sector)
    return {node: float(dist[i]) for i, node in enumerate(indexed.nodes)}


def reach_gain(G: nx.Graph, u: Hashable, v: Hashable) -> dict[str, Any]:
    """Return how much a new tie ``u``–``v`` brings the two actors' sectors together.

    With ``d_b(x)`` the steps from actor ``x`` of ``u``'s sector *a* to the
    nearest actor of ``v``'s sector *b*, the tie gives ``d_b'(x) = min(d_b(x),
    d(x, u) + 1)``, and symmetrically for the actors of *b*. The gain is the
    increase of the summed efficiencies ``1 / d`` [1]_ over the actors of
    both sectors (an actor with no path counts 0), so that giving an actor
    its first path to the other sector counts most. It needs one
    breadth-first search from each end of the tie, never all pairs.

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry a ``sector`` attribute.
    u, v : node
        Two untied actors of different sectors.

    Returns
    -------
    dict
        ``gain`` (float), ``closer`` and ``connected``: for each of the two
        sectors, the number of its actors brought closer to the other sector
        and, among them, those that had no path to it before.

    References
    ----------
    .. [1] Latora, V. and Marchiori, M. (2001). Efficient behavior of
       small-world networks. *Physical Review Letters* 87(19), 198701.

    Examples
    --------
    Two businesses in a line, then a gap, then a public body: tying the
    first business to the public body brings both businesses closer.

    >>> import networkx as nx
    >>> G = nx.Graph([("b1", "b2")])
    >>> G.add_node("p")
    >>> nx.set_node_attributes(G, {"b1": "business", "b2": "business", "p": "public"}, "sector")
    >>> reach_gain(G, "b1", "p")
    {'gain': 2.5, 'closer': {'business': 2, 'public': 1}, 'connected': {'business': 2, 'public': 1}}
    """
    indexed = _Indexed.build(G)
    iu, iv = indexed.index[u], indexed.index[v]
    rows = _source_distances(indexed, [iu, iv])
    a, b = indexed.sector[iu], indexed.sector[iv]
    gain_a, closer_a, new_a = _one_side_gain(indexed, rows[iu], a, b)
    gain_b, closer_b, new_b = _one_side_gain(indexed, rows[iv], b, a)
    closer = {a: closer_a, b: closer_b}
    return {"gain": gain_a + gain_b, "closer": closer, "connected": {a: new_a, b: new_b}}


def _source_distances(indexed: _Indexed, sources: Sequence[int]) -> dict[int, np.ndarray]:
    unique = sorted(set(sources))
    if not unique:
        return {}
    matrix = np.asarray(indexed.engine.distances(source=unique), dtype=float)
    return {s: matrix[row] for row, s in enumerate(unique)}


def _one_side_gain(
    indexed: _Indexed, from_end: np.ndarray, own: str, other: str
) -> tuple[float, int, int]:
    """Gain for the actors of ``own`` when the end in ``own`` is tied to ``other``."""
    members = np.asarray(indexed.members(own), dtype=int)
    if members.size == 0:
        return 0.0, 0, 0
    before = indexed.distance_to(other)[members]
    after = np.minimum(before, from_end[members] + 1)
    improved = after < before
    with np.errstate(divide="ignore"):
        gain = float(np.sum(1.0 / after[improved]) - np.sum(1.0 / before[improved]))
    newly = int(np.sum(improved & np.isinf(before)))
    return gain, int(np.sum(improved)), newly


def suggest_introductions(
    G: nx.Graph,
    pairs: Iterable[tuple[str, str]],
    *,
    top: int = 20,
    communities: Mapping[Hashable, int] | None = None,
    max_pairs: int = 2_000_000,
) -> list[dict[str, Any]]:
    """Rank introductions between untied actors of the given sector pairs.

    For each sector pair ``(a, b)``, candidates ``(x, y)`` with ``x`` in *a*
    and ``y`` in *b* and no tie between them are taken from shared partners
    (two steps), then, if fewer than ``top``, from three-step chains, then,
    if none at all, among the three most connected actors of each sector.
    The best ``max(30, 2 * top)`` by likelihood are scored:

    * likelihood = 0.1 (any introduction may work)
      + Adamic–Adar index of the shared partners [1]_
      + 0.25 per shared partner met through ``event`` ties on both sides
      + 0.5 if both are in the same community
      + 1 / (distance − 1) (1 at two steps, 0.5 at three, 0 with no path);
    * impact = :func:`reach_gain` of the new tie;
    * ``score = likelihood * (1 + impact)``.

    The best candidate of each sector pair is always kept (up to ``top``
    pairs), then the others by decreasing score, skipping those that would
    name an actor a fourth time; the list is by decreasing score.

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry ``name`` and ``sector``; edges may carry ``kinds``.
    pairs : iterable of (str, str)
        Sector pairs to bridge, in order of priority.
    top : int, default 20
        Number of suggestions returned.
    communities : mapping, optional
        Node to community label.
    max_pairs : int, default 2_000_000
        Bound on the shared-partner pairs enumerated per sector pair: the
        partners with most ties (who weigh least in Adamic–Adar) are skipped
        beyond it, for candidate generation only.

    Returns
    -------
    list of dict
        ``source``, ``target`` (``{id, name, sector}``), ``sectors``,
        ``score``, ``likelihood``, ``impact``, ``shared_partners`` (names),
        ``distance`` (int or None), ``same_community`` (bool or None),
        ``reason`` (a sentence) and ``reason_parts`` (the same sentence as English
        templates and their values, for :func:`reason_text` to tell in another language).

    Raises
    ------
    ValueError
        If a pair names the same sector twice.

    References
    ----------
    .. [1] Adamic, L. A. and Adar, E. (2003). Friends and neighbors on the
       web. *Social Networks* 25(3), 211-230.
    .. [2] Liben-Nowell, D. and Kleinberg, J. (2007). The link-prediction
       problem for social networks. *JASIST* 58(7), 1019-1031.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a1", "m"), ("m", "p1")])
    >>> nx.set_node_attributes(
    ...     G, {"a1": "association", "m": "business", "p1": "public"}, "sector"
    ... )
    >>> nx.set_node_attributes(G, {"a1": "Asso", "m": "Garage", "p1": "Mairie"}, "name")
    >>> [s["reason"] for s in suggest_introductions(G, [("association", "public")])]
    ['both work with Garage; would bring 1 association and 1 public body closer to each other']
    """
    if top <= 0:
        return []
    indexed = _Indexed.build(G)
    shortlist = max(SHORTLIST, 2 * top)
    ranked: list[list[dict[str, Any]]] = []
    for a, b in pairs:
        if a == b:
            raise ValueError(f"an introduction joins two different sectors, not {a!r} twice")
        xs, ys = indexed.members(a), indexed.members(b)
        if not xs or not ys:
            ranked.append([])
            continue
        candidates = _candidates(indexed, a, b, top, max_pairs)
        chosen = sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))[:shortlist]
        scored = _score(indexed, [key for key, _ in chosen], communities)
        ranked.append(scored)
    return _select(ranked, top)


def _candidates(
    indexed: _Indexed, a: str, b: str, top: int, max_pairs: int
) -> dict[tuple[int, int], float]:
    """Candidate pairs (x in a, y in b) with a pre-score for the shortlist."""
    found = _two_step(indexed, a, b, max_pairs)
    if len(found) < top:
        for key in _three_step(indexed, a, b, max_pairs // 10):
            found.setdefault(key, SCORE_WEIGHTS["proximity"] / 2)
    if not found:
        for key in _cold(indexed, a, b):
            found[key] = 0.0
    return found


def _by_sector(indexed: _Indexed, node: int, sector: str) -> list[int]:
    return indexed.by_sector[node].get(sector, [])


def _two_step(indexed: _Indexed, a: str, b: str, max_pairs: int) -> dict[tuple[int, int], float]:
    blocks = []
    for w in range(len(indexed.nodes)):
        xs, ys = _by_sector(indexed, w, a), _by_sector(indexed, w, b)
        if xs and ys:
            blocks.append((len(indexed.adj[w]), w, xs, ys))
    blocks.sort()
    n = len(indexed.nodes)
    keys, weights, budget = [], [], max_pairs
    for degree, _, xs, ys in blocks:
        size = len(xs) * len(ys)
        if size > budget:
            break
        budget -= size
        grid = (np.asarray(xs, dtype=np.int64)[:, None] * n + np.asarray(ys)[None, :]).ravel()
        keys.append(grid)
        weights.append(np.full(grid.size, 1.0 / math.log(degree)))
    if not keys:
        return {}
    unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    scores = np.bincount(inverse, weights=np.concatenate(weights))
    found = {}
    for key, score in zip(unique.tolist(), scores.tolist(), strict=True):
        x, y = divmod(key, n)
        if y not in indexed.nbrs[x]:
            found[(x, y)] = SCORE_WEIGHTS["proximity"] + score
    return found


def _three_step(indexed: _Indexed, a: str, b: str, max_pairs: int) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    budget = max_pairs
    touching_a = [w for w in range(len(indexed.nodes)) if _by_sector(indexed, w, a)]
    for w1 in touching_a:
        xs = _by_sector(indexed, w1, a)
        for w2 in indexed.adj[w1]:
            ys = _by_sector(indexed, w2, b)
            budget -= len(xs) * len(ys)
            if budget < 0:
                return found
            for x in xs:
                near = indexed.nbrs[x]
                for y in ys:
                    if y not in near and not (indexed.nbrs[y] & near):
                        found.add((x, y))
    return found


def _cold(indexed: _Indexed, a: str, b: str) -> list[tuple[int, int]]:
    def best(sector: str) -> list[int]:
        members = indexed.members(sector)
        members.sort(key=lambda i: (-len(indexed.adj[i]), str(indexed.nodes[i])))
        return members[:COLD_PER_SECTOR]

    return [(x, y) for x in best(a) for y in best(b) if y not in indexed.nbrs[x]]


def _score(
    indexed: _Indexed,
    keys: Sequence[tuple[int, int]],
    communities: Mapping[Hashable, int] | None,
) -> list[dict[str, Any]]:
    rows = _source_distances(indexed, [i for key in keys for i in key])
    gains: dict[tuple[int, str, str], tuple[float, int, int]] = {}
    results = []
    for x, y in keys:
        a, b = indexed.sector[x], indexed.sector[y]
        shared = sorted(
            indexed.nbrs[x] & indexed.nbrs[y],
            key=lambda w: (len(indexed.adj[w]), str(indexed.nodes[w])),
        )
        adamic_adar = sum(1.0 / math.log(len(indexed.adj[w])) for w in shared)
        events = [w for w in shared if indexed.event_tie(x, w) and indexed.event_tie(y, w)]
        steps = rows[x][y]
        distance = None if math.isinf(steps) else int(steps)
        same, community = None, None
        if communities is not None:
            cx, cy = communities.get(indexed.nodes[x]), communities.get(indexed.nodes[y])
            same = cx is not None and cx == cy
            community = cx if same else None
        likelihood = (
            SCORE_WEIGHTS["base"]
            + SCORE_WEIGHTS["adamic_adar"] * adamic_adar
            + SCORE_WEIGHTS["event_partner"] * len(events)
            + (SCORE_WEIGHTS["same_community"] if same else 0.0)
            + (SCORE_WEIGHTS["proximity"] / (distance - 1) if distance else 0.0)
        )
        for end, own, other in ((x, a, b), (y, b, a)):
            if (end, own, other) not in gains:
                gains[end, own, other] = _one_side_gain(indexed, rows[end], own, other)
        gain_x, closer_x, new_x = gains[x, a, b]
        gain_y, closer_y, new_y = gains[y, b, a]
        impact = gain_x + gain_y
        parts = _reason_parts(
            indexed,
            (x, y),
            shared,
            events,
            distance,
            community,
            {a: closer_x, b: closer_y},
            {a: new_x, b: new_y},
        )
        results.append(
            {
                "source": actor_ref(indexed.G, indexed.nodes[x]),
                "target": actor_ref(indexed.G, indexed.nodes[y]),
                "sectors": [a, b],
                "score": round(likelihood * (1.0 + impact), 6),
                "likelihood": round(likelihood, 6),
                "impact": round(impact, 6),
                "shared_partners": [indexed.G.nodes[indexed.nodes[w]].get("name") for w in shared],
                "distance": distance,
                "same_community": same,
                "reason": reason_text(parts),
                "reason_parts": parts,
            }
        )
    results.sort(key=_rank)
    return results


def _rank(item: dict[str, Any]) -> tuple[Any, ...]:
    return (-item["score"], str(item["source"]["id"]), str(item["target"]["id"]))


def _select(ranked: list[list[dict[str, Any]]], top: int) -> list[dict[str, Any]]:
    chosen = [items[0] for items in ranked if items][:top]
    uses = Counter(end for item in chosen for end in _ends(item))
    for item in sorted((item for items in ranked for item in items[1:]), key=_rank):
        if len(chosen) >= top:
            break
        if all(uses[end] < MAX_PER_ACTOR for end in _ends(item)):
            chosen.append(item)
            uses.update(_ends(item))
    return sorted(chosen, key=_rank)


def _ends(item: dict[str, Any]) -> tuple[Hashable, Hashable]:
    return item["source"]["id"], item["target"]["id"]


def _names(indexed: _Indexed, nodes: Sequence[int]) -> list[str]:
    return [str(indexed.G.nodes[indexed.nodes[w]].get("name", indexed.nodes[w])) for w in nodes]


def _reason_parts(
    indexed: _Indexed,
    pair: tuple[int, int],
    shared: Sequence[int],
    events: Sequence[int],
    distance: int | None,
    community: int | None,
    closer: Mapping[str, int],
    connected: Mapping[str, int],
) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    if shared:
        others = [w for w in shared if w not in events]
        if others:
            names = _names(indexed, others)
            parts.append({"template": "both work with {names}", "names": names, "limit": 2})
        if events:
            names = _names(indexed, events)
            template = "both take part in events with {names}"
            parts.append({"template": template, "names": names, "limit": 2})
    elif distance is not None:
        middle = _names(indexed, _middle(indexed, pair))
        template = "{distance} steps apart, through {names}"
        parts.append({"template": template, "distance": distance, "names": middle, "limit": 3})
    else:
        parts.append({"template": "no chain of ties joins them yet"})
    if community is not None:
        parts.append({"template": "both in community {community}", "community": community})
    a, b = closer
    for counts, both, one in (
        (
            connected,
            "would give {who} a first path to each other",
            "would give {who} a first path to {whom}",
        ),
        (closer, "would bring {who} closer to each other", "would bring {who} closer to {whom}"),
    ):
        sides = [s for s in (a, b) if counts[s]]
        if sides:
            who = [{"sector": s, "count": counts[s]} for s in sides]
            if len(sides) == 2:
                parts.append({"template": both, "who": who})
            else:
                parts.append({"template": one, "who": who, "whom": b if sides == [a] else a})
            break
    return parts


def _middle(indexed: _Indexed, pair: tuple[int, int]) -> list[int]:
    x, y = pair
    path = introduction_path(indexed.G, indexed.nodes[x], indexed.nodes[y])
    return [indexed.index[node] for node in path[1:-1]]
