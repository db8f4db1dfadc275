"""The package installs everything it needs, quietly, with its version written once."""

import tomllib
from importlib.metadata import version
from pathlib import Path

import maillage

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
SOURCE = {"maillage.dashboard": "dashboard", "maillage.reports": "reports"}


def data_folders() -> dict[str, Path]:
    """Package name of each folder under dashboard/ and reports/ holding files other than code."""
    folders = {}
    for package, folder in SOURCE.items():
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                relative = path.parent.relative_to(ROOT / folder)
                name = ".".join((package, *relative.parts))
                folders[name] = path.parent
    return folders


def test_every_folder_of_data_files_is_a_listed_package_with_its_files():
    """Else setuptools warns "Package ... would be ignored" on every install."""
    for name, folder in data_folders().items():
        assert name in SETUPTOOLS["packages"], name
        patterns = SETUPTOOLS["package-data"][name]
        for path in folder.iterdir():
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                assert any(path.match(p) for p in patterns), (path, patterns)


def test_the_version_is_written_once_in_the_package():
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert SETUPTOOLS["dynamic"]["version"] == {"attr": "maillage.__version__"}
    assert version("maillage") == maillage.__version__


def test_the_license_is_the_one_pyproject_names():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_map_outlines_and_their_notice_are_package_data():
    """The map draws its outlines offline: the files ship in the package, with their licence."""
    from importlib.resources import files

    patterns = SETUPTOOLS["package-data"]["maillage.reports.outlines"]
    assert "maillage.reports.outlines" in SETUPTOOLS["packages"]
    folder = files("maillage.reports") / "outlines"
    for name in ("regions.geojson", "departements.geojson", "NOTICE.md"):
        assert (folder / name).is_file(), name
        assert any(Path(name).match(p) for p in patterns), name
    notice = (folder / "NOTICE.md").read_text(encoding="utf-8")
    assert "Licence Ouverte" in notice and "ADMIN EXPRESS" in notice
