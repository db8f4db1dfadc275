"""Whole-import speed into each store, against Neo4j's own LOAD CSV in the same run.

The input is ``bench_import.generate``'s: 10,000 actors in 20 territories and
40,000 distinct ties, as canonical CSV. Measured, wall-clock, ``--runs`` times
each (after ``--warmup`` untimed runs), each time into an empty store with its
schema in place; best and median are reported:

1. SQLite: ``Maillage.import_files`` (read, validate, plan, one upsert transaction
   that is one revision) into a fresh file; ties per second (goal: >= 100k ties/s),
   and per CPU second of this process (what the import costs when cores are shared),
   with that CPU time by phase (``PhaseClock``: parse, build, plan, write, other).
2. Neo4j: the same call (with its revision) into the real server started by
   ``scripts/neo4j_server.py``.
3. Neo4j ``LOAD CSV`` of the same two files from the server's import folder,
   writing the same graph (actors with their territories, ``IN`` links, ties
   merged on the same key, from the same end as the store stores them, with
   the same properties) in batches of 10,000 rows (``CALL { ... } IN
   TRANSACTIONS``). The ratio LOAD CSV time / Maillage time must be >= 1.0.

Runs 2 and 3 alternate (Maillage, LOAD CSV, Maillage, ...) so that both meet the
same server state (JIT, page cache, garbage collector) and the same load from
other programs on the machine; the ratio is reported for the best times and as
the median of the runs' own ratios. After the first of each, the graphs they
wrote are compared (every territory's counts and one whole network).

Run ``python benchmarks/bench_store_import.py [--ties 40000] [--actors 10000] [--runs 5]
[--warmup 1] [--skip-neo4j]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
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
WITH row, CASE WHEN row.source < row.target THEN [row.source, row.target]
               ELSE [row.target, row.source] END AS ends
CALL (row, ends) {
    MATCH (s:Actor {id: ends[0]})
    MATCH (t:Actor {id: ends[1]})
    MERGE (s)-[r:TIE {key: '["' + row.kind + '", false, "' + ends[0] + '", "'
                           + ends[1] + '"]'}]->(t)
    SET r.kind = row.kind, r.weight = toFloat(row.weight), r.since = date(row.since),
        r.until = date(row.until), r.directed = false, r.note = row.note, r.ref = row.ref
} IN TRANSACTIONS OF 10000 ROWS
"""


def neo4j_server_module():
    spec = importlib.util.spec_from_file_location("neo4j_server", REPO / "scripts/neo4j_server.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class PhaseClock:
    """CPU time of this process per phase of the SQLite import, by wrapping its steps.

    Each wrapped function's time goes to its phase minus the time of the wrapped calls it
    makes (a stack, as a profiler keeps it): ``parse`` is ``loaders.load`` without the
    dataset builder's calls (``build``); ``write`` is ``SQLiteStore.upsert`` without its
    checks and change plan (``plan``). Only this script wraps them; the code is unchanged.
    """

    def __init__(self) -> None:
        self.totals: dict[str, list[float]] = {}
        self._run: dict[str, float] = {}
        self._stack: list[list] = []

    def wrap(self, owner: object, name: str, phase: str) -> None:
        inner = getattr(owner, name)

        def timed_call(*args, **kwargs):
            self._enter(phase)
            try:
                return inner(*args, **kwargs)
            finally:
                self._leave()

        setattr(owner, name, timed_call)

    def _enter(self, phase: str) -> None:
        now = time.process_time()
        if self._stack:
            top = self._stack[-1]
            self._run[top[0]] = self._run.get(top[0], 0.0) + now - top[1]
        self._stack.append([phase, now])

    def _leave(self) -> None:
        now = time.process_time()
        phase, started = self._stack.pop()
        self._run[phase] = self._run.get(phase, 0.0) + now - started
        if self._stack:
            self._stack[-1][1] = now

    def record(self, total: float) -> None:
        """End one timed run of ``total`` CPU seconds (what no phase holds is ``other``)."""
        self._run["other"] = total - sum(self._run.values())
        for phase, seconds in self._run.items():
            self.totals.setdefault(phase, []).append(seconds)
        self._run = {}

    def line(self, skip: int) -> str:
        order = ("parse", "build", "plan", "write", "other")
        return ", ".join(
            f"{phase} {statistics.median(self.totals[phase][skip:]):.3f}"
            for phase in order
            if phase in self.totals
        )


def sqlite_phases() -> PhaseClock:
    """A clock around the SQLite import's steps: parse, build, plan, write."""
    from maillage import loaders
    from maillage.graph.storage import sqlite as sqlite_store
    from maillage.loaders.builder import DatasetBuilder

    clock = PhaseClock()
    clock.wrap(loaders, "load", "parse")
    for name in ("add_actor", "add_actors", "add_tie", "add_ties", "finish"):
        clock.wrap(DatasetBuilder, name, "build")
    clock.wrap(sqlite_store.SQLiteStore, "upsert", "write")
    clock.wrap(sqlite_store.SQLiteStore, "_plan", "plan")
    clock.wrap(sqlite_store, "check_references", "plan")
    clock.wrap(sqlite_store, "check_before_writing", "plan")
    return clock


#: The CPU time of this process in the timed calls, wall-clock time's companion: on a
#: shared machine the SQLite import's CPU seconds stay close to its quiet wall-clock time.
CPU_TIMES: dict[str, list[float]] = {}


def timed(setup: Callable[[], object], run: Callable[[], object], what: str = "") -> float:
    """The wall-clock time of one call of ``run``, after ``setup`` (CPU time in CPU_TIMES)."""
    setup()
    started, cpu = time.perf_counter(), time.process_time()
    run()
    CPU_TIMES.setdefault(what, []).append(time.process_time() - cpu)
    return time.perf_counter() - started


def bench_sqlite(
    files: list[Path], folder: Path, runs: int, warmup: int, clock: PhaseClock | None = None
) -> list[float]:
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

    def run() -> None:
        app[0].import_files(files)

    times = []
    for _ in range(warmup + runs):
        times.append(timed(fresh, run, "sqlite"))
        if clock is not None:
            clock.record(CPU_TIMES["sqlite"][-1])
    times = times[warmup:]
    del CPU_TIMES["sqlite"][:warmup]
    for stale in app:
        stale.close()
    return times


def bench_neo4j(files: list[Path], runs: int, warmup: int) -> tuple[list[float], list[float]]:
    """Maillage's and LOAD CSV's times, run after run, alternating."""
    server = neo4j_server_module().start()
    os.environ.update(NEO4J_USERNAME=server["user"], NEO4J_PASSWORD=server["password"])
    url = server["bolt_url"].replace("bolt://", "neo4j://")
    store = open_store(url)
    import_dir = Path(server["home"]) / "import"
    for path in files:
        shutil.copy(path, import_dir / path.name)

    app = Maillage(Settings(store_url=url), store=store)

    def fresh() -> None:
        # The reports an import schedules are done first, so that they neither read a store
        # being wiped nor take the server's time from the next run (``LOAD CSV``'s too).
        app.precomputer.wait(600)
        store._wipe_for_tests()
        store.setup_schema()

    def ours() -> None:
        app.import_files(files)

    def load_csv() -> None:
        with store._driver.session(database=server["database"]) as session:
            session.run(LOAD_ACTORS).consume()
            session.run(LOAD_TIES).consume()

    ours_times, reference_times = [], []
    for run in range(warmup + runs):
        ours_times.append(timed(fresh, ours))
        if run == 0:
            written = graph_of(store)
        reference_times.append(timed(fresh, load_csv))
        if run == 0:
            assert graph_of(store) == written, "LOAD CSV wrote another graph than Maillage"
    store._wipe_for_tests()
    store.close()
    return ours_times[warmup:], reference_times[warmup:]


def graph_of(store) -> tuple:
    """What a check can compare cheaply: every territory's counts and one whole network."""
    territories = store.territories()
    assert territories, "nothing was written"
    return territories, store.network(territories[0].name)


def spread(times: list[float]) -> str:
    return f"best {min(times):.3f} s, median {statistics.median(times):.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ties", type=int, default=40_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--skip-neo4j", action="store_true")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average {load_average()}; "
        f"{args.runs} runs after {args.warmup} warm-up"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = list(generate(folder, actors=args.actors, ties=args.ties))
        clock = sqlite_phases()
        sqlite_times = bench_sqlite(files, folder, args.runs, args.warmup, clock)
        print(
            f"SQLite  import_files: {spread(sqlite_times)} = "
            f"{args.ties / min(sqlite_times):,.0f} ties/s best, "
            f"{args.ties / statistics.median(sqlite_times):,.0f} median (goal >= 100,000)"
        )
        cpu = CPU_TIMES["sqlite"]
        print(
            f"SQLite  CPU time:     {spread(cpu)} = {args.ties / min(cpu):,.0f} ties per "
            f"CPU second best, {args.ties / statistics.median(cpu):,.0f} median"
        )
        print(f"SQLite  CPU by phase (median s): {clock.line(args.warmup)}")
        if not args.skip_neo4j:
            ours, reference = bench_neo4j(files, args.runs, args.warmup)
            ratios = [theirs / mine for mine, theirs in zip(ours, reference, strict=True)]
            print(
                f"Neo4j   import_files: {spread(ours)} = {args.ties / min(ours):,.0f} ties/s best"
            )
            print(
                f"Neo4j   LOAD CSV:     {spread(reference)} = "
                f"{args.ties / min(reference):,.0f} ties/s best"
            )
            print(
                f"ratio LOAD CSV / Maillage: {min(reference) / min(ours):.2f} best to best, "
                f"{statistics.median(ratios):.2f} median of runs "
                f"({', '.join(f'{r:.2f}' for r in ratios)}) (goal >= 1.0)"
            )
    print(f"load average at the end: {load_average()}")


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
