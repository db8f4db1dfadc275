"""Reading activities in the store contract, on SQLite and Neo4j.

What recording a participation by hand reads (``activity_record``) and the activities a
territory's participation form offers (``activities``).
"""

from __future__ import annotations

from datetime import date

from maillage.graph.model import Activity, Dataset, Participation, Tie, TieKind
from maillage.graph.storage.pseudonymised import PseudonymisedStore, pseudonym_id

FORUM = Activity("forum-2020", "Forum ESS 2020", date(2020, 9, 15))
FORUM_TIE = Tie("n2", "n3", TieKind.EVENT, since=date(2020, 9, 15), activities=("forum-2020",))


def more_activity(store) -> None:
    """A workshop in Rennes that n1 (Nantes) and the citizen r3 attend, and two more ties."""
    store.upsert(
        Dataset(
            ties=(
                Tie("n1", "r3", TieKind.EVENT, activities=("atelier",)),
                Tie("b4", "n2", TieKind.EVENT, since=date(2019, 1, 1), activities=("old",)),
            ),
            activities=(Activity("atelier", "Atelier vélo"), Activity("old", None)),
            participations=(
                Participation("n1", "atelier", (("role", "host"),)),
                Participation("r3", "atelier"),
                Participation("b4", "old"),
                Participation("n2", "old"),
            ),
        )
    )


def test_an_activity_record_holds_its_participations_and_the_actors_event_ties(
    store, small_dataset
):
    store.upsert(small_dataset)
    record = store.activity_record("forum-2020", "n2")
    assert record.activity == FORUM
    assert record.participations == (
        Participation("n2", "forum-2020"),
        Participation("n3", "forum-2020"),
    )
    assert record.event_ties == (FORUM_TIE,)


def test_an_activity_record_for_an_actor_not_taking_part(store, small_dataset):
    store.upsert(small_dataset)
    more_activity(store)
    for actor_id in ("n1", "r1", "nobody"):
        record = store.activity_record("forum-2020", actor_id)
        assert record.activity == FORUM
        assert [p.actor for p in record.participations] == ["n2", "n3"]
        assert record.event_ties == ()
    # b4's event tie with n2 (another activity) counts, its governance tie with n1 does not
    record = store.activity_record("forum-2020", "b4")
    assert [(t.source, t.target, t.activities) for t in record.event_ties] == [
        ("b4", "n2", ("old",))
    ]


def test_an_activity_record_keeps_participation_attributes(store, small_dataset):
    store.upsert(small_dataset)
    more_activity(store)
    record = store.activity_record("atelier", "r3")
    assert record.activity == Activity("atelier", "Atelier vélo")
    assert record.participations == (
        Participation("n1", "atelier", (("role", "host"),)),
        Participation("r3", "atelier"),
    )
    assert [(t.source, t.target) for t in record.event_ties] == [("n1", "r3")]


def test_an_unknown_activity_has_no_record(store, small_dataset):
    store.upsert(small_dataset)
    assert store.activity_record("nope", "n1") is None


def test_a_territory_lists_the_activities_of_its_members_by_id(store, small_dataset):
    store.upsert(small_dataset)
    assert store.activities("Nantes") == [FORUM]
    assert store.activities("Rennes") == []
    more_activity(store)
    assert store.activities("Nantes") == [
        Activity("atelier", "Atelier vélo"),
        FORUM,
        Activity("old"),
    ]
    assert store.activities("Rennes") == [Activity("atelier", "Atelier vélo"), Activity("old")]
    assert store.activities("Lyon") == []


def test_a_pseudonymised_activity_record_renames_its_citizens(store, small_dataset):
    store.upsert(small_dataset)
    more_activity(store)
    secret = b"s3cret"
    hidden = pseudonym_id("r3", secret)
    viewer = PseudonymisedStore(store, secret)
    record = viewer.activity_record("atelier", "n1")
    assert record.participations == (
        Participation(hidden, "atelier"),
        Participation("n1", "atelier", (("role", "host"),)),
    )
    assert [(t.source, t.target) for t in record.event_ties] == [tuple(sorted(("n1", hidden)))]
    assert viewer.activity_record("atelier", hidden).event_ties == record.event_ties
    assert viewer.activity_record("atelier", "r3").event_ties == ()
    assert viewer.activities("Rennes") == store.activities("Rennes")
