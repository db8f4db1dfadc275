"""Import speed: ``maillage.loaders.load`` on 40,000 ties, against references in the same run.

The input is generated, seeded, as canonical CSV in a temporary folder:
10,000 actors (8 sectors, 20 territories) and 40,000 distinct ties with
kinds, weights, dates and a few notes.

Measured (best of ``--runs``, CPU time of this process):

1. ``load(actors.csv, ties.csv)``: parse and validate everything; reported in
   seconds, ties per second, and as a ratio of the reference, Python's
   ``csv.reader`` merely splitting the same two files into lists;
2. the same files with one short row, which sends the ties table through the
   row-by-row parser instead of the column-wise fast path (the worst case of
   a valid file);
3. ``demo_dataset()`` (goal: under 1 s);
4. the real H2020 Norway export with its mapping file, when present.

Goals (issue "Loaders"): 40k ties parse and validate in well under 0.3 s, so
that a whole import can reach 100k ties/s into SQLite; the store part of the
import benchmark is added by the application (see ``generate`` to reuse the
data).

Run ``python benchmarks/bench_import.py [--ties 40000] [--actors 10000] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import csv
import platform
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from maillage.graph.model import Sector, TieKind
from maillage.loaders import load
from maillage.loaders.demo import demo_dataset

REPO = Path(__file__).resolve().parents[1]
H2020 = REPO.parent / "shared" / "datasets" / "h2020-norway" / "participations.csv"
H2020_MAPPING = REPO / "docs" / "examples" / "h2020-norway.toml"


def generate(folder: Path, *, actors: int, ties: int, seed: int = 42) -> tuple[Path, Path]:
    """Write ``actors.csv`` and ``ties.csv`` (canonical, comma) into ``folder``."""
    rng = random.Random(seed)
    sectors = [s.value for s in Sector]
    kinds = [k.value for k in TieKind if k is not TieKind.EVENT]
    actors_path, ties_path = folder / "actors.csv", folder / "ties.csv"
    with actors_path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(["id", "name", "sector", "territory", "city"])
        for i in range(actors):
            territory = f"Territoire {i % 20:02d}"
            out.writerow([f"A{i:06d}", f"Acteur {i}", rng.choice(sectors), territory, "Ville"])
    seen: set[tuple[int, int]] = set()
    start = date(2005, 1, 1)
    with ties_path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(
            ["source", "target", "kind", "weight", "since", "until", "directed", "note", "ref"]
        )
        while len(seen) < ties:
            a, b = rng.randrange(actors), rng.randrange(actors)
            if a == b or (min(a, b), max(a, b)) in seen:
                continue
            seen.add((min(a, b), max(a, b)))
            since = start + timedelta(days=rng.randrange(7000))
            until = since + timedelta(days=rng.randrange(3000)) if rng.random() < 0.2 else None
            out.writerow(
                [
                    f"A{a:06d}",
                    f"A{b:06d}",
                    rng.choice(kinds),
                    rng.choice(("1", "2", "3", "1.5")),
                    since.isoformat(),
                    until.isoformat() if until else "",
                    "false",
                    "convention" if rng.random() < 0.1 else "",
                    f"r{len(seen)}" if rng.random() < 0.1 else "",
                ]
            )
    return actors_path, ties_path


def best(function: Callable[[], object], runs: int) -> float:
    """The smallest CPU time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return min(times)


def split_only(*paths: Path) -> None:
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            list(csv.reader(handle))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ties", type=int, default=40_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}; best of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        actors, ties = generate(folder, actors=args.actors, ties=args.ties)
        reference = best(lambda: split_only(actors, ties), args.runs)
        fast = best(lambda: load([actors, ties]), args.runs)
        result = load([actors, ties])
        assert len(result.dataset.ties) == args.ties
        rows = ties.read_text(encoding="utf-8").splitlines(keepends=True)
        rows[-1] = rows[-1].rstrip("\n").rsplit(",", 1)[0] + "\n"  # one short row
        slow_ties = folder / "ties-short-row.csv"
        slow_ties.write_text("".join(rows), encoding="utf-8")
        slow = best(lambda: load([actors, slow_ties]), args.runs)
    print(f"reference: csv.reader splits both files       {reference:7.3f} s")
    print(
        f"load(), {args.ties} ties, fast path           {fast:7.3f} s  "
        f"{args.ties / fast:9,.0f} ties/s  {fast / reference:5.1f}x reference  "
        f"(goal: well under 0.3 s)"
    )
    print(
        f"load(), row-by-row path (one short row)     {slow:7.3f} s  "
        f"{args.ties / slow:9,.0f} ties/s  {slow / reference:5.1f}x reference"
    )
    demo = best(demo_dataset, args.runs)
    print(f"demo_dataset()                              {demo:7.3f} s  (goal: under 1 s)")
    if H2020.exists():
        h2020 = best(lambda: load([H2020], mapping=H2020_MAPPING), args.runs)
        print(f"H2020 Norway, 2,931 two-mode rows, mapped   {h2020:7.3f} s")
    else:
        print(f"H2020 Norway: skipped, {H2020} is absent")


if __name__ == "__main__":
    main()
