"""Imports that never lose data, revisions and undo: the store contract on SQLite and Neo4j.

Every test runs on both stores (the ``store`` fixture); the expected values come from
``small_dataset`` (see ``tests/conftest.py``) and from the small files built here.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from datetime import date

import pytest

from maillage.graph.changes import (
    Edit,
    FileDigest,
    ImportCollision,
    prefix_ids,
)
from maillage.graph.errors import NotFound
from maillage.graph.model import Activity, Actor, Dataset, Participation, Sector, Tie, TieKind
from maillage.graph.storage.sqlite import SQLiteStore


def state(store) -> tuple:
    """Everything the store holds, as its readers see it: territories, networks, actors."""
    territories = store.territories()
    networks = {t.name: store.network(t.name) for t in territories}
    actors = {actor_id: store.actor(actor_id) for actor_id in sorted(store.actor_ids())}
    return territories, networks, actors


def graph_file(territory: str, names: list[str]) -> Dataset:
    """What a GEXF file with node ids 0, 1, ... gives: a ring of ties among them."""
    actors = tuple(Actor(str(i), name, Sector.OTHER, (territory,)) for i, name in enumerate(names))
    ties = tuple(
        Tie(str(i), str((i + 1) % len(names)), weight=float(i + 1)) for i in range(len(names))
    )
    return Dataset(actors=actors, ties=ties)


AIRLINES = graph_file("Airlines", ["Air France", "KLM", "Lufthansa", "Iberia"])
MUSICIANS = graph_file("Musicians", ["Bach", "Haydn", "Mozart", "Brahms", "Ravel"])


# ---------------------------------------------------------------------- no silent takeover


def test_two_graph_files_with_the_same_ids_never_damage_each_other(store):
    store.upsert(AIRLINES, local_ids=True)
    before = state(store)

    with pytest.raises(ImportCollision) as caught:
        store.upsert(MUSICIANS, local_ids=True)

    assert [c.id for c in caught.value.collisions] == ["0", "1", "2", "3"]
    message = str(caught.value)
    assert "--id-prefix PREFIX" in message and "--merge" in message
    assert "'Air France' (Airlines)" in message and "'Bach' (Musicians)" in message
    assert state(store) == before

    result = store.upsert(prefix_ids(MUSICIANS, "musicians-"), local_ids=True)

    assert (result.actors_added, result.ties_added) == (5, 5)
    territories, networks, _ = state(store)
    assert [(t.name, t.actors, t.ties) for t in territories] == [
        ("Airlines", 4, 4),
        ("Musicians", 5, 5),
    ]
    assert networks["Airlines"] == before[1]["Airlines"]
    assert [a.name for a in networks["Musicians"].actors] == [
        "Bach",
        "Haydn",
        "Mozart",
        "Brahms",
        "Ravel",
    ]


def test_a_graph_file_collides_on_another_name_even_in_the_same_territory(store):
    store.upsert(AIRLINES, local_ids=True)
    other = graph_file("Airlines", ["Ryanair", "KLM"])

    with pytest.raises(ImportCollision) as caught:
        store.upsert(other, local_ids=True)
    assert [c.id for c in caught.value.collisions] == ["0"]

    # Outside graph files, a territory in common makes it the same actor, renamed.
    result = store.upsert(other)
    assert result.plan.actor_fields == {"name": 1}
    assert store.actor("0").name == "Ryanair"


def test_merge_takes_colliding_actors_as_the_same_ones(store):
    store.upsert(AIRLINES, local_ids=True)

    plan = store.plan(MUSICIANS, merge=True, local_ids=True)
    assert len(plan.collisions) == 0 and len(plan.actors_updated) == 4
    result = store.upsert(MUSICIANS, merge=True, local_ids=True)

    assert (result.actors_added, result.actors_updated) == (1, 4)
    assert store.actor("0").territories == ("Airlines", "Musicians")
    assert store.actor("0").name == "Bach"


def test_a_plan_lists_collisions_without_raising(store):
    store.upsert(AIRLINES)
    plan = store.plan(MUSICIANS)
    assert [str(c) for c in plan.collisions][:1] == [
        "id '0': stored 'Air France' (Airlines), incoming 'Bach' (Musicians)"
    ]
    assert store.territories()[0].name == "Airlines"


def test_a_two_line_file_naming_another_territory_moves_nobody_out(store, small_dataset):
    store.upsert(small_dataset, files=[FileDigest("nantes.csv", "a" * 64)])
    n1, n2 = (store.actor(i) for i in ("n1", "n2"))
    two_lines = Dataset(
        actors=(
            Actor("n1", "Atelier Nord", Sector.BUSINESS, ("Lyon",)),
            Actor("n2", "Asso Lien", Sector.PUBLIC, ("Lyon",)),
        )
    )

    plan = store.plan(two_lines, files=[FileDigest("lyon.csv", "b" * 64)])

    assert (len(plan.actors_updated), plan.actors_unchanged) == (2, 0)
    assert plan.actor_fields == {"sector": 1, "territories": 2}
    assert plan.joins == {"Lyon": 2} and plan.leaves == {}
    assert plan.territories_added == ("Lyon",)
    assert any("n2 'Asso Lien': sector association -> public" in str(e) for e in plan.examples)
    [warning] = plan.warnings
    assert warning.startswith("2 actors updated here came from other files (nantes.csv: 2)")
    text = "\n".join(plan.describe())
    assert "1 actor change sector" in text and "2 actors join territory Lyon" in text
    assert "<" not in text  # never a Python repr

    store.upsert(two_lines)

    assert store.actor("n1") == dataclasses.replace(n1, territories=("Nantes", "Lyon"))
    assert store.actor("n2").territories == ("Nantes", "Lyon")
    assert store.actor("n2").joined == n2.joined  # an empty field keeps its value
    assert [t.name for t in store.territories()] == ["Lyon", "Nantes", "Rennes"]
    assert [a.id for a in store.network("Nantes").actors] == ["b4", "n1", "n2", "n3"]


def test_replace_makes_the_files_values_the_stored_ones(store, small_dataset):
    store.upsert(small_dataset)
    n1 = Actor("n1", "Atelier Nord", Sector.BUSINESS, ("Lyon",))

    result = store.upsert(Dataset(actors=(n1,)), replace=True)

    assert result.plan.leaves == {"Nantes": 1} and result.plan.joins == {"Lyon": 1}
    assert store.actor("n1") == n1
    assert "n1" not in [a.id for a in store.network("Nantes").actors]


def test_the_plan_counts_unchanged_and_changed_ties_field_by_field(store, small_dataset):
    store.upsert(small_dataset)
    changed = Tie("n2", "n1", TieKind.PARTNERSHIP, 5.0, since=date(2019, 5, 1), ref="survey-2023")
    plan = store.plan(Dataset(ties=(*small_dataset.ties[1:], changed)))

    assert (len(plan.ties_added), len(plan.ties_updated), plan.ties_unchanged) == (0, 1, 6)
    assert plan.tie_fields == {"weight": 1}
    assert not store.plan(small_dataset).changed


# ---------------------------------------------------------------------- revisions and undo


def test_undo_after_an_import_restores_exactly_the_state_before(store, small_dataset):
    store.upsert(small_dataset)
    before = state(store)
    correction = Dataset(
        actors=(
            dataclasses.replace(small_dataset.actors[0], name="Atelier Nord SA", city=None),
            Actor("l1", "Lyon Lab", Sector.ACADEMIC, ("Lyon", "Nantes")),
            dataclasses.replace(small_dataset.actors[4], territories=("Lyon",)),
        ),
        ties=(
            Tie("l1", "n1", TieKind.SERVICE),
            Tie("n2", "n1", TieKind.PARTNERSHIP, 9.0),
        ),
        activities=(Activity("forum-2020", "Forum renamed", date(2020, 9, 16)),),
        participations=(Participation("l1", "forum-2020"),),
    )
    result = store.upsert(correction, replace=True)
    assert result.revision is not None and state(store) != before

    undo = store.undo()

    assert undo.undoes == (result.revision,)
    assert state(store) == before
    assert store.plan(small_dataset).changed is False  # activity restored too


def test_undo_of_the_first_import_empties_the_store_and_redo_brings_it_back(store, small_dataset):
    first = store.upsert(small_dataset)
    full = state(store)

    undo = store.undo(first.revision)
    assert state(store) == ([], {}, {})

    store.undo(undo.id)  # undoing the undo
    assert state(store) == full
    assert store.upsert(small_dataset).changed is False


def test_undo_of_an_older_revision_reverts_the_later_ones_too(store, small_dataset):
    store.upsert(small_dataset)
    base = state(store)
    second = store.upsert(AIRLINES)
    store.upsert(Dataset(ties=(Tie("n1", "0"),)))

    undo = store.undo(second.revision)

    assert sorted(undo.undoes, reverse=True) == list(undo.undoes)
    assert len(undo.undoes) == 2
    assert state(store) == base
    with pytest.raises(NotFound, match="already undone"):
        store.undo(second.revision)
    with pytest.raises(NotFound):
        store.undo(999)


def test_delete_territory_is_a_revision_that_undo_reverts(store, small_dataset):
    store.upsert(small_dataset)
    before = state(store)

    store.delete_territory("Nantes", user="alice")
    [*_, deleted] = store.revisions()
    assert (deleted.action, deleted.user) == ("delete", "alice")
    assert "Nantes" in deleted.territories

    store.undo()
    assert state(store) == before


def test_history_lists_who_when_what_and_which_files(store, small_dataset):
    assert store.revisions() == []
    digest = FileDigest("actors.csv", "0" * 64)
    store.upsert(small_dataset, user="alice", files=[digest])
    store.upsert(small_dataset, user="bob")  # changes nothing: no revision
    store.upsert(AIRLINES, user="bob", files=[FileDigest("airlines.gexf", "f" * 64)])

    first, second = store.revisions()

    assert (first.id < second.id) and (first.user, second.user) == ("alice", "bob")
    assert first.action == "import" and first.files == (digest,)
    assert first.time.tzinfo is not None
    assert first.territories == ("Nantes", "Rennes")
    assert "actors.csv" in first.description and "7 added" in first.description
    assert [r.id for r in store.revisions("Airlines")] == [second.id]
    assert store.revisions("Nowhere") == []
    undo = store.undo(user="carol")
    assert [r.undone_by for r in store.revisions()] == [None, undo.id, None]
    assert (undo.action, undo.user) == ("undo", "carol")


def test_write_is_a_revision_that_removes_and_undo_restores(store, small_dataset):
    store.upsert(small_dataset)
    before = state(store)
    renamed = dataclasses.replace(small_dataset.actors[1], name="Asso Lien 2")

    revision = store.write(
        Edit(
            actors=(renamed,),
            removed_actors=("r1",),
            removed_ties=(Tie("n2", "n3", TieKind.EVENT),),
        ),
        user="editor",
        description="browser edit",
    )

    assert (revision.action, revision.description, revision.user) == (
        "edit",
        "browser edit",
        "editor",
    )
    assert store.actor("r1") is None and store.actor("n2").name == "Asso Lien 2"
    assert len(store.network("Nantes").ties) == 3
    assert store.write(Edit(actors=(renamed,))) is None  # nothing changes: no revision

    store.undo()
    assert state(store) == before


@pytest.mark.neo4j
def test_neo4j_warns_about_none_of_the_stores_statements(fresh_neo4j_store, small_dataset, caplog):
    store = fresh_neo4j_store
    with caplog.at_level(logging.INFO, logger="neo4j.notifications"):
        store.setup_schema()
        store.upsert(small_dataset)
        store.upsert(dataclasses.replace(small_dataset, actors=small_dataset.actors[:2]))
        store.plan(AIRLINES)
        store.network("Nantes", as_of=date(2021, 1, 1))
        store.territories()
        store.neighbourhood("n1", 2)
        store.shortest_path("n1", "r2", as_of=date(2023, 1, 1))
        store.write(Edit(removed_ties=(small_dataset.ties[0],)))
        store.delete_territory("Rennes")
        store.undo()
        store.revisions("Nantes")

    notes = [r.getMessage() for r in caplog.records if r.name == "neo4j.notifications"]
    assert notes == []


def test_undo_down_past_an_earlier_undo_leaves_that_pair_alone(store, small_dataset):
    first = store.upsert(small_dataset)
    store.write(Edit(removed_ties=(small_dataset.ties[0],)))
    after_edit = state(store)
    store.delete_territory("Nantes")
    undo_delete = store.undo()
    assert state(store) == after_edit

    undo_all = store.undo(first.revision)

    assert state(store) == ([], {}, {})
    assert undo_delete.id not in undo_all.undoes
    store.undo(undo_all.id)
    assert state(store) == after_edit


def two_mode(*participations: Participation) -> Dataset:
    """A two-mode export's dataset: two partners of one project, and their event tie."""
    project = Activity("x1", "Projet Rhin", date(2024, 3, 1))
    return Dataset(
        actors=(
            Actor("p1", "Alpha", Sector.BUSINESS, ("Alsace",)),
            Actor("p2", "Beta", Sector.ASSOCIATION, ("Alsace",)),
        ),
        ties=(Tie("p1", "p2", TieKind.EVENT, since=project.date, activities=("x1",)),),
        activities=(project,),
        participations=(*participations, Participation("p2", "x1")),
    )


def test_a_participations_own_attributes_are_stored_merged_and_undone(store):
    """What a row says of one partner in one project (its role) is kept, as an actor's are."""
    lead = Participation("p1", "x1", (("role", "lead"), ("town", "Lyon")))
    first = store.upsert(two_mode(lead))

    again = store.plan(two_mode(lead))  # stored with its attributes: nothing to add or update
    assert (again.participations_added, again.participations_updated) == ((), ())
    assert store.upsert(two_mode(lead)).revision is None

    # A later file sets the role only: the town stays (attributes accumulate).
    partner = Participation("p1", "x1", (("role", "partner"),))
    plan = store.plan(two_mode(partner))
    merged = Participation("p1", "x1", (("role", "partner"), ("town", "Lyon")))
    assert plan.participations_updated == (merged,)
    assert plan.participations_added == ()
    assert "0 participations added, 1 updated." in " ".join(plan.describe())
    second = store.upsert(two_mode(partner))
    assert second.revision is not None
    assert store.plan(two_mode(merged)).participations_updated == ()

    # With replace the file's attributes are the stored ones.
    replaced = store.plan(two_mode(partner), replace=True)
    assert replaced.participations_updated == (partner,)

    # Undo restores the attributes before (the participation itself stays).
    store.undo(second.revision)
    back = store.plan(two_mode(lead))
    assert (back.participations_added, back.participations_updated) == ((), ())
    store.undo(first.revision)
    assert store.plan(two_mode(lead)).participations_added == (lead, Participation("p2", "x1"))


def test_an_edit_rewrites_a_participations_attributes_and_undo_restores_them(store):
    lead = Participation("p1", "x1", (("role", "lead"),))
    store.upsert(two_mode(lead))
    store.write(Edit(participations=(Participation("p1", "x1", (("role", "observer"),)),)))
    assert store.plan(two_mode(lead)).participations_updated == (
        Participation("p1", "x1", (("role", "lead"),)),
    )
    store.undo()
    assert store.plan(two_mode(lead)).participations_updated == ()
    store.delete_territory("Alsace")
    store.undo()  # the actors come back with their participations, attributes included
    again = store.plan(two_mode(lead))
    assert (again.participations_added, again.participations_updated) == ((), ())


# ---------------------------------------------------------------------- older stores


def downgrade_sqlite_to_schema_2(path) -> None:
    """Make a store file what schema 2 wrote: no stamps, no revisions table."""
    conn = sqlite3.connect(path)
    for statement in (
        "ALTER TABLE actors DROP COLUMN revision",
        "ALTER TABLE ties DROP COLUMN revision",
        "ALTER TABLE activities DROP COLUMN revision",
        "ALTER TABLE participations DROP COLUMN revision",
        "ALTER TABLE participations DROP COLUMN attributes",
    ):
        conn.execute(statement)
    conn.execute("DROP TABLE revisions")
    conn.execute("DROP TABLE introductions")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    conn.commit()
    conn.close()


def test_a_schema_2_sqlite_store_keeps_working_after_the_migration(tmp_path, small_dataset):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = SQLiteStore.from_url(url)
    old.upsert(small_dataset)
    before = state(old)
    old.close()
    downgrade_sqlite_to_schema_2(tmp_path / "old.db")

    store = SQLiteStore.from_url(url)

    assert state(store) == before and store.revisions() == []
    assert store.upsert(small_dataset).revision is None
    store.upsert(AIRLINES)
    store.undo()
    assert state(store) == before  # the records older than the history stay
    store.close()
    conn = sqlite3.connect(tmp_path / "old.db")
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("6",)
    assert conn.execute("SELECT count(*) FROM introductions").fetchone() == (0,)
    conn.close()


@pytest.mark.neo4j
def test_a_schema_1_neo4j_store_keeps_working_after_the_migration(
    fresh_neo4j_store, neo4j_tools, small_dataset
):
    store = fresh_neo4j_store
    store.upsert(small_dataset)
    before = state(store)
    with store._driver.session(database=store.database) as session:
        session.run("MATCH (r:Revision) DETACH DELETE r").consume()
        session.run("MATCH (n) WHERE n:Actor OR n:Activity REMOVE n.revision").consume()
        session.run("MATCH ()-[r]->() REMOVE r.revision").consume()
        session.run("MATCH (m:Meta) SET m.schema = 1 REMOVE m.revisions").consume()
        session.run("DROP CONSTRAINT maillage_revision_id").consume()
        session.run("DROP CONSTRAINT maillage_introduction_id").consume()

    again = neo4j_tools.open_store()
    try:
        again.setup_schema()
        assert state(again) == before and again.revisions() == []
        with again._driver.session(database=again.database) as session:
            names = session.run("SHOW CONSTRAINTS YIELD name RETURN name").value()
        assert {"maillage_revision_id", "maillage_introduction_id"} <= set(names)
        again.upsert(AIRLINES)
        again.undo()
        assert state(again) == before
    finally:
        again.close()
