"""Cost of the gap report, introductions and territory comparison, as ratios.

Each measurement is divided by a reference run in the same process (plain
NetworkX breadth-first searches from 100 actors of the same network), so
that the ratios hold on a loaded or a faster machine. The absolute seconds
are printed too. Run with ``python benchmarks/bench_gaps.py [actors]``.

Targets: the gap report of 10 000 actors in a few seconds (most of it is
the community detection and the label permutations of the report's
helpers), 20 randomisations of a 600-actor territory under 2 s.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable

import networkx as nx

from maillage.graph.analytics.compare import compare_territories
from maillage.graph.analytics.gaps import gap_report
from maillage.graph.analytics.network import territory_graph
from maillage.graph.analytics.paths import introduction_path
from maillage.graph.model import Actor, Network, Sector, Tie

SECTOR_WEIGHTS = {
    Sector.BUSINESS: 30,
    Sector.ASSOCIATION: 30,
    Sector.PUBLIC: 10,
    Sector.ACADEMIC: 8,
    Sector.MEDIA: 3,
    Sector.CITIZEN: 10,
    Sector.FUNDER: 4,
    Sector.OTHER: 5,
}
SPARSE_PAIRS = ({Sector.PUBLIC, Sector.MEDIA}, {Sector.FUNDER, Sector.CITIZEN})


def synthetic(actors: int, territory: str, seed: int = 1) -> Network:
    """A clustered scale-free territory where two sector pairs hardly work together."""
    G = nx.powerlaw_cluster_graph(actors, 5, 0.3, seed=seed)
    rng = random.Random(seed)
    sector = {n: rng.choices(list(SECTOR_WEIGHTS), list(SECTOR_WEIGHTS.values()))[0] for n in G}
    people = tuple(Actor(f"n{n}", f"Actor {n}", sector[n], (territory,)) for n in G)
    ties = tuple(
        Tie(f"n{u}", f"n{v}", weight=rng.choice([1, 1, 2, 3]))
        for u, v in G.edges()
        if {sector[u], sector[v]} not in SPARSE_PAIRS or rng.random() < 0.1
    )
    return Network(territory, people, ties)


def seconds(run: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def reference(network: Network) -> float:
    G = territory_graph(network)
    sources = list(G)[:100]
    return seconds(lambda: [nx.single_source_shortest_path_length(G, s) for s in sources], 3)


def main(actors: int = 10_000) -> None:
    big = synthetic(actors, "Big")
    mid, small = synthetic(600, "Mid", seed=2), synthetic(60, "Small", seed=3)
    unit = reference(big)
    G = territory_graph(big)
    ends = list(G)[0], list(G)[-1]
    rows = {
        f"gap_report ({actors} actors, 1000 permutations)": seconds(
            lambda: gap_report(big, seed=42)
        ),
        "compare_territories (600 + 60 actors, 20 randomisations)": seconds(
            lambda: compare_territories([mid, small], seed=42)
        ),
        "  of which 20 randomisations of 600 actors": seconds(
            lambda: compare_territories([mid], randomisations=20, seed=42)
        )
        - seconds(lambda: compare_territories([mid], randomisations=0, seed=42)),
        "introduction_path (x20)": seconds(
            lambda: [introduction_path(G, *ends) for _ in range(20)]
        ),
    }
    print(f"reference (100 NetworkX BFS on {actors} actors): {unit:.3f} s")
    for name, took in rows.items():
        print(f"{name:60s} {took:7.3f} s  {took / unit:6.1f} x reference")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
