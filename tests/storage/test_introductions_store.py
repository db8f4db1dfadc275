"""Recorded introductions in the store contract, on SQLite and Neo4j."""

from __future__ import annotations

from datetime import date

import pytest

from maillage.graph.errors import ConcurrentChange, NotFound
from maillage.graph.introductions import Introduction, Status
from maillage.graph.storage.pseudonymised import PseudonymisedStore, ReadOnlyStore

D = date(2026, 1, 5)


def made(territory="Nantes", source="n1", target="n2", **kwargs) -> Introduction:
    return Introduction.new("", territory, source, target, day=D, by="marie", **kwargs)


def test_ids_are_given_in_order_and_introductions_read_back_whole(store, small_dataset):
    store.upsert(small_dataset)
    first = store.add_introduction(made(via=("n3",), note="au forum", follow_up=date(2026, 2, 1)))
    second = store.add_introduction(made("Rennes", "r1", "r2"))
    assert (first.id, second.id) == ("1", "2")
    assert store.introduction("1") == first
    assert first.via == ("n3",) and first.history[0].note == "au forum"
    assert store.introductions() == [first, second]
    assert store.introductions("Rennes") == [second]
    assert store.introductions("Lyon") == []
    assert store.introduction("3") is None and store.introduction("x") is None


def test_a_save_replaces_the_introduction_unless_someone_moved_it_meanwhile(store, small_dataset):
    store.upsert(small_dataset)
    stored = store.add_introduction(made())
    met = stored.moved(Status.MET, day=date(2026, 1, 20), note="café")
    store.save_introduction(met, steps_before=1)
    assert store.introduction(stored.id) == met
    dropped = stored.moved(Status.DROPPED, day=date(2026, 1, 21))
    with pytest.raises(ConcurrentChange, match="moved on meanwhile"):
        store.save_introduction(dropped, steps_before=1)
    assert store.introduction(stored.id) == met
    with pytest.raises(NotFound):
        store.save_introduction(
            Introduction("99", "Nantes", "n1", "n2", met.history), steps_before=2
        )


def test_introductions_do_not_change_the_data_version(store, small_dataset):
    store.upsert(small_dataset)
    version = store.data_version()
    store.add_introduction(made())
    assert store.data_version() == version


def test_viewers_read_citizens_pseudonymised_and_no_notes(store, small_dataset):
    store.upsert(small_dataset)
    stored = store.add_introduction(made("Rennes", "r3", "r2", note="Claire Martin's idea"))
    viewer = PseudonymisedStore(store, b"secret")
    (seen,) = viewer.introductions("Rennes")
    assert seen.source.startswith("citizen-") and seen.source != "r3"
    assert seen.target == "r2"
    assert seen.history[0].note is None
    assert viewer.introduction(stored.id) == seen
    with pytest.raises(ReadOnlyStore):
        viewer.add_introduction(made())
    with pytest.raises(ReadOnlyStore):
        viewer.save_introduction(stored, steps_before=1)
