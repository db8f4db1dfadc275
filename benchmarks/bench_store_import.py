"""Whole-import speed into each store, against Neo4j's own LOAD CSV in the same run.

The input is ``bench_import.generate``'s: 10,000 actors in 20 territories and
40,000 distinct ties, as canonical CSV. Measured, wall-clock, best of
``--runs``, each time into an empty store with its schema in place:

1. SQLite: ``Maillage.import_files`` (read, validate, one upsert transaction)
   into a fresh file; ties per second (goal: >= 100k ties/s).
2. Neo4j: the same call into the real server started by
   ``scripts/neo4j_server.py``.
3. Neo4j ``LOAD CSV`` of the same two files from the server's import folder,
   writing the same graph (actors with their territories, ``IN`` links, ties
   merged on the same key with the same properties) in batches of 10,000 rows
   (``CALL { ... } IN TRANSACTIONS``). The ratio LOAD CSV time / Maillage time
   must be >= 1.0.

Run ``python benchmarks/bench_store_import.py [--ties 40000] [--actors 10000] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from maillage.app import Maillage
from maillage.graph.storage import open_store
from maillage.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))
from bench_import import generate  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

LOAD_ACTORS = """
LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row
CALL (row) {
    MERGE (a:Actor {id: row.id})
    SET a.name = row.name, a.sector = row.sector, a.city = row.city,
        a.territories = split(row.territory, '|')
    WITH a, row
    UNWIND split(row.territory, '|') AS name
    MERGE (t:Territory {name: name})
    MERGE (a)-[:IN]->(t)
} IN TRANSACTIONS OF 10000 ROWS
"""

LOAD_TIES = """
LOAD CSV WITH HEADERS FROM 'file:///ties.csv' AS row
CALL (row) {
    MATCH (s:Actor {id: row.source})
    MATCH (t:Actor {id: row.target})
    WITH s, t, row,
         CASE WHEN row.source < row.target THEN [row.source, row.target]
              ELSE [row.target, row.source] END AS ends
    MERGE (s)-[r:TIE {key: '["' + row.kind + '", false, "' + ends[0] + '", "' + ends[1] + '"]'}]->(t)
    SET r.kind = row.kind, r.weight = toFloat(row.weight), r.since = date(row.since),
        r.until = date(row.until), r.directed = false, r.note = row.note, r.ref = row.ref
} IN TRANSACTIONS OF 10000 ROWS
"""


def neo4j_server_module():
    spec = importlib.util.spec_from_file_location("neo4j_server", REPO / "scripts/neo4j_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best(setup: Callable[[], object], run: Callable[[], object], runs: int) -> float:
    """The smallest wall-clock time of ``runs`` calls of ``run``, each after ``setup``."""
    times = []
    for _ in range(runs):
        setup()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def bench_sqlite(files: list[Path], folder: Path, runs: int) -> float:
    db = folder / "bench.db"
    app: list[Maillage] = []

    def fresh() -> None:
        for stale in app:
            stale.close()
        app.clear()
        for path in folder.glob("bench.db*"):
            path.unlink()
        app.append(Maillage(Settings(store_url=f"sqlite:///{db}")))
        app[0].store.setup_schema()

    return best(fresh, lambda: app[0].import_files(files), runs)


def bench_neo4j(files: list[Path], runs: int) -> tuple[float, float]:
    server = neo4j_server_module().start()
    os.environ.update(NEO4J_USERNAME=server["user"], NEO4J_PASSWORD=server["password"])
    url = server["bolt_url"].replace("bolt://", "neo4j://")
    store = open_store(url)

    def fresh() -> None:
        store._wipe_for_tests()
        store.setup_schema()

    app = Maillage(Settings(store_url=url), store=store)
    ours = best(fresh, lambda: app.import_files(files), runs)

    import_dir = Path(server["home"]) / "import"
    for path in files:
        shutil.copy(path, import_dir / path.name)

    def load_csv() -> None:
        with store._driver.session(database=server["database"]) as session:
            session.run(LOAD_ACTORS).consume()
            session.run(LOAD_TIES).consume()

    reference = best(fresh, load_csv, runs)
    count = store.territories()
    assert sum(t.actors for t in count) > 0, "LOAD CSV wrote nothing"
    store._wipe_for_tests()
    store.close()
    return ours, reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ties", type=int, default=40_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-neo4j", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = list(generate(folder, actors=args.actors, ties=args.ties))
        sqlite_time = bench_sqlite(files, folder, args.runs)
        print(
            f"SQLite  import_files: {sqlite_time:.3f} s = {args.ties / sqlite_time:,.0f} ties/s "
            f"(goal >= 100,000)"
        )
        if args.skip_neo4j:
            return
        ours, reference = bench_neo4j(files, args.runs)
        print(f"Neo4j   import_files: {ours:.3f} s = {args.ties / ours:,.0f} ties/s")
        print(f"Neo4j   LOAD CSV:     {reference:.3f} s = {args.ties / reference:,.0f} ties/s")
        print(f"ratio LOAD CSV / Maillage: {reference / ours:.2f} (goal >= 1.0)")


if __name__ == "__main__":
    main()
