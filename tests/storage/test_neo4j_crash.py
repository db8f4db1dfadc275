"""A real Neo4j server SIGKILLed in the middle of a large import keeps no part of it."""

from __future__ import annotations

import threading
import time

import pytest

from maillage.graph.errors import StoreUnavailable
from maillage.graph.model import Actor, Dataset, Sector, TerritorySummary, Tie

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

RUNNING_UPSERTS = """
SHOW TRANSACTIONS YIELD metaData, status
WHERE metaData.app = 'maillage' AND metaData.operation = 'upsert'
RETURN count(*) AS running
"""


def crash_dataset(actors: int = 6_000, ties: int = 60_000) -> Dataset:
    people = tuple(
        Actor(f"crash-{i:05d}", f"Actor {i}", Sector.ASSOCIATION, ("Crash",)) for i in range(actors)
    )
    links = tuple(
        Tie(people[i % actors].id, people[(i % actors + 1 + i // actors) % actors].id)
        for i in range(ties)
    )
    return Dataset(actors=people, ties=links)


def wait_for_running_upsert(store, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    with store._driver.session(database=store.database) as session:
        while time.monotonic() < deadline:
            if session.run(RUNNING_UPSERTS).single()["running"]:
                return
            time.sleep(0.05)
    raise AssertionError("the import transaction never showed up in SHOW TRANSACTIONS")


def test_a_server_killed_mid_import_keeps_no_partial_import(neo4j_tools, small_dataset):
    script = neo4j_tools.script()
    state = script.read_state()
    if not state or state["bolt_url"] != neo4j_tools.server["bolt_url"]:
        neo4j_tools.unavailable("not started by scripts/neo4j_server.py: cannot kill it")
    dataset = crash_dataset()
    with neo4j_tools.exclusive():
        store = neo4j_tools.open_store(transaction_retry_time=2.0)
        store._wipe_for_tests()
        store.setup_schema()
        store.upsert(small_dataset)
        before, version = store.territories(), store.data_version()
        failures: list[BaseException] = []

        def run_import() -> None:
            try:
                store.upsert(dataset)
            except BaseException as error:  # noqa: BLE001 - inspected below
                failures.append(error)

        importer = threading.Thread(target=run_import)
        importer.start()
        wait_for_running_upsert(store)
        time.sleep(0.5)  # let it write part of the data
        script.kill()
        importer.join(timeout=120)
        store.close()

        assert not importer.is_alive()
        assert len(failures) == 1 and isinstance(failures[0], StoreUnavailable), failures
        assert neo4j_tools.server["bolt_url"] in str(failures[0])

        neo4j_tools.refresh(script.restart_after_kill())
        store = neo4j_tools.open_store()
        try:
            assert store.territories() == before
            assert store.data_version() == version
            assert store.actor("crash-00000") is None

            result = store.upsert(dataset)

            assert (result.actors_added, result.ties_added) == (6_000, 60_000)
            assert TerritorySummary("Crash", 6_000, 60_000) in store.territories()
            assert store.network("Nantes") is not None
        finally:
            store._wipe_for_tests()
            store.close()
