"""National scale: both import routes and the report with each engine, on one big territory.

For each size (actors:ties), on the test server of ``scripts/neo4j_server.py`` (which must
run, with GDS; give it memory: ``MAILLAGE_NEO4J_HEAP=2g MAILLAGE_NEO4J_PAGECACHE=1g``):

1. generate canonical ``actors.csv`` and ``ties.csv``: one territory, ties mostly within
   blocks of 500 actors (communities) and the rest anywhere;
2. bulk route: ``maillage import --bulk DIR`` then ``neo4j_server.py bulk-import DIR``
   (neo4j-admin's offline import; the time includes stopping and starting the server),
   then the first store opening (constraints);
3. ``maillage report France --format json`` with ``--engine local`` and ``--engine gds``
   (above 50,000 actors both sample betweenness, the size stated in ``method``);
4. transactional route: the database wiped, ``maillage import`` (``UNWIND`` batches).

Each Maillage command runs in its own process; wall time and its peak RSS (``wait4``) are
recorded, and printed after each step. Run once::

    python benchmarks/bench_gds.py --sizes 100000:400000,250000:1000000

``--engines gds`` runs only the GDS report (``gds,local`` by default, in that order);
``--no-transactional`` skips step 4.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "neo4j_server.py"
SECTORS = ("public", "association", "business", "academic", "citizen")
BLOCK = 500


def generate(folder: Path, actors: int, ties: int, seed: int = 42) -> list[Path]:
    """Canonical files of one territory ``France``."""
    rng = random.Random(seed)
    actors_path, ties_path = folder / "actors.csv", folder / "ties.csv"
    with actors_path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["id", "name", "sector", "territory"])
        for i in range(actors):
            out.writerow([f"A{i:07d}", f"Acteur {i}", rng.choice(SECTORS), "France"])
    seen: set[int] = set()
    start = date(2005, 1, 1)
    with ties_path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["source", "target", "kind", "weight", "since"])
        while len(seen) < ties:
            a = rng.randrange(actors)
            if rng.random() < 0.8:
                base = a - a % BLOCK
                b = base + rng.randrange(min(BLOCK, actors - base))
            else:
                b = rng.randrange(actors)
            key = min(a, b) * actors + max(a, b)
            if a == b or key in seen:
                continue
            seen.add(key)
            since = start + timedelta(days=rng.randrange(7000))
            out.writerow(
                [f"A{a:07d}", f"A{b:07d}", "partnership", rng.choice("1123"), since.isoformat()]
            )
    return [actors_path, ties_path]


def measured(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``command``; its wall time (s) and peak RSS (MB)."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    error = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed ({status}):\n{error[-3000:]}")
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}


def server_env() -> dict[str, str]:
    state = json.loads(subprocess.check_output([sys.executable, str(SCRIPT), "status"]))
    return {
        **os.environ,
        "NEO4J_USERNAME": state["user"],
        "NEO4J_PASSWORD": state["password"],
        "NEO4J_DATABASE": state["database"],
        "MAILLAGE_STORE": state["bolt_url"],
    }


def maillage(*args: str) -> list[str]:
    return [sys.executable, "-m", "maillage.cli", *args]


def open_store(env: dict[str, str]):
    sys.path.insert(0, str(REPO))
    from maillage.graph.storage.neo4j import Neo4jStore

    return Neo4jStore(
        env["MAILLAGE_STORE"], user=env["NEO4J_USERNAME"], password=env["NEO4J_PASSWORD"]
    )


def one_size(
    actors: int, ties: int, work: Path, engines: list[str], transactional: bool = True
) -> dict[str, object]:
    folder = work / f"{actors}-{ties}"
    folder.mkdir()
    files = [str(path) for path in generate(folder, actors, ties)]
    result: dict[str, object] = {"actors": actors, "ties": ties}
    env = server_env()
    bulk = folder / "bulk"
    result["bulk_files"] = measured(maillage("import", *files, "--bulk", str(bulk)), env)
    started = time.monotonic()
    subprocess.run([sys.executable, str(SCRIPT), "bulk-import", str(bulk)], check=True)
    result["bulk_neo4j_admin_and_restart_s"] = round(time.monotonic() - started, 1)
    env = server_env()
    started = time.monotonic()
    store = open_store(env)
    store.setup_schema()
    store.close()
    result["bulk_constraints_s"] = round(time.monotonic() - started, 1)
    print(json.dumps(result), flush=True)
    for engine in engines:
        out = folder / f"report-{engine}.json"
        report = maillage("report", "France", "--engine", engine, "--format", "json")
        result[f"report_{engine}"] = measured([*report, "-o", str(out)], env)
        method = json.loads(out.read_text())["method"]
        result[f"report_{engine}"]["betweenness"] = method["betweenness"]
        out.unlink()
        print(json.dumps(result), flush=True)
    if not transactional:
        return result
    store = open_store(env)
    store._wipe_for_tests()
    store.setup_schema()
    store.close()
    result["transactional_import"] = measured(maillage("import", *files), env)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000:400000,250000:1000000")
    parser.add_argument("--engines", default="gds,local", help="the reports to run, in order")
    parser.add_argument(
        "--no-transactional", action="store_true", help="skip the transactional import"
    )
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as work:
        for size in args.sizes.split(","):
            actors, ties = (int(x) for x in size.split(":"))
            engines = args.engines.split(",")
            results.append(one_size(actors, ties, Path(work), engines, not args.no_transactional))
            print(json.dumps(results[-1], indent=1), flush=True)


if __name__ == "__main__":
    main()
