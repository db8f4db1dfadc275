"""A store that cannot be used says so, naming where it looked and what to do."""

from __future__ import annotations

import socket
import sqlite3

import pytest

from maillage.graph.errors import MaillageError, StoreUnavailable
from maillage.graph.model import Actor, Dataset, Sector
from maillage.graph.storage import open_store
from maillage.graph.storage.neo4j import Neo4jStore
from maillage.graph.storage.sqlite import SQLiteStore


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.timeout(120)  # a guard against a hang (no retry loop), not a speed threshold
def test_an_unreachable_neo4j_url_is_unavailable_quickly(monkeypatch):
    url = f"bolt://127.0.0.1:{closed_port()}"
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")

    with pytest.raises(StoreUnavailable) as caught:
        open_store(url)

    message = str(caught.value)
    assert url in message
    assert "start Neo4j" in message and "NEO4J_PASSWORD" in message
    assert "secret" not in message


def test_an_invalid_neo4j_url_is_unavailable():
    with pytest.raises(StoreUnavailable, match="invalid Neo4j URL"):
        Neo4jStore("bolt://127.0.0.1:notaport")


@pytest.mark.neo4j
def test_wrong_neo4j_credentials_are_unavailable(neo4j_server):
    with pytest.raises(StoreUnavailable, match="refused the credentials"):
        Neo4jStore(
            neo4j_server["bolt_url"],
            user=neo4j_server["user"],
            password="not-the-password",
            database=neo4j_server["database"],
        )


def test_a_file_that_is_not_a_database_is_unavailable(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)

    with pytest.raises(StoreUnavailable) as caught:
        SQLiteStore.from_url(f"sqlite:///{path}")

    assert str(path) in str(caught.value)
    assert "not a usable SQLite store" in str(caught.value)
    assert path.read_text().startswith("these are my notes")


def test_a_locked_sqlite_store_is_unavailable_after_the_busy_timeout(tmp_path):
    path = tmp_path / "store.db"
    SQLiteStore.from_url(f"sqlite:///{path}").close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable) as caught:
            locked = SQLiteStore.from_url(f"sqlite:///{path}", busy_timeout=0.2)
            locked.upsert(Dataset(actors=(Actor("a", "A", Sector.OTHER, ("T",)),)))
        assert str(path) in str(caught.value)
        assert "locked" in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    reopened = SQLiteStore.from_url(f"sqlite:///{path}")
    assert reopened.territories() == []
    reopened.close()


def test_a_sqlite_store_being_written_can_still_be_opened_and_read(tmp_path):
    path = tmp_path / "store.db"
    with SQLiteStore.from_url(f"sqlite:///{path}") as store:
        store.upsert(Dataset(actors=(Actor("a", "A", Sector.OTHER, ("T",)),)))
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM actors")
    try:
        with SQLiteStore.from_url(f"sqlite:///{path}", busy_timeout=0.2) as reader:
            assert [(t.name, t.actors) for t in reader.territories()] == [("T", 1)]
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_sqlite_store_in_a_new_folder_is_created(tmp_path):
    path = tmp_path / "deep" / "er" / "store.db"

    with SQLiteStore.from_url(f"sqlite:///{path}") as store:
        store.upsert(Dataset(actors=(Actor("a", "A", Sector.OTHER, ("T",)),)))

    assert path.is_file()
    with SQLiteStore.from_url(f"sqlite:///{path}") as again:
        assert [t.name for t in again.territories()] == ["T"]


def test_an_unwritable_sqlite_folder_is_unavailable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")

    with pytest.raises(StoreUnavailable, match="choose another --store path"):
        SQLiteStore.from_url(f"sqlite:///{blocker}/store.db")


def test_an_unsupported_store_url_is_refused():
    with pytest.raises(MaillageError, match="unsupported store URL"):
        open_store("postgres://localhost/db")


@pytest.mark.parametrize(
    ("source", "target", "directed"),
    [("b", "a", False), ("a", "b", True), ("é'\"\\", "🌿\n", False), ("z", "\u0000x", False)],
)
def test_the_fast_tie_key_is_tie_key(source, target, directed):
    import json

    from maillage.graph.model import Tie, TieKind
    from maillage.graph.storage.sqlite_records import tie_rows

    for kind in TieKind:
        tie = Tie(source, target, kind, directed=directed)
        key_kind, key_directed, first, second = tie.identity
        assert tie.key == json.dumps(list(tie.identity), ensure_ascii=False)
        ends = (source, target) if directed else tuple(sorted((source, target)))
        assert (key_kind, key_directed, first, second) == (kind.value, directed, *ends)
        (row,) = tie_rows([tie], None)
        assert row[:2] == ends


def test_the_gds_engine_on_a_sqlite_store_is_refused_in_english_and_in_french(tmp_path):
    from maillage.graph.storage.gds import EngineUnavailable, gds_territory
    from maillage.graph.store_text import GDS_LOST, GDS_MISSING
    from maillage.reports.i18n import translator
    from maillage.reports.problems import problem_in

    store = SQLiteStore.from_url(f"sqlite:///{tmp_path / 'm.db'}")
    with pytest.raises(EngineUnavailable) as refused:
        gds_territory(store, "Nantes")
    english = str(refused.value)
    assert english == (
        "--engine gds computes inside Neo4j with its Graph Data Science library, and this "
        "store is SQLiteStore: give a Neo4j store (--store neo4j://host:7687, with GDS "
        "installed), or use --engine local"
    )
    assert problem_in(english, translator("en")) == english
    assert problem_in(english, translator("fr")) == (
        "--engine gds calcule dans Neo4j avec sa bibliothèque Graph Data Science, et cette "
        "base est SQLiteStore\u202f: donnez une base Neo4j (--store neo4j://host:7687, avec GDS "
        "installé), ou utilisez --engine local"
    )
    lost = GDS_LOST.format(url="neo4j://h:7687", reason="connection reset")
    assert problem_in(lost, translator("fr")) == (
        "connexion à Neo4j (neo4j://h:7687) perdue pendant --engine gds (connection reset)\u202f: "
        "vérifiez le serveur et relancez la commande"
    )
    missing = problem_in(GDS_MISSING.format(url="neo4j://h:7687"), translator("fr"))
    assert missing.startswith("--engine gds\u202f: Neo4j à neo4j://h:7687 n'a pas la bibliothèque ")
