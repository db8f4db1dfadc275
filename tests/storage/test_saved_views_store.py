"""Saved views in the store contract, on SQLite and Neo4j."""

from __future__ import annotations

import logging

import pytest

from maillage.graph.saved_views import SavedView
from maillage.graph.storage.pseudonymised import PseudonymisedStore, ReadOnlyStore, pseudonym_id

FILTERED = SavedView("Nantes", "Associations", sectors=("association",), year=2019)


def test_views_are_kept_per_territory_and_listed_by_name(store, small_dataset):
    store.upsert(small_dataset)
    path = SavedView("Nantes", "bridge", "community", None, None, "n1", "n1", "n3")
    assert store.save_view(FILTERED) is False
    assert store.save_view(path) is False
    assert store.save_view(SavedView("Rennes", "Associations")) is False
    assert store.saved_views("Nantes") == [FILTERED, path]
    assert store.saved_views("Rennes") == [SavedView("Rennes", "Associations")]
    assert store.saved_views("Lyon") == []


def test_saving_under_a_name_taken_replaces_that_view(store, small_dataset):
    store.upsert(small_dataset)
    store.save_view(FILTERED)
    every_tie = SavedView("Nantes", "Associations", sectors=("association", "public"))
    assert store.save_view(every_tie) is True
    assert store.saved_views("Nantes") == [every_tie]


def test_a_deleted_view_is_gone_and_deleting_it_again_says_so(store, small_dataset):
    store.upsert(small_dataset)
    store.save_view(FILTERED)
    store.save_view(SavedView("Rennes", "Associations"))
    assert store.delete_view("Nantes", "Associations") is True
    assert store.delete_view("Nantes", "Associations") is False
    assert store.saved_views("Nantes") == []
    assert store.saved_views("Rennes") == [SavedView("Rennes", "Associations")]


def test_views_do_not_change_the_data_version(store, small_dataset):
    store.upsert(small_dataset)
    version = store.data_version()
    store.save_view(FILTERED)
    store.delete_view("Nantes", "Associations")
    assert store.data_version() == version


def test_hostile_names_round_trip_unchanged(store, small_dataset):
    store.upsert(small_dataset)
    hostile = SavedView("Nantes", "x'); DROP TABLE saved_views; --\"} ] $name", actor="n1")
    store.save_view(hostile)
    assert store.saved_views("Nantes") == [hostile]


def test_viewers_read_views_with_citizens_pseudonymised_and_write_none(store, small_dataset):
    store.upsert(small_dataset)
    store.save_view(SavedView("Rennes", "citizen", actor="r3", source="r3", target="r1"))
    viewer = PseudonymisedStore(store, b"secret")
    (seen,) = viewer.saved_views("Rennes")
    assert seen.actor == seen.source == pseudonym_id("r3", b"secret")
    assert seen.target == "r1"
    with pytest.raises(ReadOnlyStore):
        viewer.save_view(FILTERED)
    with pytest.raises(ReadOnlyStore):
        viewer.delete_view("Rennes", "citizen")
    assert len(store.saved_views("Rennes")) == 1


def test_views_outlive_the_store_being_closed_and_opened_again(tmp_path, small_dataset):
    from maillage.graph.storage.sqlite import SQLiteStore

    url = f"sqlite:///{tmp_path / 'store.db'}"
    with SQLiteStore.from_url(url) as first:
        first.upsert(small_dataset)
        first.save_view(FILTERED)
    with SQLiteStore.from_url(url) as again:
        assert again.saved_views("Nantes") == [FILTERED]


@pytest.mark.neo4j
def test_neo4j_warns_about_none_of_the_saved_views_statements(
    fresh_neo4j_store, small_dataset, caplog
):
    store = fresh_neo4j_store
    with caplog.at_level(logging.INFO, logger="neo4j.notifications"):
        store.setup_schema()
        store.upsert(small_dataset)
        store.saved_views("Nantes")
        store.save_view(FILTERED)
        store.save_view(FILTERED)
        store.delete_view("Nantes", "Associations")
        store.delete_view("Nantes", "Associations")

    notes = [r.getMessage() for r in caplog.records if r.name == "neo4j.notifications"]
    assert notes == []


def test_the_tie_filters_and_the_reach_round_trip(store, small_dataset):
    """Issue 11: the tie kinds, the minimum weight and the reach were lost on reload."""
    store.upsert(small_dataset)
    heavy = SavedView("Nantes", "heavy", kinds=("funding", "event"), min_weight=2, hops=3)
    store.save_view(heavy)
    assert store.saved_views("Nantes") == [heavy]


def test_a_view_saved_before_the_tie_filters_opens_with_their_defaults(tmp_path, small_dataset):
    import json
    import sqlite3

    from maillage.graph.storage.sqlite import SQLiteStore

    path = tmp_path / "store.db"
    with SQLiteStore.from_url(f"sqlite:///{path}") as store:
        store.upsert(small_dataset)
    older = {"territory": "Nantes", "name": "old", "colour": "community", "sectors": ["public"],
             "year": 2020, "actor": "n1", "source": None, "target": None}  # fmt: skip
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO saved_views (territory, name, document) VALUES (?, ?, ?)",
            ("Nantes", "old", json.dumps(older)),
        )
    with SQLiteStore.from_url(f"sqlite:///{path}") as store:
        (view,) = store.saved_views("Nantes")
    assert view == SavedView("Nantes", "old", "community", ("public",), 2020, "n1")
    assert (view.kinds, view.min_weight, view.hops) == (None, 0, 1)
