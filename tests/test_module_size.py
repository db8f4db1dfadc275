"""Every module stays small enough to read in one sitting: at most 600 lines.

A module that grows past the limit holds more than one idea; split it along
those ideas (as a package with one module each) rather than raise the limit.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graph", "loaders", "dashboard", "reports", "maillage")
MAX_LINES = 600


def line_count(path: Path) -> int:
    with path.open(encoding="utf-8") as lines:
        return sum(1 for _ in lines)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_is_over_600_lines(package):
    too_long = {
        str(path.relative_to(ROOT)): count
        for path in sorted((ROOT / package).rglob("*.py"))
        if (count := line_count(path)) > MAX_LINES
    }
    assert not too_long, f"modules over {MAX_LINES} lines (split them): {too_long}"
