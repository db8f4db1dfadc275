"""Dashboard speed: the territory-switch callbacks on the server, first paint in Chromium.

Three measurements, on synthetic territories stored in a temporary SQLite store:

1. **Territory switch, server side.** Every callback that a change of territory
   fires on the Explore page (sliders, network elements, legend, stylesheet,
   actor card, path, the three actor pickers), called through the presenters
   exactly as the callbacks call them, outputs encoded to JSON as Dash does,
   alternating between two territories of the same size with a warm cache.
   Reported: p50 / p95 over many runs, and p95 as a ratio of a reference run
   in the same process (NetworkX breadth-first searches from 100 actors).
2. **First paint in headless Chromium**: from navigation start to the first
   animation frame after Cytoscape holds the nodes, measured in the page
   (``performance.now()``), server cache warm; for the default drawing
   (communities above 1,500 actors) and for every actor drawn.
3. **10,000 actors**: cold analytics (report + layout), warm switch, first
   paint of the community overview, opening the largest community.

The demo's Alsace (600 actors, drawn actor by actor) is painted too, as the
everyday case.

Run: ``python benchmarks/bench_dashboard.py [--actors 2000] [--big 10000] [--runs 200]
[--no-browser]``. Needs ``/usr/bin/chromium`` and ``/usr/bin/chromedriver`` for 2 and 3.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import plotly.utils

from maillage.app import Maillage
from maillage.dashboard.app import create_app
from maillage.dashboard.presenters import explore, network
from maillage.graph.model import Actor, Dataset, Sector, Tie, TieKind
from maillage.graph.storage import open_store
from maillage.settings import Settings

SECTOR_WEIGHTS = {
    Sector.BUSINESS: 30,
    Sector.ASSOCIATION: 30,
    Sector.PUBLIC: 10,
    Sector.ACADEMIC: 8,
    Sector.MEDIA: 3,
    Sector.CITIZEN: 10,
    Sector.FUNDER: 4,
    Sector.OTHER: 5,
}
KIND_WEIGHTS = {
    TieKind.PARTNERSHIP: 50,
    TieKind.EVENT: 25,
    TieKind.FUNDING: 8,
    TieKind.GOVERNANCE: 7,
    TieKind.SERVICE: 7,
    TieKind.OTHER: 3,
}


def synthetic(actors: int, territory: str, seed: int) -> Dataset:
    """A clustered scale-free territory with dated ties of every kind (about 3 ties per actor)."""
    G = nx.powerlaw_cluster_graph(actors, 3, 0.3, seed=seed)
    rng = random.Random(seed)
    prefix = territory.lower()[:3]
    people = tuple(
        Actor(
            f"{prefix}{n}",
            f"{territory} actor {n}",
            rng.choices(list(SECTOR_WEIGHTS), list(SECTOR_WEIGHTS.values()))[0],
            (territory,),
            joined=date(rng.randint(2008, 2023), rng.randint(1, 12), 1),
        )
        for n in G
    )
    ties = tuple(
        Tie(
            f"{prefix}{u}",
            f"{prefix}{v}",
            rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0],
            float(rng.choice([1, 1, 1, 2, 3, 5])),
            since=date(rng.randint(2010, 2024), rng.randint(1, 12), 1),
        )
        for u, v in G.edges()
    )
    return Dataset(actors=people, ties=ties)


def store_with(path: Path, *datasets: Dataset) -> str:
    url = f"sqlite:///{path}"
    store = open_store(url)
    try:
        store.setup_schema()
        for dataset in datasets:
            store.upsert(dataset)
    finally:
        store.close()
    return url


def encoded(outputs: Any) -> int:
    """Encode callback outputs as Dash does; return the JSON size in bytes."""
    return len(json.dumps(outputs, cls=plotly.utils.PlotlyJSONEncoder))


def territory_switch(source: Maillage, territory: str, threshold: int) -> int:
    """Every Explore callback a territory change fires, as the callbacks call them."""
    size = encoded(explore.slider_outputs(explore.explore_controls_view(source, territory)))
    size += encoded(explore.network_view(source, territory, None, None, threshold))
    size += encoded(explore.legend_view(source, territory, None, None, "sector", threshold))
    size += encoded(network.stylesheet(ego={}, path={}))
    size += encoded(explore.card_view(source, territory, None, None, 1, None, threshold))
    size += encoded(explore.path_view(source, territory, None, None, None, None, threshold))
    for _ in range(3):
        size += encoded(explore.picker_view(source, territory, None, None))
    return size


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def reference(source: Maillage, territory: str) -> float:
    G = source.graph(territory)
    starts = list(G)[:100]
    best = float("inf")
    for _ in range(5):
        began = time.perf_counter()
        for node in starts:
            nx.single_source_shortest_path_length(G, node)
        best = min(best, time.perf_counter() - began)
    return best


def switch_timings(
    source: Maillage, territories: list[str], runs: int, threshold: int
) -> dict[str, float]:
    for territory in territories:  # warm the cache
        territory_switch(source, territory, threshold)
    times, size = [], 0
    for i in range(runs):
        began = time.perf_counter()
        size = territory_switch(source, territories[i % len(territories)], threshold)
        times.append(time.perf_counter() - began)
    unit = reference(source, territories[0])
    p95 = percentile(times, 0.95)
    return {
        "p50_ms": 1000 * statistics.median(times),
        "p95_ms": 1000 * p95,
        "max_ms": 1000 * max(times),
        "reference_ms": 1000 * unit,
        "p95_ratio": p95 / unit,
        "json_kb": size / 1024,
    }


@contextmanager
def served(source: Maillage, threshold: int) -> Iterator[str]:
    """The app under waitress on a free loopback port, as ``maillage serve`` runs it."""
    from waitress.server import create_server

    app = create_app(source, aggregate_above=threshold)
    server = create_server(app.server, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()


@contextmanager
def chromium() -> Iterator[Any]:
    from selenium import webdriver

    os.environ["PATH"] = "/usr/bin" + os.pathsep + os.environ.get("PATH", "")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1440,1000",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options)
    driver.set_script_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


PAINTED = """
var done = arguments[arguments.length - 1], expected = arguments[0];
(function poll() {
  var el = document.getElementById('network');
  var cy = el && el._cyreg && el._cyreg.cy;
  if (cy && cy.nodes().length >= expected) {
    requestAnimationFrame(function () { done(performance.now()); });
  } else { setTimeout(poll, 10); }
})();
"""


def first_paint(driver: Any, url: str, expected: int) -> float:
    """Milliseconds from navigation start to the first frame with ``expected`` nodes.

    The app opens on the first territory by name.
    """
    driver.get("about:blank")
    driver.get(url)
    return float(driver.execute_async_script(PAINTED, expected))


def paint_timings(source: Maillage, threshold: int, expected: int) -> list[float]:
    with served(source, threshold) as url, chromium() as driver:
        first_paint(driver, url, expected)  # warm the browser's caches
        return [first_paint(driver, url, expected) for _ in range(5)]


def drill_timing(source: Maillage, threshold: int, supernodes: int) -> float:
    """Milliseconds from a tap on the largest community to its actors painted."""
    with served(source, threshold) as url, chromium() as driver:
        first_paint(driver, url, supernodes)
        size = driver.execute_script(
            "var cy = document.getElementById('network')._cyreg.cy;"
            "var n = cy.nodes().max(function (n) { return n.data('members'); }).ele;"
            "window.__tapped = performance.now(); n.emit('tap'); return n.data('members');"
        )
        painted = driver.execute_async_script(
            PAINTED.replace("cy.nodes().length >= expected", "cy.nodes().length == expected"),
            size,
        )
        return float(painted) - float(driver.execute_script("return window.__tapped;"))


def timed(run: Callable[[], Any]) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--big", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    threshold = network.AGGREGATE_ABOVE

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        pair = synthetic(args.actors, "Amont", seed=1), synthetic(args.actors, "Aval", seed=2)
        big = synthetic(args.big, "Zone", seed=3)
        began = time.perf_counter()
        small_url = store_with(Path(folder) / "pair.db", *pair)
        big_url = store_with(Path(folder) / "big.db", big)
        ties = sum(len(d.ties) for d in (*pair, big))
        print(f"stores: {ties:,} ties loaded in {time.perf_counter() - began:.1f} s")

        if not args.no_browser:
            from maillage.loaders.demo import demo_dataset

            source = Maillage(
                Settings(store_url=store_with(Path(folder) / "demo.db", demo_dataset()))
            )
            actors = len(source.graph("Alsace"))
            territory_switch(source, "Alsace", threshold)
            paints = paint_timings(source, threshold, actors)
            print(
                f"demo, Alsace ({actors} actors, every actor drawn): first paint median"
                f" {statistics.median(paints):.0f} ms, max {max(paints):.0f} ms"
            )
            source.close()

        source = Maillage(Settings(store_url=small_url))
        cold = timed(lambda: (source.report("Amont"), source.layout("Amont")))
        print(f"\n{args.actors:,} actors: cold analytics (report + layout) {cold:.2f} s")
        for label, limit in (("communities", threshold), ("every actor", 10**9)):
            stats = switch_timings(source, ["Amont", "Aval"], args.runs, limit)
            print(
                f"  switch, {label}: p50 {stats['p50_ms']:.1f} ms, p95 {stats['p95_ms']:.1f} ms"
                f" (= {stats['p95_ratio']:.1f} x reference {stats['reference_ms']:.1f} ms),"
                f" max {stats['max_ms']:.1f} ms, {stats['json_kb']:.0f} kB of JSON"
            )
        if not args.no_browser:
            supernodes = drawn(source, "Amont", threshold)
            for label, limit, expected in (
                ("communities", threshold, supernodes),
                ("every actor", 10**9, args.actors),
            ):
                paints = paint_timings(source, limit, expected)
                print(
                    f"  first paint, {label}: median {statistics.median(paints):.0f} ms,"
                    f" max {max(paints):.0f} ms ({expected:,} nodes)"
                )
        source.close()

        source = Maillage(Settings(store_url=big_url))
        cold = timed(lambda: (source.report("Zone"), source.layout("Zone")))
        print(f"\n{args.big:,} actors: cold analytics (report + layout) {cold:.2f} s")
        stats = switch_timings(source, ["Zone"], max(20, args.runs // 10), threshold)
        print(
            f"  switch, communities: p50 {stats['p50_ms']:.1f} ms, p95 {stats['p95_ms']:.1f} ms,"
            f" {stats['json_kb']:.0f} kB of JSON"
        )
        if not args.no_browser:
            supernodes = drawn(source, "Zone", threshold)
            paints = paint_timings(source, threshold, supernodes)
            print(
                f"  first paint, communities: median {statistics.median(paints):.0f} ms"
                f" ({supernodes} supernodes)"
            )
            opened = drill_timing(source, threshold, supernodes)
            print(f"  open the largest community: {opened:.0f} ms")
        source.close()


def drawn(source: Maillage, territory: str, threshold: int) -> int:
    elements = explore.network_view(source, territory, None, None, threshold)[0]
    return sum(1 for element in elements if "source" not in element["data"])


if __name__ == "__main__":
    main()
