"""The renderer's compact payload: every actor, every tie, small on the wire."""

from __future__ import annotations

import gzip
import json
import random
from typing import Any

import networkx as nx
import pytest

from maillage.dashboard.network_payload import (
    community_ranks,
    drawn_counts,
    network_payload,
    relative_sizes,
)
from maillage.graph.model import Actor, Network, Sector, Tie, TieKind
from maillage.graph.vocabulary import sector_colour

SECTORS = [s.value for s in Sector]


def wire_bytes(payload: dict[str, Any]) -> tuple[int, int]:
    """JSON size and gzip size (level 6, flask-compress's default) in bytes."""
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return len(raw), len(gzip.compress(raw, compresslevel=6))


def generated(actors: int, ties_per_actor: int, seed: int = 3) -> nx.Graph:
    """A clustered scale-free network with names and sectors."""
    base = nx.powerlaw_cluster_graph(actors, ties_per_actor, 0.3, seed=seed)
    rng = random.Random(seed)
    graph = nx.Graph()
    for n in base:
        graph.add_node(f"a{n:05d}", name=f"Actor number {n}", sector=rng.choice(SECTORS))
    for u, v in base.edges():
        graph.add_edge(f"a{u:05d}", f"a{v:05d}", weight=rng.choice([1, 1, 2, 3]))
    return graph


@pytest.fixture(scope="module")
def alsace(demo_store_url: str) -> Any:
    from maillage.app import Maillage
    from maillage.settings import Settings

    maillage = Maillage(Settings(store_url=demo_store_url))
    graph = maillage.graph("Alsace")
    yield graph, maillage.layout("Alsace"), maillage.report("Alsace")["actors"]
    maillage.close()


def test_alsace_every_actor_and_tie_in_parallel_arrays(alsace: Any) -> None:
    graph, layout, rows = alsace
    payload = network_payload(graph, layout, rows, size_by="betweenness")
    count = graph.number_of_nodes()
    assert payload["ids"] == sorted(graph, key=str)
    for key in ("labels", "x", "y", "size", "sector", "community"):
        assert len(payload[key]) == count, key
    assert len(payload["edges"]) == 2 * graph.number_of_edges()
    assert len(payload["weights"]) == graph.number_of_edges()
    ids = payload["ids"]
    pairs = {
        frozenset((ids[payload["edges"][k]], ids[payload["edges"][k + 1]]))
        for k in range(0, len(payload["edges"]), 2)
    }
    assert pairs == {frozenset(e) for e in graph.edges()}
    # Positions are the layout's (4 decimals), sizes in [0, 1] with the top at 1.
    first = ids[0]
    assert payload["x"][0] == pytest.approx(layout[first][0], abs=5e-5)
    assert max(payload["size"]) == 1.0 and min(payload["size"]) >= 0.0
    top = max(rows, key=lambda r: r["betweenness"])["id"]
    assert payload["size"][ids.index(top)] == 1.0
    # Communities ranked by size: rank 0 is the largest.
    ranked = [c for c in payload["community"] if c >= 0]
    assert ranked.count(0) == max(ranked.count(c) for c in set(ranked))


def test_every_node_is_filled_with_its_sector_colour_whatever_its_size(alsace: Any) -> None:
    """Bug of issue 11: small nodes showed their community border instead of their sector."""
    graph, layout, rows = alsace
    payload = network_payload(graph, layout, rows)
    smallest = sorted(payload["size"])[len(payload["size"]) // 4]
    small = [i for i, s in enumerate(payload["size"]) if s <= smallest]
    assert small, "the demo has small nodes"
    for i in small:
        sector = graph.nodes[payload["ids"][i]]["sector"]
        assert payload["sectors"][payload["sector"][i]] == sector
        assert payload["sectorColours"][payload["sector"][i]] == sector_colour(sector)


def test_alsace_is_small_on_the_wire(alsace: Any) -> None:
    """The Cytoscape elements of Alsace were 515 KB of JSON; the payload is a fraction."""
    graph, layout, rows = alsace
    raw, zipped = wire_bytes(network_payload(graph, layout, rows))
    assert raw < 120_000
    assert zipped < 30_000
    assert zipped < raw / 2.5


def test_ten_thousand_actors_forty_thousand_ties_all_drawn() -> None:
    graph = generated(10_000, 4)
    assert graph.number_of_edges() >= 39_000
    rng = random.Random(1)
    layout = {n: (rng.uniform(-1, 1), rng.uniform(-1, 1)) for n in graph}
    payload = network_payload(graph, layout, communities=False)
    assert len(payload["ids"]) == 10_000
    assert len(payload["weights"]) == graph.number_of_edges()
    assert "community" not in payload
    raw, zipped = wire_bytes(payload)
    assert zipped < 400_000
    assert zipped < raw / 2


def test_a_date_keeps_the_whole_territory_frame() -> None:
    """Actors drawn at a date sit where they sit on the full territory: same extent."""
    graph = generated(50, 2)
    layout = {n: (i / 49 * 2 - 1, 0.0) for i, n in enumerate(sorted(graph))}
    early = graph.subgraph(sorted(graph)[:10])
    assert network_payload(early, layout)["extent"] == [-1.0, 1.0, 0.0, 0.0]


def test_sizes_default_to_degree_without_a_report() -> None:
    graph = nx.star_graph(4)
    nx.set_node_attributes(graph, "business", "sector")
    payload = network_payload(graph, {n: (0.0, 0.0) for n in graph})
    assert payload["size"] == [1.0, 0.5, 0.5, 0.5, 0.5]
    assert payload["labels"] == ["0", "1", "2", "3", "4"]


def test_no_ties_no_edges_and_missing_sector_is_other() -> None:
    graph = nx.Graph()
    graph.add_node("x", name="X")
    payload = network_payload(graph, {})
    assert payload["edges"] == [] and payload["weights"] == []
    assert payload["sectors"] == ["other"] and payload["size"] == [0.0]
    assert payload["x"] == [0.0] and payload["extent"] == [-1.0, 1.0, -1.0, 1.0]


def test_drawn_counts_follow_the_sector_kind_and_weight_filters() -> None:
    actors = (
        Actor("a", "A", Sector.BUSINESS, ("T",)),
        Actor("b", "B", Sector.BUSINESS, ("T",)),
        Actor("c", "C", Sector.PUBLIC, ("T",)),
    )
    ties = (
        Tie("a", "b", weight=1),
        Tie("b", "a", TieKind.FUNDING, weight=2, directed=True),
        Tie("b", "c", TieKind.EVENT, weight=1),
    )
    network = Network("T", actors, ties)
    assert drawn_counts(network) == {"actors": 3, "ties": 3, "pairs": 2}
    assert drawn_counts(network, ["business"]) == {"actors": 2, "ties": 2, "pairs": 1}
    assert drawn_counts(network, []) == {"actors": 0, "ties": 0, "pairs": 0}
    # The line a-b weighs 3 (its ties summed, as drawn): it stays at a minimum of 2.
    assert drawn_counts(network, min_weight=2) == {"actors": 3, "ties": 2, "pairs": 1}
    assert drawn_counts(network, kinds=["event"]) == {"actors": 3, "ties": 1, "pairs": 1}
    assert drawn_counts(network, kinds=[]) == {"actors": 3, "ties": 0, "pairs": 0}


def test_helpers() -> None:
    assert relative_sizes([9.0, 0.0, 1.0]) == [1.0, 0.0, pytest.approx(0.333)]
    assert community_ranks({"a": 1, "b": 1, "c": 0, "d": None}) == {1: 0, 0: 1}


def test_the_app_answers_gzip_compressed(demo_store_url: str) -> None:
    from maillage.app import Maillage
    from maillage.dashboard.app import create_app
    from maillage.dashboard.network_view import BUNDLE
    from maillage.settings import Settings

    maillage = Maillage(Settings(store_url=demo_store_url))
    try:
        client = create_app(maillage).server.test_client()
        page = client.get("/", headers={"Accept-Encoding": "gzip"})
        assert page.status_code == 200 and page.headers.get("Content-Encoding") == "gzip"
        html = gzip.decompress(page.data).decode()
        layout = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
        assert layout.headers.get("Content-Encoding") == "gzip"
        assert json.loads(gzip.decompress(layout.data))
        # The component's bundle is served as package data, compressed too.
        path = next(
            line.split('src="')[1].split('"')[0]
            for line in html.split("<script")
            if 'src="' in line and BUNDLE.split(".")[0] in line
        )
        bundle = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert bundle.status_code == 200
        assert bundle.headers.get("Content-Encoding") == "gzip"
        assert b"maillage_network_view" in gzip.decompress(bundle.data)
    finally:
        maillage.close()


def test_the_first_picture_is_ready_before_the_first_visit_and_never_stale(
    demo_store_url: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from maillage.app import Maillage
    from maillage.dashboard.app import create_app
    from maillage.dashboard.presenters import explore, first_picture
    from maillage.settings import Settings

    shutil.copy(demo_store_url.removeprefix("sqlite://"), tmp_path / "demo.db")
    maillage = Maillage(Settings(store_url=f"sqlite:///{tmp_path / 'demo.db'}", data_dir=tmp_path))
    try:
        create_app(maillage)  # adds the first picture to the precompute
        maillage.precompute(["Lille"])
        assert maillage.precomputer.wait(120)
        built = []
        monkeypatch.setattr(
            first_picture,
            "network_payload",
            lambda *a, **k: built.append(a) or network_payload(*a, **k),
        )
        payload, name, _caption, alert = explore.network_view(maillage, "Lille", None, "degree")
        assert alert is None and built == []  # ready: nothing computed for the visitor
        monkeypatch.setattr(maillage.store, "network", None)  # nor read: the sliders are ready
        year, weight = explore.explore_controls_view(maillage, "Lille")
        assert not year["disabled"] and year["max"] > year["min"] and weight["max"] >= 1
        monkeypatch.undo()
        monkeypatch.setattr(
            first_picture,
            "network_payload",
            lambda *a, **k: built.append(a) or network_payload(*a, **k),
        )
        assert name.startswith("network-lille-")  # and the day of the export
        assert len(payload["ids"]) == maillage.graph("Lille").number_of_nodes()

        by_betweenness, *_ = explore.network_view(maillage, "Lille", None, "betweenness")
        assert len(built) == 1 and by_betweenness["ids"] == payload["ids"]

        maillage.add_actor("Lille", "Nouvel acteur", "business", actor_id="new-one")
        after, *_ = explore.network_view(maillage, "Lille", None, "degree")
        assert "new-one" in after["ids"] and "new-one" not in payload["ids"]
    finally:
        maillage.close()
