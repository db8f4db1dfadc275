"""The SQLite store's tie rows (from known identities exactly as from the ties alone), its pages."""

from __future__ import annotations

import sqlite3
from datetime import date

from maillage.graph.changes import Edit, plan_import, planned_records
from maillage.graph.model import Actor, Dataset, Sector, Tie, TieKind
from maillage.graph.storage.sqlite import SQLiteStore
from maillage.graph.storage.sqlite_records import distinct_tie_rows, tie_rows

TIES = (
    Tie("b", "a"),
    Tie("a", "c", TieKind.FUNDING, 2.5, date(2020, 1, 2), date(2021, 3, 4), note="n", ref="r"),
    Tie("d", "c", TieKind.SERVICE, directed=True, activities=("p1", "p2")),
    Tie("c", "d", TieKind.SERVICE, directed=True, weight=3),
    Tie("z", "é", TieKind.OTHER, since=date(1999, 12, 31)),
)


def test_rows_from_known_identities_equal_the_rows_from_the_ties() -> None:
    identities = [tie.identity for tie in TIES]
    assert distinct_tie_rows(TIES, identities, 7) == tie_rows(TIES, 7)
    assert distinct_tie_rows(TIES, identities, 7)[0] == (
        "a", "b", "partnership", 0, 1.0, 0, 0, 0, 0, "[]", 7
    )  # fmt: skip


def test_distinct_ties_keeps_the_last_of_one_identity() -> None:
    dataset = Dataset(ties=(Tie("a", "b", weight=1), Tie("b", "a", weight=2), Tie("a", "c")))
    ties, identities = dataset.distinct_ties()
    assert ties == (Tie("b", "a", weight=2), Tie("a", "c"))
    assert identities == (("partnership", False, "a", "b"), ("partnership", False, "a", "c"))


def test_an_import_into_an_empty_store_passes_the_loaders_ties_and_identities_on() -> None:
    actors = tuple(Actor(i, i.upper(), Sector.PUBLIC, ("T",)) for i in "abcdz") + (
        Actor("é", "E", Sector.PUBLIC, ("T",)),
    )
    identities = tuple(tie.identity for tie in TIES)
    incoming = Dataset(actors=actors, ties=TIES, known_identities=(TIES, identities))
    plan = plan_import(Dataset(), incoming)
    assert plan.ties_added is TIES
    edit = planned_records(plan)
    assert edit.ties is TIES and edit.known_identities == (TIES, identities)
    assert edit == Edit(actors=actors, ties=TIES)  # the identities are no part of the value


def test_a_plan_with_stored_ties_gives_the_identities_of_what_it_writes() -> None:
    stored = Dataset(ties=(Tie("a", "b"), Tie("a", "c", TieKind.FUNDING, 2.5)))
    incoming = Dataset(ties=(Tie("b", "a", weight=4), Tie("c", "a", TieKind.FUNDING, 2.5), TIES[2]))
    plan = plan_import(stored, incoming)
    assert plan.ties_added == (TIES[2],) and plan.ties_updated == (incoming.ties[0],)
    edit = planned_records(plan)
    assert edit.ties == (TIES[2], incoming.ties[0])
    assert edit.known_identities == (edit.ties, tuple(t.identity for t in edit.ties))


def page_size(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()


def test_a_new_store_has_16_kib_pages_and_an_older_file_keeps_its_own(tmp_path) -> None:
    dataset = Dataset(actors=(Actor("a", "A", Sector.PUBLIC, ("T",)),), ties=())
    new = SQLiteStore.from_url(f"sqlite:///{tmp_path / 'new.db'}")
    new.upsert(dataset)
    new.close()
    assert page_size(tmp_path / "new.db") == 16384
    conn = sqlite3.connect(tmp_path / "old.db")  # a store file made with 4 KiB pages
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE earlier (x)")
    conn.close()
    old = SQLiteStore.from_url(f"sqlite:///{tmp_path / 'old.db'}")
    old.upsert(dataset)
    assert old.actor_ids() == {"a"}
    old.close()
    assert page_size(tmp_path / "old.db") == 4096
