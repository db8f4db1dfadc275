"""Recording a participation by hand (the web app's actor card): one revision, undone exactly."""

from __future__ import annotations

from datetime import date

import pytest

from maillage.app import Maillage
from maillage.graph.errors import InvalidEdit, NotFound
from maillage.graph.model import Activity, Participation, TieKind
from maillage.settings import Settings


@pytest.fixture
def maillage(store_url, small_dataset, tmp_path):
    instance = Maillage(Settings(store_url=store_url, data_dir=tmp_path / "data"))
    instance.store.setup_schema()
    instance.store.upsert(small_dataset, user="import")
    yield instance
    instance.close()


def everything(maillage: Maillage) -> dict:
    """Every territory's network and activities, and every activity's participations."""
    names = maillage.territory_names()
    activities = {name: maillage.store.activities(name) for name in names}
    ids = {activity.id for found in activities.values() for activity in found}
    return {
        "networks": {name: maillage.network(name) for name in names},
        "activities": activities,
        "participations": {i: maillage.store.activity_record(i, "").participations for i in ids},
    }


def event_tie(maillage: Maillage, a: str, b: str):
    ties = maillage.store.neighbourhood(a, 1).ties
    return next(
        (t for t in ties if t.kind == TieKind.EVENT and {t.source, t.target} == {a, b}), None
    )


def test_joining_a_stored_activity_ties_the_actor_to_each_participant(maillage):
    before = everything(maillage)
    revision = maillage.record_participation("nantes", "n1", activity_id="forum-2020", user="fa")
    assert revision.user == "fa"
    assert revision.description == "participation of n1 in forum-2020 recorded"
    record = maillage.store.activity_record("forum-2020", "n1")
    assert [p.actor for p in record.participations] == ["n1", "n2", "n3"]
    for other in ("n2", "n3"):
        tie = event_tie(maillage, "n1", other)
        assert (tie.weight, tie.since, tie.activities) == (
            1.0,
            date(2020, 9, 15),
            ("forum-2020",),
        )
    assert maillage.history()[-1].id == revision.id

    maillage.undo_latest(revision.id, user="fa")
    assert everything(maillage) == before


def test_a_new_activity_then_a_second_participant_then_undo_of_both(maillage):
    before = everything(maillage)
    first = maillage.record_participation(
        "Nantes", "n2", activity_name=" Atelier  vélo ", day=date(2019, 3, 2)
    )
    assert first.description == "participation of n2 in atelier-velo recorded"
    assert maillage.store.activity_record("atelier-velo", "n2").activity == Activity(
        "atelier-velo", "Atelier vélo", date(2019, 3, 2)
    )
    assert event_tie(maillage, "n2", "n3").weight == 1.0  # nobody else there yet
    second = maillage.record_participation("Nantes", "n3", activity_id="atelier-velo")
    tie = event_tie(maillage, "n2", "n3")
    assert (tie.weight, tie.since, tie.activities) == (
        2.0,
        date(2019, 3, 2),
        ("atelier-velo", "forum-2020"),
    )
    assert Activity("atelier-velo", "Atelier vélo", date(2019, 3, 2)) in (
        maillage.store.activities("Nantes")
    )

    with pytest.raises(
        InvalidEdit, match=r"'Atelier vélo' is on Nantes already \(id atelier-velo\)"
    ):
        maillage.record_participation("Nantes", "n1", activity_name="ATELIER VELO")  # 2nd click

    maillage.undo_latest(second.id)
    maillage.undo_latest(first.id)
    assert everything(maillage) == before


def test_recording_a_participation_refuses_what_cannot_be(maillage):
    count = len(maillage.history())
    with pytest.raises(InvalidEdit, match="'n2' takes part in 'forum-2020' already"):
        maillage.record_participation("Nantes", "n2", activity_id="forum-2020")
    with pytest.raises(InvalidEdit, match="choose an activity, or name a new one"):
        maillage.record_participation("Nantes", "n1", activity_name="  ")
    with pytest.raises(NotFound, match="no activity 'nope'"):
        maillage.record_participation("Nantes", "n1", activity_id="nope")
    with pytest.raises(NotFound):
        maillage.record_participation("Nantes", "nobody", activity_id="forum-2020")
    with pytest.raises(NotFound):
        maillage.record_participation("Atlantis", "n1", activity_id="forum-2020")
    assert len(maillage.history()) == count
    assert maillage.store.activity_record("forum-2020", "n1").participations == (
        Participation("n2", "forum-2020"),
        Participation("n3", "forum-2020"),
    )
