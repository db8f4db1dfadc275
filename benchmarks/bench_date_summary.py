"""Server CPU time of the Explore summary line after one step of the date slider.

Two territories in a temporary SQLite store, the demo's **Alsace** and
``bench_browser.synthetic`` (10,000 actors, 40,000 dated ties). For each, the
first paint's results are computed (report, layout, graph), then, when this
tree has it, the background worker computes the report at every date the
slider offers (``Maillage.date_precomputer``; its CPU and wall time printed).
Then ``time.process_time`` of ``summary_view`` at a few dates, on the same
server and on a new one reading the data folder (as after a restart), and of
``network_view`` (the sizes of that date). Run it from the tree to measure,
before and after a change::

    python benchmarks/bench_date_summary.py
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_browser import BIG, DEMO, demo_store, synthetic

from maillage.app import Maillage
from maillage.dashboard.presenters import explore
from maillage.settings import Settings

DAYS = ("2012-12-31", "2016-12-31", "2020-12-31")


def cpu_ms(compute: Callable[[], object]) -> float:
    began = time.process_time()
    compute()
    return 1000 * (time.process_time() - began)


def summary(source: Maillage, territory: str, day: str) -> str:
    return explore.summary_view(source, territory, day, None)


def line(label: str, source: Maillage, territory: str, view: Callable) -> None:
    found = [cpu_ms(lambda day=day: view(source, territory, day)) for day in DAYS]
    print(f"  {label:38} " + ", ".join(f"{ms:,.0f}" for ms in found) + " ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--territories", nargs="*", default=[DEMO, BIG], choices=[DEMO, BIG])
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'bench.db'}"
    demo_store(url, synthetic(options.actors, 4))
    precomputes = hasattr(Maillage, "slider_days")
    print(f"dates {', '.join(DAYS)}; dates precomputed: {precomputes}")
    for territory in options.territories:
        print(f"{territory}:")
        settings = Settings(store_url=url, data_dir=folder / territory)
        source = Maillage(settings)
        source.report(territory), source.layout(territory), source.graph(territory)
        if precomputes:
            began, wall = time.process_time(), time.perf_counter()
            source.date_precomputer.schedule([territory])
            source.date_precomputer.wait(3600)
            print(
                f"  {len(source.slider_days(territory))} dates precomputed in "
                f"{time.process_time() - began:,.1f} s CPU, {time.perf_counter() - wall:,.1f} s"
            )
        line("summary, same server", source, territory, summary)
        restarted = Maillage(settings)
        restarted.report(territory), restarted.layout(territory), restarted.graph(territory)
        line("summary, new server", restarted, territory, summary)
        line("network sizes, new server", restarted, territory, explore.network_view)
        restarted.close()
        source.close()


if __name__ == "__main__":
    main()
