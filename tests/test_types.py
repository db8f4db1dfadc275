"""mypy finds no type error in graph/ and loaders/ (configuration in pyproject.toml).

The source folders are installed under other names (``graph`` is ``maillage.graph``),
so the check runs on a tree of links that has the installed layout.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("maillage.graph", "maillage.loaders")


def installed_layout(folder: Path) -> Path:
    """``folder/maillage`` with the package's modules and sub-packages as links."""
    package = folder / "maillage"
    package.mkdir(parents=True)
    for entry in (ROOT / "maillage").iterdir():  # its modules and any sub-package
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    for name in ("graph", "loaders", "reports", "dashboard"):
        (package / name).symlink_to(ROOT / name, target_is_directory=True)
    return folder


@pytest.mark.timeout(900)
def test_mypy_finds_no_error_in_graph_and_loaders(tmp_path):
    pytest.importorskip("mypy", reason="mypy is in the test extra: pip install -e '.[test]'")
    tree = installed_layout(tmp_path / "tree")
    command = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")]
    command += ["--cache-dir", str(tmp_path / "cache")]
    for package in CHECKED:
        command += ["-p", package]
    result = subprocess.run(command, cwd=tree, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
