"""The ``GraphStore`` contract: every test runs against SQLite and against a real Neo4j.

The expected values come from ``small_dataset`` (see its docstring in ``tests/conftest.py``).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import date

import pytest

from maillage.graph.errors import NotFound, ValidationError
from maillage.graph.model import (
    Activity,
    Actor,
    Dataset,
    Participation,
    Sector,
    TerritorySummary,
    Tie,
    TieKind,
)


def ids(actors) -> list[str]:
    return [actor.id for actor in actors]


def pairs(ties) -> set[tuple[str, str, str]]:
    return {(tie.source, tie.target, tie.kind.value) for tie in ties}


def tie_between(dataset: Dataset, a: str, b: str) -> Tie:
    return next(t for t in dataset.ties if {t.source, t.target} == {a, b})


def canonical(tie: Tie) -> Tie:
    """``tie`` as a store gives it back: an undirected tie from its smaller end."""
    if tie.directed or tie.source <= tie.target:
        return tie
    return dataclasses.replace(tie, source=tie.target, target=tie.source)


def by_id(dataset: Dataset, actor_id: str) -> Actor:
    return next(a for a in dataset.actors if a.id == actor_id)


# ---------------------------------------------------------------------- upsert


def test_first_import_counts_everything_as_added(store, small_dataset):
    result = store.upsert(small_dataset)

    assert (result.actors_added, result.actors_updated) == (7, 0)
    assert (result.ties_added, result.ties_updated) == (7, 0)
    assert result.activities_added == 1
    assert result.territories_added == 2
    assert result.changed
    assert result.data_version == store.data_version()


def test_reimporting_the_same_records_changes_nothing(store, small_dataset):
    store.upsert(small_dataset)
    version = store.data_version()
    before = (store.territories(), store.network("Nantes"), store.network("Rennes"))

    result = store.upsert(small_dataset)

    assert (result.actors_added, result.actors_updated) == (0, 0)
    assert (result.ties_added, result.ties_updated) == (0, 0)
    assert (result.activities_added, result.territories_added) == (0, 0)
    assert not result.changed
    assert result.data_version == version
    assert store.data_version() == version
    assert (store.territories(), store.network("Nantes"), store.network("Rennes")) == before


def test_a_corrected_record_is_updated_in_place(store, small_dataset):
    store.upsert(small_dataset)
    version = store.data_version()
    renamed = dataclasses.replace(by_id(small_dataset, "n2"), name="Asso Lien & Co", city="Rezé")
    # The same undirected tie, given the other way round, with a corrected weight.
    reweighted = Tie("n2", "n1", TieKind.PARTNERSHIP, 4.0, since=date(2019, 5, 1))

    result = store.upsert(Dataset(actors=(renamed,), ties=(reweighted,)))

    assert (result.actors_added, result.actors_updated) == (0, 1)
    assert (result.ties_added, result.ties_updated) == (0, 1)
    assert result.data_version != version
    assert store.actor("n2") == renamed
    nantes = store.network("Nantes")
    assert len(nantes.ties) == 6
    updated = tie_between(Dataset(ties=nantes.ties), "n1", "n2")
    assert (updated.weight, updated.ref) == (4.0, None)
    assert store.territories()[0] == TerritorySummary("Nantes", 4, 6)


def test_with_replace_a_corrected_territory_list_replaces_the_old_one(store, small_dataset):
    store.upsert(small_dataset)
    lyon = Actor("l1", "Lyon Lab", Sector.ACADEMIC, ("Lyon",))
    store.upsert(Dataset(actors=(lyon,)))
    assert [t.name for t in store.territories()] == ["Lyon", "Nantes", "Rennes"]

    moved = (
        dataclasses.replace(by_id(small_dataset, "n3"), territories=("Rennes",)),
        dataclasses.replace(lyon, territories=("Rennes", "Nantes")),
    )
    result = store.upsert(Dataset(actors=moved), replace=True)

    assert (result.actors_added, result.actors_updated, result.territories_added) == (0, 2, 0)
    assert store.actor("l1").territories == ("Rennes", "Nantes")
    assert store.territories() == [
        TerritorySummary("Nantes", 4, 6),
        TerritorySummary("Rennes", 6, 6),
    ]
    assert "n3" not in ids(store.network("Nantes").actors)
    assert "n3" in ids(store.network("Rennes").actors)


def test_an_undirected_tie_has_one_orientation(store, small_dataset):
    store.upsert(small_dataset)
    reversed_tie = Tie("r2", "r1", TieKind.PARTNERSHIP, 3.0, since=date(2022, 4, 1))
    directed = Tie("r2", "r1", TieKind.PARTNERSHIP, 3.0, directed=True)

    assert not store.upsert(Dataset(ties=(reversed_tie,))).changed
    assert store.upsert(Dataset(ties=(directed,))).ties_added == 1

    ties = [t for t in store.network("Rennes").ties if {t.source, t.target} == {"r1", "r2"}]
    assert sorted((t.source, t.target, t.directed) for t in ties) == [
        ("r1", "r2", False),
        ("r2", "r1", True),
    ]


def test_a_tie_may_name_an_actor_already_stored(store, small_dataset):
    store.upsert(small_dataset)

    result = store.upsert(Dataset(ties=(Tie("r3", "n1", TieKind.SERVICE),)))

    assert (result.ties_added, result.actors_added) == (1, 0)
    assert ("n1", "r3", "service") in pairs(store.network("Rennes").ties)


def test_an_import_with_one_invalid_record_leaves_the_store_unchanged(store, small_dataset):
    store.upsert(small_dataset)
    version = store.data_version()
    before = (store.territories(), store.network("Nantes"), store.network("Rennes"))
    newcomer = Actor("z1", "Zeta", Sector.OTHER, ("Lyon",))
    corrected = dataclasses.replace(by_id(small_dataset, "n1"), name="Renamed")
    valid = tuple(Tie("z1", f"r{i}", TieKind.PARTNERSHIP) for i in (1, 2, 3))

    with pytest.raises(ValidationError) as caught:
        store.upsert(
            Dataset(
                actors=(newcomer, corrected),
                ties=(*valid, Tie("z1", "ghost", TieKind.FUNDING)),
            )
        )

    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("<store>", None, "target")
    assert "'ghost'" in problem.message
    assert "nothing was imported" in str(caught.value)
    assert store.data_version() == version
    assert store.actor("z1") is None
    assert store.actor("n1").name == "Atelier Nord"
    assert (store.territories(), store.network("Nantes"), store.network("Rennes")) == before


def test_a_participation_of_an_unknown_actor_is_rejected(store, small_dataset):
    store.upsert(small_dataset)
    version = store.data_version()
    forum = Activity("forum-2021", "Forum 2021", date(2021, 9, 1))

    with pytest.raises(ValidationError) as caught:
        store.upsert(
            Dataset(
                activities=(forum,),
                participations=(
                    Participation("n1", "forum-2021"),
                    Participation("x9", "forum-2021"),
                ),
            )
        )

    assert [(p.column, "'x9'" in p.message) for p in caught.value.problems] == [("actor", True)]
    assert store.data_version() == version


def test_an_empty_store_rejects_dangling_ties(store):
    with pytest.raises(ValidationError) as caught:
        store.upsert(Dataset(ties=(Tie("a", "b"),)))

    assert sorted(p.column for p in caught.value.problems) == ["source", "target"]
    assert store.territories() == []


def test_activities_and_participations_count_as_changes(store, small_dataset):
    store.upsert(small_dataset)
    version = store.data_version()
    forum = Activity("forum-2021", "Forum 2021", date(2021, 9, 1))

    result = store.upsert(
        Dataset(activities=(forum,), participations=(Participation("n1", "forum-2021"),))
    )
    assert result.activities_added == 1
    assert result.data_version != version

    renamed = dataclasses.replace(forum, name="Forum ESS 2021")
    assert store.upsert(Dataset(activities=(renamed,))).data_version != result.data_version
    assert not store.upsert(Dataset(activities=(renamed,))).changed


# ---------------------------------------------------------------------- reads


def test_territories_counts_actors_and_every_tie_touching_them(store, small_dataset):
    assert store.territories() == []
    store.upsert(small_dataset)

    assert store.territories() == [
        TerritorySummary("Nantes", 4, 6),
        TerritorySummary("Rennes", 4, 4),
    ]


def test_network_holds_members_ties_leaving_and_the_actors_outside(store, small_dataset):
    store.upsert(small_dataset)

    nantes = store.network("Nantes")

    assert nantes.territory == "Nantes"
    assert nantes.as_of is None
    assert ids(nantes.actors) == ["b4", "n1", "n2", "n3"]
    assert set(nantes.ties) == {t for t in small_dataset.ties if t.source != "r1"}
    assert ids(nantes.outside) == ["r1"]
    assert nantes.outside[0] == by_id(small_dataset, "r1")
    assert nantes.actors[1] == by_id(small_dataset, "n1")
    leaving = [t for t in nantes.ties if not nantes.is_internal(t)]
    assert pairs(leaving) == {("b4", "r1", "service"), ("n2", "r1", "partnership")}

    rennes = store.network("Rennes")
    assert ids(rennes.actors) == ["b4", "r1", "r2", "r3"]
    assert ids(rennes.outside) == ["n1", "n2"]
    assert pairs(rennes.ties) == {
        ("b4", "n1", "governance"),
        ("b4", "r1", "service"),
        ("n2", "r1", "partnership"),
        ("r1", "r2", "partnership"),
    }


def test_network_keeps_direction_and_every_field_of_a_tie(store, small_dataset):
    store.upsert(small_dataset)

    ties = store.network("Nantes").ties

    funding = next(t for t in ties if t.kind is TieKind.FUNDING)
    assert funding == tie_between(small_dataset, "n1", "n3")
    assert (funding.source, funding.target, funding.directed) == ("n3", "n1", True)
    event = next(t for t in ties if t.kind is TieKind.EVENT)
    assert event.activities == ("forum-2020",)


@pytest.mark.parametrize(
    ("as_of", "actors", "ties", "outside"),
    [
        (date(2019, 3, 1), ["n1", "n3"], {("n3", "n1", "funding")}, []),
        (
            date(2020, 7, 1),
            ["b4", "n1", "n2", "n3"],
            {("n1", "n2", "partnership"), ("n3", "n1", "funding")},
            [],
        ),
        # The b4-r1 tie has started, but r1 has not joined yet.
        (
            date(2020, 12, 31),
            ["b4", "n1", "n2", "n3"],
            {("n1", "n2", "partnership"), ("n2", "n3", "event"), ("n3", "n1", "funding")},
            [],
        ),
        (
            date(2021, 3, 1),
            ["b4", "n1", "n2", "n3"],
            {
                ("n1", "n2", "partnership"),
                ("n2", "n3", "event"),
                ("b4", "n1", "governance"),
                ("b4", "r1", "service"),
            },
            ["r1"],
        ),
    ],
)
def test_network_as_of_a_day(store, small_dataset, as_of, actors, ties, outside):
    store.upsert(small_dataset)

    nantes = store.network("Nantes", as_of=as_of)

    assert nantes.as_of == as_of
    assert ids(nantes.actors) == actors
    assert pairs(nantes.ties) == ties
    assert ids(nantes.outside) == outside


def test_network_as_of_leaves_out_members_not_yet_joined(store, small_dataset):
    store.upsert(small_dataset)

    rennes = store.network("Rennes", as_of=date(2020, 12, 1))

    assert ids(rennes.actors) == ["b4", "r3"]
    assert rennes.ties == ()
    assert rennes.outside == ()


def test_network_of_an_unknown_territory_is_not_found(store, small_dataset):
    store.upsert(small_dataset)

    with pytest.raises(NotFound, match="Lyon"):
        store.network("Lyon")


def test_actor_round_trips_every_field(store, small_dataset):
    store.upsert(small_dataset)

    for actor in small_dataset.actors:
        assert store.actor(actor.id) == actor
    assert store.actor("b4").territories == ("Nantes", "Rennes")
    assert store.actor("nobody") is None


def test_actor_ids_are_every_stored_actor(store, small_dataset):
    assert store.actor_ids() == frozenset()
    store.upsert(small_dataset)

    assert store.actor_ids() == {"n1", "n2", "n3", "b4", "r1", "r2", "r3"}


def test_neighbourhood_one_and_two_hops(store, small_dataset):
    store.upsert(small_dataset)

    zero = store.neighbourhood("n1", 0)
    one = store.neighbourhood("n1", 1)
    two = store.neighbourhood("n1", hops=2)

    assert (ids(zero.actors), zero.ties, zero.territory) == (["n1"], (), "")
    assert ids(one.actors) == ["b4", "n1", "n2", "n3"]
    assert pairs(one.ties) == {
        ("n1", "n2", "partnership"),
        ("n2", "n3", "event"),
        ("n3", "n1", "funding"),
        ("b4", "n1", "governance"),
    }
    assert one.territory == ""
    assert ids(two.actors) == ["b4", "n1", "n2", "n3", "r1"]
    assert len(two.ties) == 6
    assert by_id(small_dataset, "r1") in two.actors


def test_neighbourhood_as_of_and_errors(store, small_dataset):
    store.upsert(small_dataset)

    past = store.neighbourhood("n1", 2, as_of=date(2020, 12, 1))

    assert ids(past.actors) == ["n1", "n2", "n3"]
    assert len(past.ties) == 3
    with pytest.raises(NotFound):
        store.neighbourhood("nobody", 1)
    for hops in (-1, 11, "2", 1.0):
        with pytest.raises(ValueError, match="hops"):
            store.neighbourhood("n1", hops)


def test_shortest_path(store, small_dataset):
    store.upsert(small_dataset)

    path = store.shortest_path("n1", "r2")

    assert len(path) == 4
    assert (path[0], path[2], path[3]) == ("n1", "r1", "r2")
    assert path[1] in {"b4", "n2"}
    # The directed funding tie n3 -> n1 is walked against its direction too.
    assert store.shortest_path("n1", "n3") == ["n1", "n3"]
    assert store.shortest_path("n1", "n1") == ["n1"]
    assert store.shortest_path("n1", "r3") is None


def test_shortest_path_as_of(store, small_dataset):
    store.upsert(small_dataset)

    # The funding tie ended on 2020-12-31: the way round goes through n2.
    assert store.shortest_path("n1", "n3", as_of=date(2021, 6, 1)) == ["n1", "n2", "n3"]
    assert store.shortest_path("n1", "r2", as_of=date(2022, 1, 1)) is None
    assert store.shortest_path("n1", "r1", as_of=date(2021, 3, 1)) == ["n1", "b4", "r1"]
    with pytest.raises(NotFound):
        store.shortest_path("n1", "nobody")


# ---------------------------------------------------------------------- delete, versions


def test_delete_territory_keeps_actors_still_elsewhere(store, small_dataset):
    store.upsert(small_dataset)
    version = store.data_version()

    store.delete_territory("Nantes")

    assert store.data_version() != version
    assert store.territories() == [TerritorySummary("Rennes", 4, 2)]
    assert store.actor("n1") is None
    assert store.actor("b4").territories == ("Rennes",)
    rennes = store.network("Rennes")
    assert pairs(rennes.ties) == {("b4", "r1", "service"), ("r1", "r2", "partnership")}
    assert rennes.outside == ()
    with pytest.raises(NotFound):
        store.network("Nantes")
    with pytest.raises(NotFound):
        store.delete_territory("Nantes")

    again = store.upsert(small_dataset)
    assert (again.actors_added, again.actors_updated, again.ties_added) == (3, 1, 5)
    assert store.territories() == [
        TerritorySummary("Nantes", 4, 6),
        TerritorySummary("Rennes", 4, 4),
    ]


def test_data_version_changes_on_every_write_and_only_then(store, small_dataset):
    empty = store.data_version()
    assert isinstance(empty, str) and empty

    first = store.upsert(small_dataset).data_version
    same = store.upsert(small_dataset).data_version
    store.upsert(Dataset(ties=(Tie("r2", "r3"),)))
    third = store.data_version()

    assert empty != first == same != third
    assert store.data_version() == third


# ---------------------------------------------------------------------- hostile values

HOSTILE = [
    "'); DROP TABLE actors;--",
    "}) DETACH DELETE n //",
    '" OR 1=1 --',
    "$territory",
    "back\\slash and 'quotes' and \"doubles\"",
    "Saint-Étienne — Zürich 東京 ñ",
    "🌿🤝 emoji",
    "new\nline\ttab",
]


def test_hostile_values_round_trip_unchanged(store):
    territory = "Lyon'); DROP TABLE territories;-- }) MATCH (n) DETACH DELETE n //"
    actors = tuple(
        Actor(
            id=text,
            name=f"name {text}",
            sector=Sector.OTHER,
            territories=(territory, text),
            kind=text,
            city=text,
            attributes={text: text, "note": text},
        )
        for text in HOSTILE
    )
    ties = tuple(
        Tie(a, b, TieKind.OTHER, note=a, ref=b, activities=(a,))
        for a, b in zip(HOSTILE, HOSTILE[1:], strict=False)
    )

    store.upsert(Dataset(actors=actors, ties=ties))

    assert sorted(t.name for t in store.territories()) == sorted([territory, *HOSTILE])
    for actor in actors:
        assert store.actor(actor.id) == actor
    network = store.network(territory)
    assert network.actors == tuple(sorted(actors, key=lambda a: a.id))
    assert set(network.ties) == {canonical(tie) for tie in ties}
    assert store.shortest_path(HOSTILE[0], HOSTILE[-1]) == HOSTILE
    assert not store.upsert(Dataset(actors=actors, ties=ties)).changed
    store.delete_territory(HOSTILE[0])
    assert store.actor(HOSTILE[0]).territories == (territory,)


# ---------------------------------------------------------------------- isolation


def big_dataset(actors: int = 2000, ties: int = 20000) -> Dataset:
    """``actors`` actors in ``Big``, each tied to its next neighbours: unique, no self-tie."""
    people = tuple(
        Actor(f"big-{i:05d}", f"Actor {i}", Sector.BUSINESS, ("Big",)) for i in range(actors)
    )
    links = tuple(
        Tie(people[i % actors].id, people[(i % actors + 1 + i // actors) % actors].id)
        for i in range(ties)
    )
    return Dataset(actors=people, ties=links)


def test_a_concurrent_reader_never_sees_half_an_import(store):
    dataset = big_dataset()
    full = [TerritorySummary("Big", 2000, 20000)]
    seen: list = []
    failures: list = []
    done = threading.Event()

    def write() -> None:
        try:
            store.upsert(dataset)
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            failures.append(error)
        finally:
            done.set()

    writer = threading.Thread(target=write)
    writer.start()
    polls_while_writing = 0
    while True:
        finished = done.is_set()
        summary = store.territories()
        seen.append(summary)
        if summary:
            network = store.network("Big")
            seen.append((len(network.actors), len(network.ties)))
        if finished:
            break
        polls_while_writing += 1
        time.sleep(0.002)
    writer.join()

    assert failures == []
    assert polls_while_writing > 0
    assert all(s in ([], full, (2000, 20000)) for s in seen), {str(s)[:80] for s in seen}
    assert seen[-1] == (2000, 20000)
