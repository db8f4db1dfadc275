"""Both engines give the same report on the reference graphs, against the real Neo4j with GDS.

``local`` computes in this process; ``gds`` inside Neo4j (Graph Data Science) plus the
neighbourhood measures from streamed batches. Centralities agree to 1e-6, modularity
within 0.01 (communities may be labelled or cut differently), everything else exactly.
"""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from maillage.graph.analytics import streamed_report, territory_report
from maillage.graph.model import Actor, Dataset, Sector, Tie
from maillage.graph.storage.gds import gds_territory
from maillage.loaders import demo_dataset

pytestmark = pytest.mark.neo4j

SECTORS = list(Sector)
CENTRAL = ("betweenness", "closeness", "eigenvector", "pagerank")
LOCAL_EXACT = ("degree", "constraint", "effective_size", "ei_index", "brokerage")


def reference_dataset(name: str, G: nx.Graph) -> Dataset:
    """``G`` as a territory ``name``; sectors dealt round-robin over the sorted nodes."""
    nodes = sorted(G, key=str)
    sector = {v: SECTORS[i % 4] for i, v in enumerate(nodes)}
    actors = tuple(Actor(f"{name}:{v}", str(v), sector[v], (name,)) for v in nodes)
    ties = tuple(Tie(f"{name}:{u}", f"{name}:{v}") for u, v in G.edges())
    return Dataset(actors=actors, ties=ties)


REFERENCE = {
    "florentine": nx.florentine_families_graph(),
    "karate": nx.karate_club_graph(),
    "kite": nx.krackhardt_kite_graph(),
}


@pytest.fixture
def gds_store(fresh_neo4j_store, neo4j_tools):
    """A fresh Neo4j store whose server has GDS (skipped without it, failed under CI)."""
    from maillage.graph.storage.gds import EngineUnavailable, gds_version

    try:
        gds_version(fresh_neo4j_store)
    except EngineUnavailable as error:
        neo4j_tools.unavailable(f"the server has no GDS ({error})")
    return fresh_neo4j_store


def assert_same_reports(local: dict, gds: dict, *, modularity: float = 0.01) -> None:
    assert gds["approximate"] is local["approximate"] is False
    assert gds["method"]["engine"] == "gds" and local["method"]["engine"] == "local"
    by_id = {row["id"]: row for row in gds["actors"]}
    assert sorted(by_id) == sorted(row["id"] for row in local["actors"])
    # GDS's power iteration runs on A (NetworkX's on A + I) and stops short on slowly
    # converging or disconnected territories (the method says "not converged"), where the
    # local engine may fall back on ARPACK: there the eigenvector is only checked to be a
    # unit vector.
    converged = "not converged" not in gds["method"]["eigenvector"]
    connected = local["network"]["components"] == 1
    for row in local["actors"]:
        other = by_id[row["id"]]
        for key in CENTRAL:
            if key == "eigenvector" and not (converged and connected):
                continue
            assert other[key] == pytest.approx(row[key], abs=1e-6), (row["id"], key)
        for key in LOCAL_EXACT:
            if isinstance(row[key], float):
                assert other[key] == pytest.approx(row[key], abs=1e-9), (row["id"], key)
            else:
                assert other[key] == row[key], (row["id"], key)
        assert (other["name"], other["sector"]) == (row["name"], row["sector"])
    vector = [row["eigenvector"] for row in gds["actors"]]
    assert sum(v * v for v in vector) == pytest.approx(1.0) and min(vector) >= 0
    mine, theirs = local["network"], gds["network"]
    assert theirs["modularity"] == pytest.approx(mine["modularity"], abs=modularity)
    for key in ("actors", "ties", "linked_pairs", "components", "sector_counts"):
        assert theirs[key] == mine[key], key
    for key in ("density", "largest_component_share", "average_clustering", "ei_index"):
        assert theirs[key] == pytest.approx(mine[key], abs=1e-9), key
    assert theirs["openness"] == pytest.approx(mine["openness"], abs=1e-12)
    assert theirs["assortativity"] == pytest.approx(mine["assortativity"], abs=1e-9)
    assert theirs["ei_by_sector"] == pytest.approx(mine["ei_by_sector"], abs=1e-9)
    assert gds["sector_mixing"]["observed"] == local["sector_mixing"]["observed"]


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_both_engines_agree_on_reference_graphs(gds_store, name):
    gds_store.upsert(reference_dataset(name, REFERENCE[name]))
    local = territory_report(gds_store.network(name))
    gds = streamed_report(gds_territory(gds_store, name))
    assert_same_reports(local, gds)


def test_karate_matches_published_values(gds_store):
    """Zachary's karate club: Leiden/Louvain best modularity 0.4198 (Traag et al.); ours >= 0.41."""
    gds_store.upsert(reference_dataset("karate", REFERENCE["karate"]))
    gds = streamed_report(gds_territory(gds_store, "karate"))
    assert gds["network"]["modularity"] >= 0.41
    top = gds["actors"][0]
    # Node 0 (Mr Hi) has the highest betweenness: 231.0714 unnormalised (NetworkX docs).
    assert top["name"] == "0"
    assert top["betweenness"] == pytest.approx(231.07142857142858 * 2 / (33 * 32), abs=1e-9)


#: Where GDS's Leiden and Louvain fall short of the local engine's best partition (64 Leiden
#: runs refined by leidenalg) by more than 0.01: Lille, 0.526-0.529 locally, 0.484-0.50 in GDS
#: (2 December 2026). The GDS partition scored on the same graph by NetworkX gives GDS's own
#: figure, so the projection is the same graph: GDS's optimiser stops lower there, with a
#: tolerance of 1e-7 and 20 levels too. The reference graphs above hold to 0.01 (issue #13's
#: acceptance); this wider bound is for the generated demo territories only.
DEMO_MODULARITY = 0.06


def test_both_engines_agree_on_the_demo_territories(gds_store):
    dataset = demo_dataset()
    gds_store.upsert(dataset)
    for summary in gds_store.territories():
        local = territory_report(gds_store.network(summary.name))
        gds = streamed_report(gds_territory(gds_store, summary.name))
        assert_same_reports(local, gds, modularity=DEMO_MODULARITY)


def test_as_of_and_weighted_agree(gds_store):
    dataset = demo_dataset()
    gds_store.upsert(dataset)
    name = gds_store.territories()[0].name
    day = date(2018, 1, 1)
    local = territory_report(gds_store.network(name, as_of=day))
    gds = streamed_report(gds_territory(gds_store, name, as_of=day))
    assert_same_reports(local, gds, modularity=DEMO_MODULARITY)
    weighted = streamed_report(gds_territory(gds_store, name, as_of=day), weighted=True)
    expected = territory_report(gds_store.network(name, as_of=day), weighted=True)
    by_id = {row["id"]: row for row in weighted["actors"]}
    for row in expected["actors"]:
        for key in ("pagerank", "constraint", "effective_size", "ei_index"):
            if row[key] is None:
                assert by_id[row["id"]][key] is None
            else:
                assert by_id[row["id"]][key] == pytest.approx(row[key], abs=1e-6), key
        # Weighted paths: igraph takes lengths within 1e-10 as equal, GDS compares exactly,
        # so sums of 1 / weight that tie only up to rounding split the paths differently.
        assert by_id[row["id"]]["betweenness"] == pytest.approx(row["betweenness"], abs=1e-3)
