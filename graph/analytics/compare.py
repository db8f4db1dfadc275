"""Side-by-side indicators of territories, raw and normalised for size.

Raw indicators of networks of different sizes do not compare: density
falls and modularity rises with size alone. Each territory is therefore
also measured against randomisations of itself that keep every actor's
number of ties (degree-preserving rewiring [1]_), so that a 600-actor and a
60-actor territory are each judged against what their own degrees would
give.

.. [1] Maslov, S. and Sneppen, K. (2002). Specificity and stability in
   topology of protein networks. *Science* 296(5569), 910-913.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

from ..model import Network, TieKind
from ..vocabulary import NETWORK_MEASURES
from .communities import communities, modularity, partition_sets
from .engine import Seed, engine_graph, seeded_igraph, settled_seed
from .gaps import sector_order
from .groups import attribute_assortativity, ei_index
from .network import territory_graph
from .rates import partnership_rates
from .standouts import find_standouts, z_readings

__all__ = ["compare_territories", "INDICATORS"]

SWAPS_PER_TIE = 10


@dataclass(frozen=True)
class Indicator:
    """One row of the comparison."""

    name: str
    label: str
    description: str
    normalisation: str | None  # "ratio", "difference" or None (not randomised)


def _indicator(name: str, normalisation: str | None) -> Indicator:
    """The indicator ``name``, labelled and described as the measure registry says."""
    measure = NETWORK_MEASURES[name]
    return Indicator(name, measure.short, measure.meaning, normalisation)


INDICATORS: tuple[Indicator, ...] = (
    _indicator("actors", None),
    _indicator("ties", None),
    _indicator("density", None),
    _indicator("components", "ratio"),
    _indicator("largest_component_share", "ratio"),
    _indicator("average_clustering", "ratio"),
    _indicator("modularity", "ratio"),
    _indicator("communities", "ratio"),
    _indicator("ei_index", "difference"),
    _indicator("assortativity", "difference"),
    _indicator("betweenness_centralisation", "ratio"),
    _indicator("openness", None),
)


def compare_territories(
    networks: Sequence[Network],
    *,
    seed: Seed = None,
    randomisations: int = 20,
    kind: TieKind | str | None = None,
) -> dict[str, Any]:
    """Return indicators of each territory, raw and normalised against randomisations.

    For each territory, ``randomisations`` copies of its network are rewired
    with ``10 * ties`` degree-preserving double edge swaps each [1]_ and
    measured like the original. For ``ratio`` indicators the normalised
    value is ``observed / mean of the randomised`` (None when that mean is
    0); for the signed ``difference`` indicators (E-I index, assortativity)
    it is ``observed - mean``. ``z = (observed - mean) / sd`` (sample sd;
    None when it is 0). Every territory uses the same seed, so a result does
    not depend on which other territories are compared.

    Parameters
    ----------
    networks : sequence of Network
        The territories; a name given twice is told apart by its ``as_of``
        date, else by its position (``"T #2"``).
    seed : int, random.Random, numpy RandomState or Generator, or None, optional
        Random state of the rewiring and of the community detection, as NetworkX takes
        one (None: the global random state); an int seed, recorded in
        ``method["seed"]``, gives the same result again.
    randomisations : int, default 20
        Rewired copies per territory; 0 leaves ``normalised`` and ``z`` null.
    kind : TieKind or str, optional
        Count only ties of this kind in the partnership ``rates``.

    Returns
    -------
    dict
        ``territories`` (names), ``indicators``: list of ``{name, label,
        description, normalisation, values, normalised, z}`` where the last
        three map each territory name to a number or None, ``rates``: the
        partnership rates of
        :func:`~maillage.graph.analytics.rates.partnership_rates`,
        ``z_scores``: the randomised indicators' z-scores in plain words
        (:func:`~maillage.graph.analytics.standouts.z_readings`; indicators
        that randomisation keeps fixed, such as density, have no normalised
        value and are left out), ``standouts``: what sets each territory
        apart (:func:`~maillage.graph.analytics.standouts.find_standouts`),
        and ``method``.

    References
    ----------
    .. [1] Maslov, S. and Sneppen, K. (2002). Specificity and stability in
       topology of protein networks. *Science* 296(5569), 910-913.
    .. [2] Krackhardt, D. and Stern, R. N. (1988). Informal networks and
       organizational crises. *Social Psychology Quarterly* 51(2), 123-140.
    .. [3] Newman, M. E. J. (2003). Mixing patterns in networks. *Physical
       Review E* 67, 026126.
    .. [4] Freeman, L. C. (1979). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215-239.

    Examples
    --------
    >>> from maillage.graph.model import Actor, Network, Sector, Tie
    >>> actors = tuple(Actor(str(i), f"A{i}", Sector.BUSINESS, ("T",)) for i in range(4))
    >>> ring = Network("T", actors, tuple(Tie(str(i), str((i + 1) % 4)) for i in range(4)))
    >>> result = compare_territories([ring], randomisations=5, seed=42)
    >>> rows = {row["name"]: row for row in result["indicators"]}
    >>> rows["density"]["values"], rows["density"]["normalised"]
    ({'T': 0.666667}, {'T': None})
    """
    seed = settled_seed(seed)
    names = _names(networks)
    measured = [_territory(network, seed, randomisations) for network in networks]
    indicators = []
    for indicator in INDICATORS:
        row: dict[str, Any] = {
            "name": indicator.name,
            "label": indicator.label,
            "description": indicator.description,
            "normalisation": indicator.normalisation,
            "values": {},
            "normalised": {},
            "z": {},
        }
        for name, (raw, observed, samples) in zip(names, measured, strict=True):
            row["values"][name] = _round(raw[indicator.name])
            normalised, z = _normalise(
                observed.get(indicator.name),
                [s.get(indicator.name) for s in samples],
                indicator.normalisation,
            )
            row["normalised"][name], row["z"][name] = _round(normalised), _round(z)
        indicators.append(row)
    return {
        "territories": names,
        "indicators": indicators,
        "rates": (rates := partnership_rates(networks, names, kind=kind)),
        "z_scores": (readings := z_readings(indicators, names)),
        "standouts": find_standouts(rates, readings, names),
        "method": {
            "graph": "ties between the territory's members, parallel ties collapsed, unweighted",
            "randomisation": (
                f"{randomisations} copies per territory, each rewired with {SWAPS_PER_TIE} x "
                "ties degree-preserving double edge swaps (igraph rewire, no loops or "
                f"multiple ties), seed {seed}"
            ),
            "normalised": (
                "ratio indicators: observed / mean of the randomised (null if that mean is 0); "
                "difference indicators: observed - mean; z = (observed - mean) / sample sd "
                "(null if the sd is 0)"
            ),
            "values": (
                "as in the territory report (ties counted before folding parallel ties; "
                "communities and modularity from its community detection; 0 where undefined)"
            ),
            "communities": (
                "normalised modularity and communities compare one seeded Leiden run on the "
                "territory with one on each randomisation, so that both are optimised alike"
            ),
            "rates": (
                "share of the territory's actors of sector 'from' with at least one tie "
                f"({'of kind ' + str(TieKind(kind).value) if kind else 'any kind'}) to an actor "
                "of sector 'to' in the territory; 95 % Wilson score interval (Wilson 1927)"
            ),
            "kind": TieKind(kind).value if kind else None,
            "seed": seed,
            "randomisations": randomisations,
        },
    }


def _names(networks: Sequence[Network]) -> list[str]:
    counts: dict[str, int] = {}
    for network in networks:
        counts[network.territory] = counts.get(network.territory, 0) + 1
    names: list[str] = []
    for position, network in enumerate(networks, start=1):
        name = network.territory
        if counts[name] > 1:
            dated = f"{name} ({network.as_of.isoformat()})" if network.as_of else None
            name = dated if dated and dated not in names else f"{name} #{position}"
        names.append(name)
    return names


def _territory(
    network: Network, seed: int, randomisations: int
) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """Raw values (as the report gives them), and the same-method observed and random values."""
    G = territory_graph(network)
    sectors = sector_order([s for _, s in G.nodes(data="sector")])
    code = {s: i for i, s in enumerate(sectors)}
    g = engine_graph(G).igraph
    labels = [code[str(s)] for _, s in G.nodes(data="sector")]
    with seeded_igraph(seed):
        observed = _structure(g, labels)
        samples = []
        if g.ecount() >= 2:
            for _ in range(randomisations):
                copy = g.copy()
                copy.rewire(n=SWAPS_PER_TIE * copy.ecount(), allowed_edge_types="simple")
                samples.append(_structure(copy, labels))
    return _raw(network, G, observed, seed), observed, samples


def _raw(network: Network, G: nx.Graph, observed: dict[str, Any], seed: int) -> dict[str, Any]:
    """The indicators with the report's definitions and conventions (0.0 when undefined)."""
    labels = communities(G, seed=seed)
    whole_ei = ei_index(G) if len(G) else None
    return {
        **observed,
        "ties": sum(1 for tie in network.ties if network.is_internal(tie)),
        "largest_component_share": observed["largest_component_share"] or 0.0,
        "average_clustering": observed["average_clustering"] or 0.0,
        "modularity": modularity(G, partition_sets(labels)) if len(G) else 0.0,
        "communities": len(set(labels.values())),
        "ei_index": whole_ei if whole_ei is not None else 0.0,
        "assortativity": attribute_assortativity(G) if len(G) else None,
        "openness": _openness(network),
    }


def _structure(g: ig.Graph, labels: list[int]) -> dict[str, float | None]:
    """The indicators measured alike on a territory and on its randomisations."""
    n, m = g.vcount(), g.ecount()
    sizes = g.connected_components().sizes() if n else []
    partition = g.community_leiden(objective_function="modularity", n_iterations=2)
    return {
        "actors": n,
        "ties": m,
        "density": 2 * m / (n * (n - 1)) if n > 1 else 0.0,
        "components": len(sizes),
        "largest_component_share": max(sizes) / n if n else None,
        "average_clustering": (
            float(np.mean(g.transitivity_local_undirected(mode="zero"))) if n else None
        ),
        "modularity": g.modularity(partition.membership) if m else None,
        "communities": len(partition),
        "ei_index": _ei_index(g, labels),
        "assortativity": _assortativity(g, labels),
        "betweenness_centralisation": _betweenness_centralisation(g),
    }


def _ei_index(g: ig.Graph, labels: list[int]) -> float | None:
    if not g.ecount():
        return None
    ends = np.asarray(g.get_edgelist())
    codes = np.asarray(labels)
    external = int(np.sum(codes[ends[:, 0]] != codes[ends[:, 1]]))
    return (2 * external - len(ends)) / len(ends)


def _assortativity(g: ig.Graph, labels: list[int]) -> float | None:
    if not g.ecount():
        return None
    value = g.assortativity_nominal(labels, directed=False)
    return None if np.isnan(value) else float(value)


def _betweenness_centralisation(g: ig.Graph) -> float | None:
    n = g.vcount()
    if n < 3:
        return None
    scores = np.asarray(g.betweenness(directed=False))
    return float(np.sum(scores.max() - scores) / ((n - 1) ** 2 * (n - 2) / 2))


def _openness(network: Network) -> float:
    if not network.ties:
        return 0.0
    leaving = sum(1 for tie in network.ties if not network.is_internal(tie))
    return leaving / len(network.ties)


def _normalise(
    value: float | None, samples: list[float | None], how: str | None
) -> tuple[float | None, float | None]:
    usable = [s for s in samples if s is not None]
    if how is None or value is None or not usable:
        return None, None
    mean = float(np.mean(usable))
    spread = float(np.std(usable, ddof=1)) if len(usable) > 1 else 0.0
    z = (value - mean) / spread if spread > 1e-12 * max(1.0, abs(mean)) else None
    if how == "difference":
        return value - mean, z
    return (value / mean if mean else None), z


def _round(value: float | None) -> float | None:
    if value is None or isinstance(value, int):
        return value
    return round(float(value), 6)
