"""The latency of cheap requests while the slider dates' worker runs (issue 11).

A temporary SQLite store holding ``bench_browser.synthetic`` (10,000 actors,
40,000 dated ties). The first paint's results of that territory are computed
(report, layout, graph, the Explore payload), then cheap requests are timed,
first with nothing running (**idle**), then while the dates' worker
(``Maillage.date_precomputer``) computes the report at every date of the
slider (**dates running**), for ``--seconds``:

- ``report``: ``Maillage.report`` of the territory, from the cache;
- ``payload``: ``explore.network_view`` (the Explore payload callback), the kept payload;
- ``summary``: ``explore.summary_view`` with no date (the report, drawn counts);
- ``sized``: the payload sized by betweenness (computed each time: Python work).

Each line gives the median and the maximum wall time of a request and its
own CPU time (``time.thread_time``), and the whole web process's CPU time
(``time.process_time``) over the window, and the part of it that is not the
requests' own (what the worker took of the web process).
Run it from a tree, once per tree, to compare::

    python benchmarks/bench_date_worker.py [--actors 10000] [--seconds 30]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_browser import BIG, demo_store, synthetic

from maillage.app import Maillage
from maillage.dashboard.presenters import explore
from maillage.settings import Settings


def requests(source: Maillage) -> dict[str, Callable[[], object]]:
    return {
        "report": lambda: source.report(BIG),
        "payload": lambda: explore.network_view(source, BIG, None),
        "summary": lambda: explore.summary_view(source, BIG, None, None),
        "sized": lambda: explore.network_view(source, BIG, None, "betweenness"),
    }


def sample(source: Maillage, seconds: float) -> tuple[dict[str, list[tuple[float, float]]], float]:
    """(wall ms, own CPU ms) of each request, every 50 ms for ``seconds``; process CPU s."""
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in requests(source)}
    began, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - began < seconds:
        for name, request in requests(source).items():
            wall, own = time.perf_counter(), time.thread_time()
            request()
            found[name].append(
                (1000 * (time.perf_counter() - wall), 1000 * (time.thread_time() - own))
            )
        time.sleep(0.05)
    return found, time.process_time() - cpu


def show(label: str, found: dict[str, list[tuple[float, float]]], cpu: float) -> None:
    requests_cpu = sum(own for pairs in found.values() for _, own in pairs) / 1000
    print(f"{label} (web process CPU {cpu:,.1f} s, not the requests' {cpu - requests_cpu:,.1f} s):")
    for name, pairs in found.items():
        walls, owns = [w for w, _ in pairs], [c for _, c in pairs]
        print(
            f"  {name:8} wall median {statistics.median(walls):7.2f} ms, max {max(walls):8.1f} ms;"
            f" own CPU median {statistics.median(owns):6.2f} ms ({len(pairs)} requests)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'bench.db'}"
    demo_store(url, synthetic(options.actors, 4))
    source = Maillage(Settings(store_url=url, data_dir=folder / "data"))
    source.report(BIG), source.layout(BIG), source.graph(BIG)
    explore.network_view(source, BIG, None)
    show("idle", *sample(source, options.seconds / 3))
    source.date_precomputer.schedule([BIG])
    show("dates running", *sample(source, options.seconds))
    began = time.perf_counter()
    source.close()
    print(f"close: {time.perf_counter() - began:,.2f} s")
    print(f"dates computed: {sum(n for w, n in source.computed.items() if 'as-of' in w)}")


if __name__ == "__main__":
    main()
