"""Gaps between sectors: who is missing whom, who bridges them, and who should meet.

A *gap* is a pair of sectors with fewer ties between them than chance
would give. Chance is a permutation baseline: the sector labels are
shuffled over the actors (so sector sizes and the shape of the network are
kept) and the ties between each pair of sectors are counted again.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from statistics import NormalDist
from typing import Any

import networkx as nx

from ..model import Network
from ..vocabulary import sector_sort_key
from . import method_text as M
from .communities import communities
from .engine import Seed, settled_seed
from .groups import mixing_baseline
from .introductions import SCORE_WEIGHTS, suggest_introductions
from .network import territory_graph
from .paths import actor_ref

__all__ = [
    "gap_report",
    "sector_order",
    "sector_bridges",
    "fragile_bridges",
]


def gap_report(
    network: Network,
    *,
    seed: Seed = None,
    permutations: int = 1000,
    alpha: float = 0.05,
    top: int = 20,
    partition: Mapping[Hashable, int] | None = None,
) -> dict[str, Any]:
    """Find the sector pairs that work together less than chance, their bridges, and introductions.

    Parameters
    ----------
    network : Network
        A territory's network; only ties between its members count.
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state of the permutation baseline and of the community detection, as
        NetworkX takes one (None: the global random state); an int seed, recorded in
        ``method["seed"]``, gives the same result again.
    permutations : int, default 1000
        Shuffles of the sector labels (see
        :func:`~maillage.graph.analytics.groups.mixing_baseline`).
    alpha : float, default 0.05
        Two-sided level of the z test for a gap: a pair with ties is a gap
        when ``z <= Φ⁻¹(alpha / 2)`` (-1.96 at 0.05).
    top : int, default 20
        Number of suggested introductions, of bridges listed per gap
        (``bridge_count`` counts them all) and of fragile bridges listed.
    partition : mapping, optional
        Actor id to community label, e.g. the territory report's ``community``
        column for the same network and seed; computed with
        :func:`~maillage.graph.analytics.communities.communities` when None.

    Returns
    -------
    dict
        ``territory``, ``as_of``, ``sectors``, ``observed``, ``expected``,
        ``z`` (``{a: {b: value}}``, the diagonal within a sector), ``gaps``
        (lowest z first: ``sectors``, ``observed``, ``expected``, ``z``, ``bridges``
        ``[{id, name, sector}]``, ``bridge_count``, ``fragile``),
        ``fragile_bridges`` (see :func:`fragile_bridges`), ``introductions``
        (see :func:`~maillage.graph.analytics.introductions.suggest_introductions`)
        and ``method``, which states every rule in words.

    Raises
    ------
    ValueError
        If ``permutations`` is under 2, ``top`` negative, or ``alpha`` not in (0, 1).

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of
       Competition*. Harvard University Press.
    .. [2] Krackhardt, D. (1988). Predicting with networks: nonparametric
       multiple regression analysis of dyadic data. *Social Networks* 10(4),
       359-381.

    Examples
    --------
    Two associations and two public bodies, joined only through one business:

    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> def actor(id, sector):
    ...     return Actor(id, id.upper(), Sector(sector), ("T",))
    >>> actors = (actor("a1", "association"), actor("a2", "association"),
    ...           actor("b", "business"), actor("p1", "public"), actor("p2", "public"))
    >>> ties = (Tie("a1", "a2"), Tie("a1", "b"), Tie("b", "p1"), Tie("p1", "p2"))
    >>> report = gap_report(Network("T", actors, ties), permutations=99, seed=42)
    >>> gap = next(g for g in report["gaps"] if g["sectors"] == ["association", "public"])
    >>> gap["observed"], gap["bridges"], gap["fragile"]
    (0, [{'id': 'b', 'name': 'B', 'sector': 'business'}], True)
    >>> report["introductions"][0]["source"]["id"], report["introductions"][0]["target"]["id"]
    ('a1', 'p1')
    """
    if permutations < 2 or top < 0 or not 0 < alpha < 1:
        raise ValueError(
            f"need permutations >= 2, top >= 0 and 0 < alpha < 1, not {permutations}, {top}, "
            f"{alpha}"
        )
    seed = settled_seed(seed)
    G = territory_graph(network)
    mixing = mixing_baseline(G, "sector", permutations=permutations, seed=seed)
    sectors = mixing["groups"]
    critical = NormalDist().inv_cdf(alpha / 2)
    bridges = sector_bridges(G)
    gaps = []
    for a, b in itertools.combinations(sectors, 2):
        observed, z = mixing["observed"][a][b], mixing["z"][a][b]
        if observed > 0 and (z is None or z > critical):
            continue
        found = bridges[a, b]
        gaps.append(
            {
                "sectors": [a, b],
                "observed": observed,
                "expected": mixing["expected"][a][b],
                "z": z,
                "bridges": [actor_ref(G, node) for node in found[:top]],
                "bridge_count": len(found),
                "fragile": len(found) == 1,
            }
        )
    gaps.sort(key=_gap_rank)
    pairs = [tuple(gap["sectors"]) for gap in gaps]
    labels = partition if partition is not None else communities(G, seed=seed)
    return {
        "territory": network.territory,
        "as_of": network.as_of.isoformat() if network.as_of else None,
        "sectors": sectors,
        "observed": mixing["observed"],
        "expected": mixing["expected"],
        "z": mixing["z"],
        "gaps": gaps,
        "fragile_bridges": fragile_bridges(G)[:top],
        "introductions": suggest_introductions(G, pairs, top=top, communities=labels),
        "method": _method(seed, permutations, alpha, critical, top),
    }


def _gap_rank(gap: dict[str, Any]) -> tuple[Any, ...]:
    z = gap["z"] if gap["z"] is not None else 0.0
    return z, gap["observed"] - gap["expected"]


def _method(
    seed: int, permutations: int, alpha: float, critical: float, top: int
) -> dict[str, Any]:
    return {
        "graph": M.GAP_GRAPH,
        "baseline": M.method_value(
            M.GAP_SHUFFLES.format(permutations=permutations, seed=seed), M.GAP_EXPECTED
        ),
        "gap_rule": M.method_value(
            M.GAP_RULE.format(critical=f"{critical:.2f}", alpha=alpha), M.GAP_ORDER
        ),
        "bridge_rule": M.method_value(M.BRIDGE_RULE, M.FRAGILE_RULE),
        "fragile_bridges": M.FRAGILE_BRIDGES,
        "introductions": M.method_value(
            M.INTRODUCTION_CANDIDATES,
            M.INTRODUCTION_LIKELIHOOD,
            M.INTRODUCTION_IMPACT,
            M.INTRODUCTION_SCORE,
            M.INTRODUCTION_KEPT,
        ),
        "score_weights": dict(SCORE_WEIGHTS),
        "seed": seed,
        "permutations": permutations,
        "alpha": alpha,
        "z_critical": round(critical, 4),
        "top": top,
    }


def sector_order(sectors: Iterable[str]) -> list[str]:
    """Return the distinct sectors in the order of :class:`~maillage.graph.model.Sector`.

    Unknown labels follow, alphabetically.

    >>> sector_order(["public", "business", "public", "zzz"])
    ['business', 'public', 'zzz']
    """
    return sorted(set(map(str, sectors)), key=sector_sort_key)


def sector_bridges(G: nx.Graph) -> dict[tuple[str, str], list[Hashable]]:
    """Return, for each pair of sectors, the actors that bridge them.

    An actor bridges sectors *a* and *b* when it is in *a* or tied to an
    actor of *a*, and in *b* or tied to an actor of *b*: it is one
    introduction away from both. Bridges are listed by decreasing number of
    ties into the two sectors, then by name.

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry ``sector`` (and ``name``).

    Returns
    -------
    dict
        ``(a, b)`` with ``a`` before ``b`` in :func:`sector_order` to a list of
        nodes; every pair of present sectors is a key.

    References
    ----------
    .. [1] Burt, R. S. (2004). Structural holes and good ideas. *American
       Journal of Sociology* 110(2), 349-399.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a1", "x"), ("x", "p1")])
    >>> nx.set_node_attributes(
    ...     G, {"a1": "association", "x": "business", "p1": "public"}, "sector"
    ... )
    >>> sector_bridges(G)[("association", "public")]
    ['x']
    """
    sectors = sector_order([d for _, d in G.nodes(data="sector")])
    rank = {s: i for i, s in enumerate(sectors)}
    found: dict[tuple[str, str], list[tuple[int, str, Hashable]]] = {
        pair: [] for pair in itertools.combinations(sectors, 2)
    }
    sector_of = {node: str(s) for node, s in G.nodes(data="sector")}
    for node, neighbours in G.adj.items():
        ties = Counter(sector_of[nbr] for nbr in neighbours)
        touched = set(ties) | {sector_of[node]}
        if len(touched) < 2:
            continue
        name = str(G.nodes[node].get("name", node))
        for a, b in itertools.combinations(sorted(touched, key=rank.__getitem__), 2):
            strength = ties.get(a, 0) + ties.get(b, 0)
            found[a, b].append((-strength, name, node))
    return {
        pair: [node for *_, node in sorted(items, key=_sortable)] for pair, items in found.items()
    }


def _sortable(item: tuple[int, str, Hashable]) -> tuple[int, str, str]:
    return item[0], item[1], str(item[2])


def fragile_bridges(G: nx.Graph) -> list[dict[str, Any]]:
    """Return the actors and ties whose removal would cut two sectors apart.

    Cut vertices (articulation points) and bridge edges are found with one
    depth-first search [1]_ that also sums, for each subtree, the actors of
    each sector, so that the pieces left by a removal are known without
    removing anything. A removal *disconnects* sectors *a* and *b* when some
    part of the network joined an actor of *a* to an actor of *b*, none does
    afterwards, and both sectors still have actors (removing the only actor
    of a sector does not count).

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry ``sector`` (and ``name``).

    Returns
    -------
    list of dict
        ``{"type": "actor", "id", "name", "sector", "disconnects"}`` or
        ``{"type": "tie", "source": {id, name, sector}, "target": {...},
        "disconnects"}``, where ``disconnects`` lists sector pairs ``[a, b]``;
        by decreasing number of pairs, actors before ties, then by name.

    References
    ----------
    .. [1] Hopcroft, J. and Tarjan, R. (1973). Algorithm 447: efficient
       algorithms for graph manipulation. *Communications of the ACM* 16(6),
       372-378.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("a1", "a2"), ("a2", "p1"), ("p1", "p2")])
    >>> nx.set_node_attributes(G, dict(a1="association", a2="association"), "sector")
    >>> nx.set_node_attributes(G, dict(p1="public", p2="public"), "sector")
    >>> [(f["type"], f.get("id")) for f in fragile_bridges(G)]
    [('actor', 'a2'), ('actor', 'p1'), ('tie', None)]
    >>> fragile_bridges(G)[2]["disconnects"]
    [['association', 'public']]
    """
    sectors = sector_order([d for _, d in G.nodes(data="sector")])
    code = {s: i for i, s in enumerate(sectors)}
    k = len(sectors)
    pairs = list(itertools.combinations(range(k), 2))
    own = {node: code[str(d)] for node, d in G.nodes(data="sector")}
    totals = [0] * k
    for c in own.values():
        totals[c] += 1

    def unit(node: Hashable) -> list[int]:
        vector = [0] * k
        vector[own[node]] = 1
        return vector

    def joined(pieces: Sequence[Sequence[int]]) -> set[tuple[int, int]]:
        return {(a, b) for piece in pieces for a, b in pairs if piece[a] and piece[b]}

    components: list[list[int]] = []
    cut_actors: list[tuple[Hashable, list[list[int]], int]] = []
    cut_ties: list[tuple[Hashable, Hashable, list[list[int]], int]] = []
    disc: dict[Hashable, int] = {}
    low: dict[Hashable, int] = {}
    sub: dict[Hashable, list[int]] = {}
    clock = 0
    for root in G:
        if root in disc:
            continue
        component = len(components)
        disc[root] = low[root] = clock
        clock += 1
        sub[root] = unit(root)
        separated: dict[Hashable, list[Hashable]] = {root: []}
        pending: list[tuple[Hashable, Hashable]] = []
        stack = [(root, None, iter(G[root]))]
        while stack:
            node, parent, neighbours = stack[-1]
            for nbr in neighbours:
                if nbr not in disc:
                    disc[nbr] = low[nbr] = clock
                    clock += 1
                    sub[nbr] = unit(nbr)
                    separated[nbr] = []
                    stack.append((nbr, node, iter(G[nbr])))
                    break
                if nbr != parent:
                    low[node] = min(low[node], disc[nbr])
            else:
                stack.pop()
                if parent is None:
                    continue
                low[parent] = min(low[parent], low[node])
                sub[parent] = [x + y for x, y in zip(sub[parent], sub[node], strict=True)]
                if low[node] >= disc[parent]:
                    separated[parent].append(node)
                if low[node] > disc[parent]:
                    pending.append((parent, node))
        total = sub[root]
        components.append(total)
        for node, children in separated.items():
            if not children or (node == root and len(children) < 2):
                continue
            pieces = [sub[c] for c in children]
            rest = [t - sum(p[i] for p in pieces) for i, t in enumerate(total)]
            rest[own[node]] -= 1
            cut_actors.append((node, [*pieces, rest], component))
        for parent, child in pending:
            rest = [t - s for t, s in zip(total, sub[child], strict=True)]
            cut_ties.append((parent, child, [sub[child], rest], component))

    support: dict[tuple[int, int], int] = {}
    for total in components:
        for pair in joined([total]):
            support[pair] = support.get(pair, 0) + 1

    def lost(pieces: list[list[int]], component: int, gone: int | None) -> list[list[str]]:
        result = []
        before = joined([components[component]])
        after = joined(pieces)
        for a, b in sorted(before - after):
            if support[a, b] > 1:
                continue
            if gone is not None and any(totals[s] == 1 and s == gone for s in (a, b)):
                continue
            result.append([sectors[a], sectors[b]])
        return result

    found = []
    for node, pieces, component in cut_actors:
        pairs_lost = lost(pieces, component, own[node])
        if pairs_lost:
            found.append({"type": "actor", **actor_ref(G, node), "disconnects": pairs_lost})
    for parent, child, pieces, component in cut_ties:
        pairs_lost = lost(pieces, component, None)
        if pairs_lost:
            source, target = sorted(
                (parent, child), key=lambda n: (str(G.nodes[n].get("name", n)), str(n))
            )
            found.append(
                {
                    "type": "tie",
                    "source": actor_ref(G, source),
                    "target": actor_ref(G, target),
                    "disconnects": pairs_lost,
                }
            )
    found.sort(key=_fragile_rank)
    return found


def _fragile_rank(item: dict[str, Any]) -> tuple[Any, ...]:
    if item["type"] == "actor":
        return -len(item["disconnects"]), 0, str(item["name"]), str(item["id"]), ""
    names = (str(item["source"]["name"]), str(item["target"]["name"]))
    return -len(item["disconnects"]), 1, *names
