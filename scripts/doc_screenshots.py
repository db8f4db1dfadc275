"""Retake the screenshots ``docs/dashboard.md`` shows, into ``docs/images/``.

The browser tests (``pytest -m browser``, Debian's headless Chromium) save a WebP
screenshot of each page they visit into the git-ignored ``artifacts/screenshots/``
(``tests/dashboard/conftest.py``'s ``save_picture``). This script runs exactly the
tests that take the documented ones, then copies those files, and only those, into
``docs/images/``, printing each file and its size. Standard library only.

Usage, from the repository (with the test dependencies and ``/usr/bin/chromium``,
``/usr/bin/chromedriver`` installed; it takes a few minutes)::

    python scripts/doc_screenshots.py
    python scripts/doc_screenshots.py --python .venv/bin/python   # another interpreter

Then commit ``docs/images/``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "artifacts" / "screenshots"
IMAGES = ROOT / "docs" / "images"
# The tests that take the documented screenshots, and the pictures each one takes.
TESTS = {
    "tests/dashboard/test_browser.py::test_user_journey": (
        "explore-actor",
        "explore-path",
        "gaps",
        "compare",
        "brokers",
    ),
    "tests/dashboard/test_browser.py::test_every_actor_drawn_and_coloured_by_sector_or_community": (
        "explore-communities",
    ),
    "tests/dashboard/test_browser_map.py": ("map",),
    "tests/dashboard/test_browser_compare.py": ("compare-observatory",),
    "tests/dashboard/test_browser_import.py": ("import-preview",),
}
NAMES = tuple(name for names in TESTS.values() for name in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the interpreter for pytest")
    args = parser.parse_args(argv)
    for name in NAMES:  # never copy a picture left over from an earlier run
        (SHOTS / f"{name}.webp").unlink(missing_ok=True)
    command = [args.python, "-m", "pytest", "-m", "browser", "-q", *TESTS]
    print("$", " ".join(command), flush=True)
    run = subprocess.run(command, cwd=ROOT, check=False)
    if run.returncode != 0:
        print("the browser tests failed: docs/images/ left as it was", file=sys.stderr)
        return run.returncode
    missing = [name for name in NAMES if not (SHOTS / f"{name}.webp").is_file()]
    if missing:
        print(f"not taken: {', '.join(missing)}", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    total = 0
    for name in NAMES:
        target = IMAGES / f"{name}.webp"
        shutil.copyfile(SHOTS / f"{name}.webp", target)
        size = target.stat().st_size
        total += size
        print(f"{target.relative_to(ROOT)}  {size / 1000:.0f} kB")
    print(f"{len(NAMES)} images, {total / 1000:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
