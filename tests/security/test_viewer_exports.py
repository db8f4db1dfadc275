"""What a viewer's ``Maillage`` writes out is pseudonymised too: exports and every report format.

The dashboard's downloads are checked over HTTP in ``test_viewer_responses.py``;
here the same instance the dashboard gives viewers writes files.
"""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

import pytest
from security_support import found_in

from maillage.graph.model import Sector
from maillage.reports import render, render_html_report

TERRITORY = "Lille"


def file_text(paths: list[Path]) -> bytes:
    """The bytes of written files; Excel files unzipped, character references resolved."""
    found = []
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            data = file.read_bytes()
            found.append(data)
            if data.startswith(b"PK"):
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for name in archive.namelist():
                        found.append(html.unescape(archive.read(name).decode()).encode())
    return b"\n".join(found)


def identities(maillage) -> tuple[list[str], list[str]]:
    people = [a for a in maillage.network(TERRITORY).actors if a.sector == Sector.CITIZEN]
    return [a.name for a in people], [a.id for a in people]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "gexf", "graphml"])
def test_a_viewers_export_holds_no_citizen_identity(maillage, tmp_path, fmt):
    names, ids = identities(maillage)
    viewer = maillage.pseudonymised()

    written = file_text(viewer.export(TERRITORY, fmt, tmp_path / "viewer" / f"out.{fmt}"))
    full = file_text(maillage.export(TERRITORY, fmt, tmp_path / "full" / f"out.{fmt}"))

    assert found_in(written, names) == [] and found_in(written, ids) == []
    pseudonyms = [a.name for a in viewer.network(TERRITORY).actors if a.sector == "citizen"]
    assert found_in(written, pseudonyms) == sorted(pseudonyms)
    assert found_in(full, names) == sorted(names)


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "xlsx", "html"])
@pytest.mark.parametrize("kind", ["report", "gaps"])
def test_a_viewers_reports_hold_no_citizen_name(maillage, tmp_path, kind, fmt):
    names, ids = identities(maillage)
    viewer = maillage.pseudonymised()
    data = viewer.report(TERRITORY) if kind == "report" else viewer.gaps(TERRITORY)
    path = tmp_path / f"report.{fmt}"
    path.write_bytes(render(kind, data, fmt))

    text = file_text([path])

    assert found_in(text, names) == [] and found_in(text, ids) == []


def test_a_viewers_html_report_holds_no_citizen_name(maillage):
    names, ids = identities(maillage)
    viewer = maillage.pseudonymised()
    page = render_html_report(viewer.report(TERRITORY), viewer.gaps(TERRITORY))
    data = page.encode() if isinstance(page, str) else page
    assert found_in(data, names) == [] and found_in(data, ids) == []
    assert b"Citoyen" in data


def test_a_viewer_cannot_write(maillage, demo):
    from maillage.graph.storage.pseudonymised import ReadOnlyStore

    viewer = maillage.pseudonymised()
    with pytest.raises(ReadOnlyStore):
        viewer.load_demo()
    with pytest.raises(ReadOnlyStore):
        viewer.store.delete_territory(TERRITORY)


def test_the_viewers_instance_is_one_and_keeps_its_own_cache(maillage):
    viewer = maillage.pseudonymised()
    assert maillage.pseudonymised() is viewer
    assert viewer.report(TERRITORY) is viewer.report(TERRITORY)
    assert viewer.report(TERRITORY) is not maillage.report(TERRITORY)
