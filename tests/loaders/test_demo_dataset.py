"""The fictional demo territories: their promised counts and shapes, the same for a seed."""

from __future__ import annotations

from collections import Counter
from datetime import date

import networkx as nx
import pytest

from maillage.graph.model import Network, Sector, TieKind
from maillage.loaders import load
from maillage.loaders.demo import demo_dataset
from maillage.loaders.participations import co_participation_ties
from maillage.loaders.writers import write


@pytest.fixture(scope="module")
def demo():
    return demo_dataset()


def members(dataset, territory):
    return {a.id for a in dataset.actors if territory in a.territories}


def internal_graph(dataset, territory):
    ids = members(dataset, territory)
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(
        (t.source, t.target) for t in dataset.ties if t.source in ids and t.target in ids
    )
    return graph


def test_same_seed_same_data_other_seed_other_data(demo):
    assert demo_dataset() == demo
    assert demo_dataset(seed=7) != demo


def test_alsace_labo_des_partenariats(demo):
    alsace = members(demo, "Alsace")
    assert len(alsace) == 600
    partnerships = [
        t for t in demo.ties if t.kind is TieKind.PARTNERSHIP and {t.source, t.target} & alsace
    ]
    assert len(partnerships) == 107
    assert all(t.source in alsace and t.target in alsace for t in partnerships)
    sector = {a.id: a.sector for a in demo.actors}
    partners = {end for t in partnerships for end in (t.source, t.target)}
    assert Counter(sector[a] for a in partners) == {Sector.BUSINESS: 50, Sector.ASSOCIATION: 80}
    assert {sector[a] for a in alsace} == set(Sector)


def test_alsace_events(demo):
    events = [a for a in demo.activities if a.id.startswith("als-evt-")]
    assert len(events) == 82
    assert min(e.date for e in events) >= date(2008, 1, 1)
    assert max(e.date for e in events) <= date(2026, 12, 31)
    assert {e.date.year for e in events} == set(range(2008, 2027))
    alsace = members(demo, "Alsace")
    attendees = {p.actor for p in demo.participations if p.activity.startswith("als-evt-")}
    assert attendees == alsace  # everyone came at least once
    dates = {a.id: a.date for a in demo.activities}
    expected = co_participation_ties(demo.participations, dates)
    assert [t for t in demo.ties if t.kind is TieKind.EVENT] == expected


@pytest.mark.parametrize(
    "territory",
    ["Romans", "Lille", "Bordeaux", "Marseille", "Figeac", "Lons-le-Saunier"],
)
def test_smaller_territories_have_40_to_150_actors(demo, territory):
    assert 40 <= len(members(demo, territory)) <= 150


def test_romans_is_fragmented(demo):
    graph = internal_graph(demo, "Romans")
    sizes = sorted((len(c) for c in nx.connected_components(graph)), reverse=True)
    assert sizes[:4] == [16, 14, 12, 10]
    assert len(sizes) >= 6


def test_figeac_is_dominated_by_one_hub(demo):
    graph = internal_graph(demo, "Figeac")
    degrees = sorted((d for _, d in graph.degree()), reverse=True)
    assert degrees[0] >= 0.8 * (graph.number_of_nodes() - 1)
    assert degrees[1] <= 4


def test_lille_is_bridged_across_sectors(demo):
    graph = internal_graph(demo, "Lille")
    sector = {a.id: a.sector for a in demo.actors}
    crossing = sum(sector[a] is not sector[b] for a, b in graph.edges)
    assert crossing / graph.number_of_edges() > 0.9
    assert nx.number_connected_components(graph) == 1


def test_a_few_actors_in_two_territories_and_ties_leaving(demo):
    assert 3 <= sum(len(a.territories) == 2 for a in demo.actors) <= 6
    home = {a.id: set(a.territories) for a in demo.actors}
    leaving = [t for t in demo.ties if not home[t.source] & home[t.target]]
    assert 3 <= len(leaving) <= 10


def test_everything_is_marked_fictional_and_named_once(demo):
    assert all(a.attributes == {"fictional": "true"} for a in demo.actors)
    assert len({a.name for a in demo.actors}) == len(demo.actors)
    assert len({a.id for a in demo.actors}) == len(demo.actors)


def test_the_whole_demo_passes_the_loaders_validation(demo, tmp_path):
    everything = Network("all", demo.actors, demo.ties)
    reread = load(write(everything, "csv", tmp_path)).dataset
    assert reread.actors == demo.actors
    assert reread.ties == demo.ties


def inside(point, rings):
    """Whether ``point`` (lon, lat) is inside ``rings`` (even-odd rule: holes count)."""
    x, y = point
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


DEPARTMENTS = {
    "Alsace": {"67", "68"},  # Bas-Rhin, Haut-Rhin: west of the Rhine
    "Romans": {"26"},  # Drôme
    "Lille": {"59"},  # Nord
    "Bordeaux": {"33"},  # Gironde
    "Marseille": {"13"},  # Bouches-du-Rhône
    "Figeac": {"46", "12"},  # Lot, Aveyron (Capdenac-Gare)
    "Lons-le-Saunier": {"39"},  # Jura
}


@pytest.mark.parametrize("territory", sorted(DEPARTMENTS))
def test_every_actor_lies_in_its_territorys_departments(demo, territory):
    from maillage.reports.map_figure import outlines

    rings = [o.rings for o in outlines("departements") if o.code in DEPARTMENTS[territory]]
    assert len(rings) == len(DEPARTMENTS[territory])
    home = [a for a in demo.actors if a.territories[0] == territory]
    outside = [
        (a.id, a.lat, a.lon) for a in home if not any(inside((a.lon, a.lat), r) for r in rings)
    ]
    assert home
    assert outside == []


def test_actors_sit_around_several_real_communes_not_in_a_rectangle(demo):
    alsace = [a for a in demo.actors if a.territories[0] == "Alsace"]
    strasbourg = [a for a in alsace if abs(a.lat - 48.5734) < 0.03 and abs(a.lon - 7.7521) < 0.03]
    mulhouse = [a for a in alsace if abs(a.lat - 47.7508) < 0.03 and abs(a.lon - 7.3359) < 0.03]
    assert strasbourg and mulhouse
    # nobody in the empty corners of the old rectangle: north-west of Saverne, east of Colmar
    assert not [a for a in alsace if a.lat > 48.85 and a.lon < 7.3]
    assert not [a for a in alsace if a.lat < 48.1 and a.lon > 7.55]
