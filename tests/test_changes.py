"""``graph.changes``: what an import changes, computed from model values alone."""

from __future__ import annotations

from datetime import date

import pytest

from maillage.graph.changes import (
    ImportCollision,
    is_collision,
    merged_actor,
    plan_import,
    prefix_ids,
)
from maillage.graph.model import Actor, Dataset, Participation, Sector, Tie

STORED = Actor(
    "a1",
    "Mairie",
    Sector.PUBLIC,
    ("Alsace",),
    city="Sélestat",
    joined=date(2010, 1, 1),
    attributes={"siret": "1", "web": "old"},
)


def test_territories_and_attributes_accumulate_and_empty_fields_keep_their_value():
    incoming = Actor("a1", "Mairie", Sector.PUBLIC, ("Lyon", "Alsace"), attributes={"web": "new"})

    merged = merged_actor(STORED, incoming)

    assert merged.territories == ("Alsace", "Lyon")
    assert merged.attributes == {"siret": "1", "web": "new"}
    assert (merged.city, merged.joined) == ("Sélestat", date(2010, 1, 1))
    assert merged_actor(STORED, incoming, replace=True) == incoming


@pytest.mark.parametrize(
    ("name", "territories", "local_ids", "collides"),
    [
        ("Mairie", ("Lyon",), False, False),  # same name: the same actor
        ("  MAIRIE ", ("Lyon",), True, False),  # case and spacing aside
        ("Brasserie", ("Alsace",), False, False),  # a territory in common: renamed
        ("Brasserie", ("Lyon",), False, True),
        ("Brasserie", ("Alsace",), True, True),  # graph-file ids: another name is enough
    ],
)
def test_what_a_collision_is(name, territories, local_ids, collides):
    incoming = Actor("a1", name, Sector.PUBLIC, territories)
    assert is_collision(STORED, incoming, local_ids=local_ids) is collides


def test_the_plan_counts_fields_and_lists_collisions():
    existing = Dataset(actors=(STORED, Actor("a2", "Jardins", Sector.ASSOCIATION, ("Alsace",))))
    incoming = Dataset(
        actors=(
            Actor("a1", "Mairie", Sector.ASSOCIATION, ("Alsace",), city="Colmar"),
            Actor("a2", "Brasserie", Sector.BUSINESS, ("Lille",)),
            Actor("a3", "New", Sector.OTHER, ("Lille",)),
        ),
        ties=(Tie("a3", "a1"), Tie("a1", "a3")),
        participations=(Participation("a3", "x"),),
    )

    plan = plan_import(
        existing, incoming, territories=["Alsace"], origins={"a1": ("old/a.csv",)}, files=["b.csv"]
    )

    assert [a.id for a in plan.actors_added] == ["a3"]
    assert [a.id for a in plan.actors_updated] == ["a1"]
    assert plan.actor_fields == {"sector": 1, "city": 1}
    assert [str(c) for c in plan.collisions] == [
        "id 'a2': stored 'Jardins' (Alsace), incoming 'Brasserie' (Lille)"
    ]
    assert len(plan.ties_added) == 1  # one identity, named both ways
    assert plan.territories_added == ("Lille",)
    assert plan.warnings == (
        "1 actor updated here came from other files (a.csv: 1), e.g. a1 'Mairie'",
    )
    assert "Ties: 1 added, 0 updated, 0 unchanged." in plan.describe()
    with pytest.raises(ImportCollision, match="--id-prefix PREFIX"):
        raise ImportCollision(plan.collisions)


def test_prefix_ids_moves_the_files_actors_and_leaves_stored_ends():
    data = Dataset(
        actors=(Actor("0", "A", Sector.OTHER, ("T",)),),
        ties=(Tie("0", "stored-9"),),
        participations=(Participation("0", "x"),),
    )

    moved = prefix_ids(data, "g-")

    assert [a.id for a in moved.actors] == ["g-0"]
    assert (moved.ties[0].source, moved.ties[0].target) == ("g-0", "stored-9")
    assert moved.participations == (Participation("g-0", "x"),)
    with pytest.raises(ValueError):
        prefix_ids(data, "")
