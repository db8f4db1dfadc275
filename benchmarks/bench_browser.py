"""The Explore page in headless Chromium, drawn by the sigma.js renderer (NetworkView).

Two territories in a temporary SQLite store: the demo's **Alsace** (about 600
actors) and a generated **Synthetic** territory of 10,000 actors and about
40,000 ties (clustered scale-free). The app runs under waitress as
``maillage serve`` runs it, gzip on; the server cache is warmed first (the
cold report + layout of the big territory is timed once and printed).

Measured in the page, from ``performance`` marks that the renderer leaves
when the frame showing a change has been drawn (``nv:payload``,
``nv:selected``, ``nv:sectors``, ``nv:path``):

- **first paint, warm**: navigation start to the first frame with every
  actor drawn (the territory kept by the session across reloads), also as a
  ratio of the same measure for the demo's smallest territory (the page
  itself: Dash, the bundles, the chain of callbacks), taken in the same run;
- **select**: a real mouse click on an actor to the frame with it selected
  (through the Dash round trip: click event, callback, ``selected`` prop);
- **search**: choosing an actor in the search box to the frame with it selected;
- **filter**: a click on a sector checkbox to the frame without that sector;
- **path**: choosing the path's second end to the frame with the chain in red;
- **date step**: one step of the as-of slider to the frame with the new date's actors and
  ties (drawn by the renderer from the payload's timeline, before the server answers);
- **date summary**: the same step to the summary line's new text (the server's answer
  for that date, as the sizes, card and path are);
- **pan/zoom frames** (10,000 actors): sigma's render time per frame (from
  its ``beforeRender`` to ``afterRender`` events) and the interval between
  frames during a one-second camera animation;
- **bare WebGL** (the frame reference, :mod:`webgl_reference`): in a new tab of the same
  Chromium, the same actors as points and ties as lines drawn by two bare shaders while the
  view moves for as long; ``ours / bare WebGL`` is the ratio of the frame intervals; and the
  actors alone (``bare WebGL, points``), what the renderer draws while the camera moves
  from 5,000 ties.

The starting instant is taken in the page just before the action is sent,
so each latency includes WebDriver's dispatch of the action (a few ms).

**First visit after an import** (``--first-visit``, on by default): in a store of its
own (the demo, then the synthetic territory written as canonical CSV files and imported
by ``Maillage.import_files``, the method ``maillage import`` and the Import page use),
with the server already running. The import queues the background precompute
(:mod:`maillage.precompute`); the script waits until ``precompute_progress`` reports the
territory done and its report and layout are on disk for the store's data version, and
prints how long the import and the precompute took. Then a new Chromium session (a new,
empty profile: the browser cache is cold, so the page's bundles are fetched too) opens
``/?territory=Synthetic`` and the measure is navigation start to the first frame with
every actor drawn (``nv:payload``): **first visit, same server** (the one that imported,
as after an import on the Import page). It is taken again against a new application
object on the same store and data folder, as ``maillage serve`` started after a
command-line import (or a restart) reads the precomputed results from disk: **first
visit, new server**. Each line also says how many reports and layouts its server had to
compute (none, when nothing waited for the first visitor).

Run: ``python benchmarks/bench_browser.py [--runs 5] [--actors 10000] [--ties-per-actor 4]
[--territories Alsace Synthetic] [--no-first-visit]`` (``--territories`` with no name: the
first visit only). Needs ``/usr/bin/chromium`` and ``/usr/bin/chromedriver``.
"""

from __future__ import annotations

import argparse
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
from urllib.parse import urlencode

import networkx as nx
from webgl_reference import GEOMETRY, bare_webgl_frames, frame_summary

from maillage import loaders
from maillage.app import Maillage
from maillage.dashboard import ids
from maillage.dashboard.app import create_app
from maillage.graph.model import Actor, Dataset, Network, Sector, Tie, TieKind
from maillage.graph.storage import open_store
from maillage.loaders.demo import demo_dataset
from maillage.precompute import FOLDER, STEPS, DiskResults
from maillage.settings import Settings

DEMO = "Alsace"
BIG = "Synthetic"
REFERENCE = "Lons-le-Saunier"
"""The demo's smallest territory: its first paint is the page itself (the reference)."""
CHROMIUM_ARGUMENTS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",  # WebGL (the network renderer) in software, as Chromium asks
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1440,1150",
)
HOOK = f"(document.getElementById({ids.NETWORK!r}) || {{}}).__networkView"


def synthetic(actors: int, ties_per_actor: int, seed: int = 11) -> Dataset:
    """A clustered scale-free territory, ``ties_per_actor`` ties per new actor, dated ties."""
    graph = nx.powerlaw_cluster_graph(actors, ties_per_actor, 0.3, seed=seed)
    rng = random.Random(seed)
    sectors = list(Sector)
    kinds = [TieKind.PARTNERSHIP, TieKind.EVENT, TieKind.FUNDING, TieKind.SERVICE]
    people = tuple(
        Actor(
            f"syn{n}",
            f"Synthetic actor {n}",
            rng.choice(sectors),
            (BIG,),
            joined=date(rng.randint(2008, 2020), 1, 1),
        )
        for n in graph
    )
    ties = tuple(
        Tie(
            f"syn{u}",
            f"syn{v}",
            rng.choice(kinds),
            float(rng.choice([1, 1, 2, 3])),
            since=date(rng.randint(2010, 2024), rng.randint(1, 12), 1),
        )
        for u, v in graph.edges()
    )
    return Dataset(actors=people, ties=ties)


@contextmanager
def served(source: Maillage) -> Iterator[str]:
    from waitress.server import create_server

    server = create_server(create_app(source).server, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()


@contextmanager
def chromium() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(300)
    try:
        yield driver
    finally:
        driver.quit()


def wait(condition: Callable[[], Any], timeout: float = 120, step: float = 0.02) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise TimeoutError("condition not met")


def js(driver: Any, script: str) -> Any:
    """Run ``script`` with ``v`` bound to the renderer; None while the page is too busy."""
    from selenium.common.exceptions import TimeoutException

    try:
        return driver.execute_script(f"var v = {HOOK}; if (!v) return null; {script}")
    except TimeoutException:
        return None


def now(driver: Any) -> float:
    return driver.execute_script("return performance.now();")


def mark_after(
    driver: Any, name: str, since: float, check: str = "true", last: bool = False
) -> float | None:
    """The first (or last) ``nv:<name>`` mark after ``since`` once ``check`` holds, in ms."""
    pick = "m.length - 1" if last else "0"
    found = js(
        driver,
        f"if (!({check})) return null;"
        f"var m = performance.getEntriesByName('nv:{name}').filter(function (e) {{"
        f" return e.startTime >= {since}; }}); return m.length ? m[{pick}].startTime : null;",
    )
    return None if found is None else found - since


def drawn(driver: Any) -> int:
    return js(driver, "return v.renderer.getGraph().order;") or 0


def choose_territory(driver: Any, name: str, actors: int) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f"#{ids.TERRITORY}").click()
    search = wait(lambda: driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-search"))
    search[0].send_keys(name)
    option = wait(
        lambda: [
            o
            for o in driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option")
            if o.text.strip().startswith(name)
        ]
    )
    # A click through the page: the search box can overlap the option's point.
    driver.execute_script("arguments[0].click();", option[0])
    wait(lambda: drawn(driver) == actors, timeout=300)


def first_paint(driver: Any, url: str, actors: int, runs: int) -> list[float]:
    """Reloads (territory kept by the session): navigation start to every actor drawn."""
    times = []
    for _ in range(runs + 1):  # the first load warms the browser cache
        driver.get(url)
        wait(lambda: drawn(driver) == actors, timeout=300)
        check = f"v.renderer.getGraph().order == {actors}"
        times.append(wait(lambda check=check: mark_after(driver, "payload", 0, check, last=True)))
    return times[1:]


def click_point(driver: Any, node: str) -> tuple[int, int]:
    """Centre the camera on ``node``, zoomed in; where it is then drawn in the window."""
    for _ in range(20):
        js(
            driver,
            f"var d = v.renderer.getNodeDisplayData({node!r});"
            f"v.renderer.getCamera().setState({{x: d.x, y: d.y, ratio: 0.05}}); return 0;",
        )
        time.sleep(0.3)  # let the zoomed frame settle
        x, y, inside = js(
            driver,
            f"var d = v.renderer.getNodeDisplayData({node!r});"
            "var p = v.renderer.framedGraphToViewport(d); var s = v.renderer.getDimensions();"
            "var r = v.container.getBoundingClientRect();"
            "return [r.left + p.x, r.top + p.y,"
            " p.x > 0 && p.y > 0 && p.x < s.width && p.y < s.height];",
        )
        if inside:
            return int(x), int(y)
    raise TimeoutError(f"{node} could not be brought into view")


def select_latency(driver: Any, actors: list[str]) -> list[float]:
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    times = []
    for actor in actors:
        x, y = click_point(driver, actor)
        actions = ActionBuilder(driver)
        actions.pointer_action.move_to_location(x, y)
        actions.perform()
        time.sleep(0.2)
        before = js(driver, "return v.selected;") or ""
        start = now(driver)
        actions = ActionBuilder(driver)
        actions.pointer_action.click()
        actions.perform()
        # At 10,000 actors a neighbour may lie under the pointer: any new selection counts.
        check = f"v.selected !== null && v.selected !== {before!r}"
        times.append(
            wait(lambda check=check, start=start: mark_after(driver, "selected", start, check))
        )
    return times


def search_latency(driver: Any, names: list[tuple[str, str]]) -> list[float]:
    from selenium.webdriver.common.by import By

    times = []
    for actor, name in names:
        driver.find_element(By.CSS_SELECTOR, ".picker-search").click()
        driver.find_element(By.CSS_SELECTOR, ".dash-dropdown-search").send_keys(name)
        # The exact name comes first once the options for this query have arrived.
        option = wait(
            lambda name=name: next(
                (
                    o
                    for o in driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option")[:1]
                    if o.text.startswith(f"{name} ·")
                ),
                None,
            )
        )
        start = now(driver)
        driver.execute_script("arguments[0].click();", option)  # the list may still be moving
        check = f"v.selected === {actor!r}"
        times.append(
            wait(lambda check=check, start=start: mark_after(driver, "selected", start, check))
        )
    return times


def filter_latency(driver: Any, runs: int) -> list[float]:
    from selenium.webdriver.common.by import By

    times = []
    for k in range(2 * runs):
        box = driver.find_element(By.CSS_SELECTOR, f"#{ids.SECTOR_FILTER} input[value='business']")
        hidden = k % 2 == 0
        start = now(driver)
        box.click()
        check = f"v.hiddenSectors.has('business') === {'true' if hidden else 'false'}"
        times.append(
            wait(lambda check=check, start=start: mark_after(driver, "sectors", start, check))
        )
    return times


def pick_in(driver: Any, selector: str, name: str) -> float:
    """Choose ``name`` in the picker ``selector``; return the page time just before the click."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, selector).click()
    driver.find_element(By.CSS_SELECTOR, ".dash-dropdown-search").send_keys(name)

    def listed() -> bool:
        try:
            shown = driver.find_element(By.CSS_SELECTOR, ".dash-dropdown-options").text
        except StaleElementReferenceException:  # the options were redrawn meanwhile
            return False
        return name.lower() in shown.lower()

    wait(listed)
    option = driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option")[0]
    start = now(driver)
    option.click()
    return start


def path_latency(driver: Any, start_name: str, ends: list[tuple[str, str]]) -> list[float]:
    pick_in(driver, ".picker-source", start_name)
    times = []
    for _actor, name in ends:
        js(driver, "window.__pathBefore = v.pathNodes; return 0;")
        start = pick_in(driver, ".picker-target", name)
        check = "v.pathNodes !== window.__pathBefore && v.pathNodes.size > 1"
        times.append(
            wait(lambda check=check, start=start: mark_after(driver, "path", start, check))
        )
    return times


def date_latency(driver: Any, runs: int) -> tuple[list[float], list[float]]:
    """One slider step: to the frame with the new date's ties, and to the summary's new text.

    The summary is the server's answer for that date (as the card, the path and the
    sizes are): its time says how long the page keeps settling after the picture.
    """
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    watch = (
        f"var s = document.getElementById({ids.NETWORK_SUMMARY!r});"
        "window.__summaryAt = null; window.__summaryWas = s.textContent;"
        "new MutationObserver(function () { if (s.textContent !== window.__summaryWas) {"
        " window.__summaryWas = s.textContent; window.__summaryAt = performance.now(); } })"
        ".observe(s, {childList: true, subtree: true, characterData: true}); return 0;"
    )
    js(driver, watch)
    times, settled = [], []
    for k in range(2 * runs + 2):  # the first two steps warm the server cache for both dates
        slider = driver.find_element(By.CSS_SELECTOR, f"#{ids.YEAR} [role='slider']")
        js(driver, "window.__payloadBefore = v.payload; window.__summaryAt = null; return 0;")
        start = now(driver)
        slider.send_keys(Keys.ARROW_LEFT if k % 2 == 0 else Keys.ARROW_RIGHT)
        check = "v.payload !== window.__payloadBefore"
        times.append(
            wait(lambda check=check, start=start: mark_after(driver, "payload", start, check))
        )
        summary_at = wait(lambda: js(driver, "return window.__summaryAt;"), timeout=60)
        settled.append(summary_at - start)
    return times[2:], settled[2:]


def camera_frames(driver: Any) -> dict[str, float]:
    """Render time and interval of the frames of a 1 s zoom in and out."""
    found = driver.execute_async_script(
        f"var done = arguments[0]; var v = {HOOK}; var r = v.renderer;"
        "var renders = [], begin = 0, stamps = [];"
        "var before = function () { begin = performance.now(); };"
        "var after = function () { var t = performance.now();"
        " renders.push(t - begin); stamps.push(t); };"
        "r.on('beforeRender', before); r.on('afterRender', after);"
        "var c = r.getCamera(); c.setState({x: 0.5, y: 0.5, ratio: 1});"
        "c.animate({ratio: 0.2, x: 0.4, y: 0.6}, {duration: 1000}).then(function () {"
        " return c.animate({ratio: 1, x: 0.5, y: 0.5}, {duration: 1000}); }).then(function () {"
        " r.off('beforeRender', before); r.off('afterRender', after);"
        " var gaps = [];"
        " for (var i = 1; i < stamps.length; i++) gaps.push(stamps[i] - stamps[i - 1]);"
        " done({renders: renders, gaps: gaps}); });"
    )
    return frame_summary(found["renders"], found["gaps"])


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.0f} ms, max {max(values):.0f} ms (n={len(values)})"


def demo_store(url: str, *more: Dataset) -> None:
    """A new store at ``url`` holding the demo territories (and ``more``)."""
    store = open_store(url)
    try:
        store.setup_schema()
        for dataset in (demo_dataset(seed=2026), *more):
            store.upsert(dataset)
    finally:
        store.close()


def precomputed(source: Maillage, territory: str) -> bool:
    """Whether every first-paint result of ``territory`` is on disk for the data version."""
    version = source.store.data_version()
    disk = DiskResults(source.settings.data_dir / FOLDER / source.scope)
    return all(disk.load(version, step, territory) is not None for step in STEPS)


def wait_precomputed(source: Maillage, territory: str) -> float:
    """Seconds until the background worker reports ``territory`` done (its results stored)."""
    began = time.perf_counter()
    wait(lambda: source.precompute_progress(territory) is None, timeout=3600, step=0.05)
    took = time.perf_counter() - began
    if not precomputed(source, territory):
        raise RuntimeError(f"the precompute of {territory} failed (see the log)")
    return took


def visit(source: Maillage, address: str, territory: str, actors: int) -> tuple[float, int]:
    """A new Chromium session opens Explore on ``territory``: ms to every actor drawn.

    Also how many persisted results ``source`` computed meanwhile (none when precomputed).
    """
    before = sum(source.computed.values())
    with chromium() as driver:
        driver.get(f"{address}/?{urlencode({'territory': territory})}")
        wait(lambda: drawn(driver) == actors, timeout=300)
        check = f"v.renderer.getGraph().order == {actors}"
        paint = wait(lambda: mark_after(driver, "payload", 0, check, last=True))
    return paint, sum(source.computed.values()) - before


def first_visit(folder: Path, actors: int, ties_per_actor: int) -> dict[str, float]:
    """Import the synthetic territory, wait for its precompute, then visit it: two servers."""
    url = f"sqlite:///{folder / 'imported.db'}"
    demo_store(url)
    settings = Settings(store_url=url, data_dir=folder / "imported-data")
    dataset = synthetic(actors, ties_per_actor)
    files = folder / "import"
    loaders.write(Network(BIG, dataset.actors, dataset.ties), "csv", files)
    results: dict[str, float] = {}
    source = Maillage(settings)
    try:
        with served(source) as address:
            began = time.perf_counter()
            source.import_files([files])
            results["import_s"] = time.perf_counter() - began
            print(
                f"  import       {results['import_s']:.1f} s "
                f"({len(dataset.actors):,} actors, {len(dataset.ties):,} ties, CSV)",
                flush=True,
            )
            results["precompute_s"] = wait_precomputed(source, BIG)
            took = results["precompute_s"]
            print(f"  precompute   {took:.1f} s (report, layout, first picture)", flush=True)
            paint, computed = visit(source, address, BIG, len(dataset.actors))
            results["same_server_ms"], results["same_server_computed"] = paint, computed
            print(
                f"  first visit, same server  {paint:.0f} ms ({computed} results computed)",
                flush=True,
            )
    finally:
        source.close()
    restarted = Maillage(settings)
    try:
        with served(restarted) as address:
            restarted.precompute([BIG])  # as ``maillage serve`` starts: read from disk
            wait_precomputed(restarted, BIG)
            paint, _during = visit(restarted, address, BIG, len(dataset.actors))
            computed = sum(restarted.computed.values())  # since it started, the visit included
            results["new_server_ms"], results["new_server_computed"] = paint, computed
            print(
                f"  first visit, new server   {paint:.0f} ms ({computed} results computed)",
                flush=True,
            )
    finally:
        restarted.close()
    return results


MEASURES = ("first_paint", "select", "search", "filter", "path", "date_step")


def territory_bench(driver: Any, url: str, source: Maillage, territory: str, runs: int) -> dict:
    graph = source.graph(territory)
    actors = graph.number_of_nodes()
    driver.get(url)
    wait(lambda: drawn(driver) > 0, timeout=300)
    choose_territory(driver, territory, actors)
    results: dict[str, Any] = {"actors": actors, "ties": graph.number_of_edges()}
    results["first_paint"] = first_paint(driver, url, actors, runs)
    print(f"  first_paint  {summary(results['first_paint'])}", flush=True)
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), str(n)))
    pool = ranked[: 4 * runs : 4]
    results["select"] = select_latency(driver, pool)
    print(f"  select       {summary(results['select'])}", flush=True)
    names = [(a, graph.nodes[a]["name"]) for a in ranked[1 : 1 + runs]]
    results["search"] = search_latency(driver, names)
    print(f"  search       {summary(results['search'])}", flush=True)
    results["filter"] = filter_latency(driver, runs)
    print(f"  filter       {summary(results['filter'])}", flush=True)
    hub = ranked[0]
    lengths = nx.single_source_shortest_path_length(graph, hub)
    far = sorted((n for n in lengths if lengths[n] >= 2), key=lambda n: (-lengths[n], str(n)))
    ends = [(a, graph.nodes[a]["name"]) for a in far[:runs]]
    results["path"] = path_latency(driver, graph.nodes[hub]["name"], ends)
    print(f"  path         {summary(results['path'])}", flush=True)
    results["date_step"], results["date_summary"] = date_latency(driver, runs)
    print(f"  date_step    {summary(results['date_step'])}", flush=True)
    print(f"  date_summary {summary(results['date_summary'])}", flush=True)
    results["frames"] = camera_frames(driver)
    geometry = js(driver, GEOMETRY)
    results["bare_frames"] = bare_webgl_frames(driver, geometry)
    results["bare_points_frames"] = bare_webgl_frames(driver, geometry, points_only=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--ties-per-actor", type=int, default=4)
    parser.add_argument("--territories", nargs="*", default=[DEMO, BIG], choices=[DEMO, BIG])
    parser.add_argument(
        "--first-visit",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="import the synthetic territory, wait for its precompute, time the first visit",
    )
    options = parser.parse_args()
    os.environ["PATH"] = "/usr/bin" + os.pathsep + os.environ.get("PATH", "")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        if options.territories:
            territories(Path(folder), options)
        if options.first_visit:
            print(f"\nFirst visit after an import ({BIG}):", flush=True)
            found = first_visit(Path(folder), options.actors, options.ties_per_actor)
            print(
                f"{BIG} imported: import {found['import_s']:.1f} s, precompute "
                f"{found['precompute_s']:.1f} s, first visit {found['same_server_ms']:.0f} ms "
                f"(same server), {found['new_server_ms']:.0f} ms (new server)"
            )
    print(f"\nload average after: {os.getloadavg()}")


def territories(folder: Path, options: argparse.Namespace) -> None:
    """The warm measures of each of ``options.territories``, in one store and one browser."""
    url = f"sqlite:///{folder / 'bench.db'}"
    demo_store(url, synthetic(options.actors, options.ties_per_actor))
    source = Maillage(Settings(store_url=url, data_dir=folder / "data"))
    for territory in options.territories:
        began = time.perf_counter()
        source.report(territory)
        source.layout(territory)
        print(f"{territory}: cold report + layout {time.perf_counter() - began:.1f} s")
    with served(source) as address, chromium() as driver:
        print(f"Chromium {driver.capabilities.get('browserVersion')}")
        small = source.graph(REFERENCE).number_of_nodes()
        driver.get(address)
        wait(lambda: drawn(driver) > 0, timeout=300)
        choose_territory(driver, REFERENCE, small)
        reference = statistics.median(first_paint(driver, address, small, options.runs))
        print(f"reference: first paint of {REFERENCE} ({small} actors) {reference:.0f} ms")
        for territory in options.territories:
            print(f"\n{territory}:", flush=True)
            found = territory_bench(driver, address, source, territory, options.runs)
            print(f"{territory}: {found['actors']:,} actors, {found['ties']:,} ties")
            for key in (*MEASURES, "date_summary"):
                print(f"  {key:12} {summary(found[key])}")
            ratio = statistics.median(found["first_paint"]) / reference
            print(f"  first paint / reference: {ratio:.2f}")
            frames = found["frames"]
            print(
                f"  pan/zoom     {frames['frames']} frames, render p50 "
                f"{frames['render_p50_ms']:.1f} ms / p95 {frames['render_p95_ms']:.1f} ms, "
                f"interval p50 {frames['interval_p50_ms']:.1f} ms / p95 "
                f"{frames['interval_p95_ms']:.1f} ms"
            )
            bare = found["bare_frames"]
            print(
                f"  bare WebGL   {bare['frames']} frames, render p50 {bare['render_p50_ms']:.1f} "
                f"ms, interval p50 {bare['interval_p50_ms']:.1f} ms; ours / bare WebGL: interval "
                f"{frames['interval_p50_ms'] / bare['interval_p50_ms']:.1f}"
            )
            points = found["bare_points_frames"]["interval_p50_ms"]
            print(f"  bare WebGL, points only: interval p50 {points:.1f} ms")
    source.close()


if __name__ == "__main__":
    main()
