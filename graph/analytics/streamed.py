"""The territory report from an engine that computes where the data lives.

:func:`streamed_report` builds the same document as
:func:`~maillage.graph.analytics.report.territory_report` without ever holding
the territory's graph: the graph-wide measures (betweenness, closeness,
PageRank, eigenvector, communities, components, clustering) come computed
from a *source* (the ``gds`` engine of the Neo4j store), the neighbourhood
measures (Burt's constraint and effective size, brokerage roles, E-I index per
actor) are computed here from neighbourhoods the source streams in batches,
and the sector indicators from sector x sector tallies.

The source is any object with the methods of :class:`MeasureSource`; this
module never imports storage. The measures keep NetworkX's definitions and
scales (the source's raw values are rescaled here), so that both engines give
the same values on the same territory.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from typing import Any, Protocol

import numpy as np

from .actor_rows import CENTRAL, LOCAL, ActorRows
from .brokerage import ROLES, role_counts
from .communities import _by_size, leiden_runs
from .engine import EngineGraph
from .groups import _as_nested, _ratio, group_sort_key
from .method_text import (
    ASSORTATIVITY,
    BROKERAGE,
    EI_INDEX,
    EXACT,
    EXACT_MIXING,
    GDS_BETWEENNESS,
    GDS_CLOSENESS,
    GDS_COMMUNITIES,
    GDS_EIGENVECTOR,
    GDS_EIGENVECTOR_UNCONVERGED,
    GDS_PAGERANK,
    GDS_SAMPLED,
    GDS_UNWEIGHTED,
    NO_ACTORS,
    STREAMED,
    STRUCTURAL_HOLES,
    method_value,
)
from .report import APPROXIMATE_THRESHOLD, REFERENCES, default_pivots
from .structural_holes import _ORDERINGS, _triangle_arcs

__all__ = ["MeasureSource", "streamed_report", "neighbourhood_measures", "exact_mixing_baseline"]


class MeasureSource(Protocol):
    """What :func:`streamed_report` needs from an engine (see ``graph/storage/gds.py``)."""

    territory: str
    as_of: date | None
    engine: str

    def counts(self) -> tuple[int, int]: ...

    def members(self) -> list[tuple[str, int, str, str]]: ...

    def tie_counts(self) -> tuple[int, int]: ...

    def graph_measures(
        self, *, weighted: bool, seed: int, pivots: int | None, nodes: list[int], runs: int
    ) -> dict[str, Any]: ...

    def sector_pairs(self) -> list[tuple[str, str, int, float, float]]: ...

    def sector_members(self) -> dict[str, tuple[int, int, float]]: ...

    def neighbourhoods(
        self, egos: list[str], sectors: dict[str, str]
    ) -> Iterator[dict[str, Any]]: ...


def neighbourhood_measures(batch: dict[str, Any], *, weighted: bool) -> dict[str, Any]:
    """Constraint, effective size, brokerage, E-I index and degree of a batch's egos.

    Parameters
    ----------
    batch : dict
        As ``GdsTerritory.neighbourhoods`` yields it: ``nodes`` (egos first), ``egos``,
        ``sectors``, the linked pairs among ``nodes`` (``source``, ``target``, ``weight``,
        ``forward``, ``backward``) and each node's territory-wide ``degree``,
        ``strength`` and ``largest`` pair weight.
    weighted : bool
        Use the pairs' weights (else each pair weighs 1).

    Returns
    -------
    dict
        ``constraint``, ``effective_size``, ``ei_index`` (lists, None for an isolated
        ego), ``brokerage`` (``egos x 5`` array, columns ``ROLES``), ``degree`` (array).

    Notes
    -----
    The values equal those computed on the whole graph: an ego's measures only
    involve its neighbours, the pairs among them, and each neighbour's strength
    and largest pair weight, which the batch carries for the whole territory.

    Examples
    --------
    >>> import numpy as np
    >>> batch = {"nodes": ["p", "a", "b"], "egos": 1, "sectors": ["public", "x", "x"],
    ...          "source": np.array([0, 0]), "target": np.array([1, 2]),
    ...          "weight": np.array([1.0, 1.0]), "forward": np.array([True, True]),
    ...          "backward": np.array([True, True]), "degree": np.array([2, 1, 1]),
    ...          "strength": np.array([2.0, 1.0, 1.0]), "largest": np.array([1.0, 1.0, 1.0])}
    >>> out = neighbourhood_measures(batch, weighted=False)
    >>> out["constraint"], out["effective_size"], out["brokerage"].tolist()
    ([0.5], [2.0], [[0, 2, 0, 0, 0]])
    """
    nodes, egos = batch["nodes"], batch["egos"]
    n = len(nodes)
    source, target = batch["source"], batch["target"]
    weight = batch["weight"] if weighted else None
    eg = EngineGraph(nodes, {v: i for i, v in enumerate(nodes)}, source, target, weight)
    total = batch["strength"] if weighted else batch["degree"].astype(np.float64)
    largest = batch["largest"] if weighted else np.ones(n)
    tails, heads, edge = eg.arcs
    mutual = np.ones(len(edge)) if weight is None else weight[edge]
    with np.errstate(divide="ignore", invalid="ignore"):
        p = mutual / total[tails]
        m = mutual / largest[tails]
    indirect = np.zeros(len(p))
    redundancy = np.zeros(n)
    for ordering in _ORDERINGS:
        ego_alter, ego_third, third_alter, alter_third, ego = _triangle_arcs(eg, ordering)
        np.add.at(indirect, ego_alter, p[ego_third] * p[third_alter])
        redundancy += np.bincount(ego, weights=p[ego_third] * m[alter_third], minlength=n)
    constraint = np.bincount(tails, weights=(p + indirect) ** 2, minlength=n)[:egos]
    degree = batch["degree"][:egos]
    effective = (degree - redundancy[:egos]).astype(np.float64)
    codes: dict[str, int] = {}
    groups = np.array([codes.setdefault(s, len(codes)) for s in batch["sectors"]], dtype=np.int64)
    forward, backward = batch["forward"], batch["backward"]
    arc_tails = np.concatenate([source[forward], target[backward]])
    arc_heads = np.concatenate([target[forward], source[backward]])
    roles = role_counts(n, arc_tails, arc_heads, groups, triangles=eg.triangles)[:egos]
    values = np.ones(len(source)) if weight is None else weight
    crossing = groups[source] != groups[target]
    ends = np.concatenate([source, target])
    both = np.concatenate([values, values])
    external = np.bincount(ends, np.where(np.concatenate([crossing, crossing]), both, 0), n)
    tied = np.bincount(ends, both, n)
    isolated = (degree == 0).tolist()
    pairs = zip(external[:egos].tolist(), tied[:egos].tolist(), strict=True)
    return {
        "constraint": _unless_isolated(isolated, constraint.tolist()),
        "effective_size": _unless_isolated(isolated, effective.tolist()),
        "ei_index": [_ratio(e, t - e) for e, t in pairs],
        "brokerage": roles,
        "degree": degree,
    }


def _unless_isolated(isolated: list[bool], values: list[float]) -> list[float | None]:
    return [None if alone else v for alone, v in zip(isolated, values, strict=True)]


def _sector_matrix(
    pairs: list[tuple[str, str, int, float, float]], groups: list[str], column: int
) -> np.ndarray:
    """Symmetric sector x sector matrix of one column of the sector pairs."""
    code = {g: i for i, g in enumerate(groups)}
    matrix = np.zeros((len(groups), len(groups)))
    for row in pairs:
        i, j = code[row[0]], code[row[1]]
        matrix[i, j] += row[column]
        if i != j:
            matrix[j, i] += row[column]
    return matrix


def _falling(x: float, k: int) -> float:
    """``x (x - 1) ... (x - k + 1)``."""
    return math.prod(x - i for i in range(k))


def exact_mixing_baseline(
    sizes: dict[str, int],
    observed: np.ndarray,
    groups: list[str],
    *,
    total: float,
    squares: float,
    shared: float,
    weighted: bool,
) -> dict[str, Any]:
    """The sector mixing baseline of ``mixing_baseline`` with exact permutation moments.

    Under a random deal of the sectors over the actors (sizes kept), the count
    (or weight) of ties between sectors ``a`` and ``b`` has mean ``W1 p1`` and
    second moment ``W2 p1 + S p2 + (W1^2 - W2 - S) p4``, where ``W1``, ``W2`` sum
    the pairs' weights and squared weights, ``S`` sums ``w(e) w(f)`` over
    ordered pairs of distinct ties sharing an actor, and ``p1``, ``p2``, ``p4``
    are the chances that one tie, two ties sharing an actor, two disjoint ties
    all join ``a`` and ``b``. These are the limits of the sampled ``expected``
    and ``std`` as the permutations grow.

    Parameters
    ----------
    sizes : dict
        Sector to number of actors.
    observed : numpy.ndarray
        Symmetric matrix of ties (or weights) by sector, in the order of ``groups``.
    groups : list of str
    total, squares, shared : float
        ``W1``, ``W2`` and ``S``.
    weighted : bool

    Returns
    -------
    dict
        As :func:`~maillage.graph.analytics.groups.mixing_baseline`, with
        ``permutations`` None and ``moments`` ``"exact"``.

    Examples
    --------
    A path a - b - c - d, sectors x x y y:

    >>> import numpy as np
    >>> out = exact_mixing_baseline({"x": 2, "y": 2}, np.array([[1, 1], [1, 1]]), ["x", "y"],
    ...                             total=3, squares=3, shared=4, weighted=False)
    >>> round(out["expected"]["x"]["y"], 6), round(out["std"]["x"]["y"], 6)
    (2.0, 0.816497)
    """
    n = sum(sizes.values())
    size = len(groups)
    expected = np.zeros((size, size))
    std = np.zeros((size, size))
    disjoint = total * total - squares - shared
    for i, a in enumerate(groups):
        for j, b in enumerate(groups):
            na, nb = sizes[a], sizes[b]
            if i == j:
                p1 = _falling(na, 2) / _falling(n, 2) if n > 1 else 0.0
                p2 = _falling(na, 3) / _falling(n, 3) if n > 2 else 0.0
                p4 = _falling(na, 4) / _falling(n, 4) if n > 3 else 0.0
            else:
                p1 = 2 * na * nb / _falling(n, 2)
                p2 = na * nb * (na + nb - 2) / _falling(n, 3) if n > 2 else 0.0
                p4 = 4 * _falling(na, 2) * _falling(nb, 2) / _falling(n, 4) if n > 3 else 0.0
            mean = total * p1
            second = squares * p1 + shared * p2 + disjoint * p4
            expected[i, j] = mean
            std[i, j] = math.sqrt(max(second - mean * mean, 0.0))
    scale = max(1.0, float(np.abs(expected).max()) if size else 1.0)
    z = {
        a: {
            b: (
                float((observed[i, j] - expected[i, j]) / std[i, j])
                if std[i, j] > 1e-9 * scale
                else None
            )
            for j, b in enumerate(groups)
        }
        for i, a in enumerate(groups)
    }
    return {
        "groups": groups,
        "observed": _as_nested(groups, observed, weighted),
        "expected": _as_nested(groups, expected, True),
        "std": _as_nested(groups, std, True),
        "z": z,
        "permutations": None,
        "moments": "exact",
        "seed": None,
    }


def _assortativity(counts: np.ndarray) -> float | None:
    """Newman's attribute assortativity from the (unweighted) sector matrix."""
    both = counts + np.diag(np.diag(counts))
    if both.sum() == 0:
        return None
    e = both / both.sum()
    chance = float((e.sum(axis=1) * e.sum(axis=0)).sum())
    if chance == 1:
        return None
    return float((np.trace(e) - chance) / (1 - chance))


def streamed_report(
    source: MeasureSource,
    *,
    weighted: bool = False,
    seed: int = 42,
    approximate: bool | None = None,
    approximate_threshold: int = APPROXIMATE_THRESHOLD,
    pivots: int | None = None,
) -> dict[str, Any]:
    """The territory report, computed by ``source`` where the data lives.

    Parameters
    ----------
    source : MeasureSource
        The engine on one territory (on one date).
    weighted, seed, approximate, approximate_threshold, pivots
        As :func:`~maillage.graph.analytics.report.territory_report`.

    Returns
    -------
    dict
        The document of ``territory_report``; ``method`` names the engine of each
        measure, ``sector_mixing`` has exact permutation moments, and ``actors`` is an
        :class:`~maillage.graph.analytics.actor_rows.ActorRows` (the rows as columns).
    """
    n, m = source.counts()
    if approximate is None:
        approximate = n >= approximate_threshold
    k = (pivots or default_pivots(n, m)) if approximate else None
    if k is not None and k >= n:
        k = None
    members = source.members()
    measures = _graph_measures(source, members, n, m, weighted, seed, k)
    rows = _rows(source, members, measures, weighted)
    touching, internal = source.tie_counts()
    pairs = source.sector_pairs()
    groups = sorted({member[3] for member in members}, key=group_sort_key)
    counts = _sector_matrix(pairs, groups, 2)
    observed = _sector_matrix(pairs, groups, 3) if weighted else counts
    by_sector = source.sector_members()
    sizes = {g: by_sector[g][0] for g in groups}
    column = 3 if weighted else 2
    network = {
        "actors": n,
        "ties": internal,
        "linked_pairs": m,
        "density": 2 * m / (n * (n - 1)) if n > 1 else 0.0,
        "components": measures["components"],
        "largest_component_share": measures["largest_component"] / n if n else 0.0,
        "average_clustering": measures["average_clustering"],
        "communities": len(set(measures["community"].tolist())),
        "modularity": measures["modularity"] if m else 0.0,
        "ei_index": _ratio(np.triu(observed, 1).sum(), np.trace(observed)) or 0.0,
        "openness": (touching - internal) / touching if touching else 0.0,
        "sector_counts": sizes,
        "ei_by_sector": {
            g: _ratio(observed[i].sum() - observed[i, i], 2 * observed[i, i])
            for i, g in enumerate(groups)
        },
        "assortativity": _assortativity(counts) if n else None,
    }
    mixing = (
        exact_mixing_baseline(
            sizes,
            observed,
            groups,
            total=float(sum(float(row[column]) for row in pairs)),
            squares=sum(row[4] if weighted else row[2] for row in pairs),
            shared=sum(v[2] if weighted else v[1] for v in by_sector.values()),
            weighted=weighted,
        )
        if n
        else {}
    )
    return {
        "territory": source.territory,
        "as_of": source.as_of.isoformat() if source.as_of else None,
        "variant": "weighted" if weighted else "unweighted",
        "approximate": k is not None,
        "method": _method(source.engine, "weight" if weighted else None, seed, k, measures),
        "network": network,
        "sector_mixing": mixing,
        "actors": rows,
    }


def _graph_measures(
    source: MeasureSource,
    members: list[tuple[str, int, str, str]],
    n: int,
    m: int,
    weighted: bool,
    seed: int,
    k: int | None,
) -> dict[str, Any]:
    """The source's graph-wide measures on NetworkX's scales."""
    if n == 0:
        empty = np.zeros(0)
        return {
            "betweenness": empty,
            "closeness": empty,
            "pagerank": empty,
            "eigenvector": empty,
            "community": np.zeros(0, dtype=np.int64),
            "community_method": NO_ACTORS,
            "modularity": 0.0,
            "components": 0,
            "largest_component": 0,
            "average_clustering": 0.0,
            "eigenvector_converged": True,
        }
    found = source.graph_measures(
        weighted=weighted,
        seed=seed,
        pivots=k,
        nodes=[member[1] for member in members],
        runs=leiden_runs(n, m),
    )
    raw = found["betweenness"] * (n / k if k else 1.0)
    found["betweenness"] = raw * (2.0 / ((n - 1) * (n - 2))) if n > 2 else raw
    pagerank = found["pagerank"]
    found["pagerank"] = pagerank / (pagerank.sum() or 1.0)
    vector = np.abs(found["eigenvector"])
    found["eigenvector"] = vector / (np.linalg.norm(vector) or 1.0)
    if m == 0:
        found["community"] = np.arange(n)
    found["community"] = _by_size(found["community"].tolist())
    return found


def _rows(
    source: MeasureSource,
    members: list[tuple[str, int, str, str]],
    measures: dict[str, Any],
    weighted: bool,
) -> ActorRows:
    """One row per actor, by decreasing betweenness, then id, held as columns.

    The neighbourhood measures of each batch go straight into the columns: no batch
    and no row dict outlives its turn.
    """
    n = len(members)
    columns: dict[str, np.ndarray] = {key: measures[key] for key in CENTRAL}
    columns["community"] = np.asarray(measures["community"], dtype=np.int64)
    columns["degree"] = np.zeros(n, dtype=np.int64)
    columns["brokerage"] = np.zeros((n, len(ROLES)), dtype=np.int64)
    columns.update((key, np.zeros(n)) for key in LOCAL)
    missing = {key: np.zeros(n, dtype=bool) for key in LOCAL}
    ids = [member[0] for member in members]
    sectors = {member[0]: member[3] for member in members}
    position = 0
    for batch in source.neighbourhoods(ids, sectors):
        local = neighbourhood_measures(batch, weighted=weighted)
        done = position + batch["egos"]
        columns["degree"][position:done] = local["degree"]
        columns["brokerage"][position:done] = local["brokerage"]
        for key in LOCAL:
            values = local[key]
            absent = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
            missing[key][position:done] = absent
            columns[key][position:done] = [0.0 if v is None else v for v in values]
        position = done
        del batch, local
    return ActorRows(members, columns, missing)


def _method(
    engine: str, weight: str | None, seed: int, k: int | None, measures: dict[str, Any]
) -> dict[str, Any]:
    sampled = GDS_SAMPLED.format(sources=k) if k else EXACT
    converged = measures.get("eigenvector_converged", True)
    eigenvector = GDS_EIGENVECTOR if converged else GDS_EIGENVECTOR_UNCONVERGED
    iterations = measures.get("eigenvector_iterations", 0)
    closeness = [GDS_CLOSENESS.format(engine=engine), EXACT] + ([GDS_UNWEIGHTED] if weight else [])
    return {
        "engine": "gds",
        "weight": weight,
        "seed": seed,
        "pivots": k,
        "betweenness": method_value(GDS_BETWEENNESS.format(engine=engine), sampled),
        "closeness": method_value(*closeness),
        "eigenvector": eigenvector.format(engine=engine, iterations=iterations),
        "pagerank": GDS_PAGERANK.format(engine=engine),
        "structural_holes": method_value(STRUCTURAL_HOLES, STREAMED),
        "brokerage": method_value(BROKERAGE, STREAMED),
        "communities": GDS_COMMUNITIES.format(method=measures["community_method"], engine=engine),
        "ei_index": EI_INDEX,
        "sector_mixing": EXACT_MIXING,
        "assortativity": ASSORTATIVITY,
        "computed_by": {
            "betweenness": engine,
            "closeness": engine,
            "eigenvector": engine,
            "pagerank": engine,
            "communities": engine,
            "components": engine,
            "average_clustering": engine,
            "structural_holes": "Maillage",
            "brokerage": "Maillage",
            "ei_index": "Maillage",
            "sector_mixing": "Maillage, from sector tallies computed in Neo4j",
        },
        "references": REFERENCES,
    }


def compare_reports(names: list[str], reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The comparison of ``compare_territories`` from territory reports, without randomisation.

    What the ``gds`` engine compares: each territory's indicators as its report
    (computed where the data lives) gives them. Rewiring copies would need the
    graphs here, so ``normalised`` and ``z`` are None.

    Parameters
    ----------
    names : list of str
        The territories' names, in order (as ``compare_territories`` names them).
    reports : list of dict
        Their reports.

    Returns
    -------
    dict
        As :func:`~maillage.graph.analytics.compare.compare_territories`.
    """
    from .compare import INDICATORS

    rows = []
    values = [_compared(report) for report in reports]
    for indicator in INDICATORS:
        rows.append(
            {
                "name": indicator.name,
                "label": indicator.label,
                "description": indicator.description,
                "normalisation": indicator.normalisation,
                "values": {
                    name: _rounded(v[indicator.name]) for name, v in zip(names, values, strict=True)
                },
                "normalised": dict.fromkeys(names),
                "z": dict.fromkeys(names),
            }
        )
    engines = sorted({report["method"].get("betweenness", "") for report in reports})
    return {
        "territories": names,
        "indicators": rows,
        "method": {
            "engine": "gds",
            "graph": "ties between the territory's members, parallel ties collapsed, unweighted",
            "values": "as in each territory's report (--engine gds): " + " / ".join(engines),
            "randomisation": "none: the gds engine leaves the graphs in Neo4j",
            "normalised": "null (no randomisation)",
            "randomisations": 0,
        },
    }


def _compared(report: dict[str, Any]) -> dict[str, Any]:
    network = report["network"]
    scores = np.array([row["betweenness"] for row in report["actors"]], dtype=np.float64)
    n = len(scores)
    centralisation = float(np.sum(scores.max() - scores) / (n - 1)) if n >= 3 else None
    return {**network, "betweenness_centralisation": centralisation}


def _rounded(value: float | None) -> float | None:
    if value is None or isinstance(value, int):
        return value
    return round(float(value), 6)
