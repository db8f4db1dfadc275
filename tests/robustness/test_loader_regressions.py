"""The loader bugs the generated inputs found, each pinned by a plain example.

Before the fixes each of these raised something other than a ``ValidationError``
(``UnicodeDecodeError``, ``LookupError``, ``RecursionError``, ``zlib.error``,
``XMLSyntaxError``), or lost or changed a value on the way back from an export.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from maillage.graph.errors import ValidationError
from maillage.graph.model import Actor, Network, Sector, Tie
from maillage.loaders import load, write

ACTORS = "id,name,sector,territory\na1,Atelier,public,Kerlan\na2,Asso,association,Kerlan\n"


def problems(paths: list[Path], **options: object) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        load(paths, **options)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def test_a_utf16_byte_order_mark_on_broken_utf16_is_a_problem(tmp_path: Path):
    path = tmp_path / "actors.csv"
    path.write_bytes(b"\xff\xfe" + "id,name\n".encode("utf-16-le") + b"x")
    (problem,) = problems([path])
    assert problem.startswith(f"{path}:2: cannot decode as utf-16:")


@pytest.mark.parametrize(
    ("encoding", "message"),
    [
        ("rot13", "unknown encoding 'rot13' ('rot13' is not a text encoding"),
        ("hex", "unknown encoding 'hex'"),
        ("undefined", "encoding 'undefined' cannot be used"),
    ],
)
def test_a_mapping_encoding_must_decode_text(tmp_path: Path, encoding: str, message: str):
    data = tmp_path / "actors.csv"
    data.write_text(ACTORS, encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text(f'encoding = "{encoding}"\n', encoding="utf-8")
    (problem,) = problems([data], mapping=mapping)
    assert problem.startswith(f"{mapping}: encoding: {message}")


def test_deeply_nested_toml_is_a_problem(tmp_path: Path):
    data = tmp_path / "actors.csv"
    data.write_text(ACTORS, encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert problems([data], mapping=mapping) == [
        f"{mapping}: not a valid TOML mapping file: arrays or tables nested too deep"
    ]


def test_utf16_without_byte_order_mark_is_named(tmp_path: Path):
    path = tmp_path / "actors.csv"
    path.write_bytes(ACTORS.encode("utf-16-le"))
    assert problems([path]) == [
        f"{path}:1: NUL character: binary data, or UTF-16 without a byte-order mark? "
        "(name the encoding in a mapping file)"
    ]


def test_the_dos_end_of_file_mark_is_ignored(tmp_path: Path):
    path = tmp_path / "actors.csv"
    path.write_bytes(ACTORS.encode() + b"\x1a")
    assert [a.id for a in load([path]).dataset.actors] == ["a1", "a2"]


@pytest.mark.parametrize("encoding", ["rot13", "x-unknown"])
def test_an_unknown_xml_encoding_is_a_problem(tmp_path: Path, encoding: str):
    path = tmp_path / "graph.gexf"
    path.write_text(f'<?xml version="1.0" encoding="{encoding}"?>\n<gexf/>', encoding="ascii")
    (problem,) = problems([path])
    assert problem.startswith(f"{path}:1: unsupported encoding in the XML declaration:")


def _workbook() -> bytes:
    book = Workbook()
    book.active.title = "actors"
    for row in ACTORS.splitlines():
        book.active.append(row.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, part: str, content: bytes, compress: int) -> bytes:
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            body = content if item.filename == part else source.read(item.filename)
            out.writestr(item.filename, body, compress_type=compress)
    return target.getvalue()


@pytest.mark.parametrize(
    ("part", "content"),
    [
        ("xl/workbook.xml", b"<workbook"),  # XMLSyntaxError while opening
        ("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row><c"),  # while reading rows
    ],
)
def test_a_damaged_workbook_part_is_a_problem(tmp_path: Path, part: str, content: bytes):
    path = tmp_path / "book.xlsx"
    path.write_bytes(_rewrite(_workbook(), part, content, zipfile.ZIP_DEFLATED))
    found = problems([path])
    assert found and all(p.startswith(str(path)) for p in found)
    assert any("cannot read as an Excel workbook (damaged?)" in p for p in found)


def test_a_corrupt_deflate_stream_is_a_problem(tmp_path: Path):
    data = bytearray(_workbook())
    start = data.index(b"xl/worksheets/sheet1.xml") + len(b"xl/worksheets/sheet1.xml")
    data[start + 5 : start + 25] = b"\xff" * 20  # inside the compressed sheet: zlib.error
    path = tmp_path / "book.xlsx"
    path.write_bytes(bytes(data))
    found = problems([path])
    assert found and all(p.startswith(str(path)) for p in found)


FORMULA_ATTRIBUTE = '=HYPERLINK("http://evil.test")'


def _network(**attributes: str) -> Network:
    actors = (
        Actor("a1", "Atelier", Sector.PUBLIC, ("Hostile", "''@x"), attributes=attributes),
        Actor("a2", "'=1+1", Sector.MEDIA, ("Hostile",)),
    )
    ties = (Tie("a1", "a2", note="'-2", activities=("Plain", "'@forum")),)
    return Network("Hostile", actors, ties)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "gexf", "graphml"])
def test_formula_like_names_and_values_come_back_from_every_export(tmp_path: Path, fmt: str):
    """Attribute names are column headers (escaped too); ``'`` is data in GEXF and GraphML."""
    network = _network(**{FORMULA_ATTRIBUTE: "@SUM(A1)", "plain": "'=x"})
    target = tmp_path / (fmt if fmt == "csv" else f"export.{fmt}")
    loaded = load(write(network, fmt, target)).dataset
    assert sorted(loaded.actors, key=lambda a: a.id) == list(network.actors)
    assert loaded.ties == network.ties


def test_csv_export_headers_are_neutralised(tmp_path: Path):
    (actors, _) = write(_network(**{FORMULA_ATTRIBUTE: "v"}), "csv", tmp_path / "out")
    header = actors.read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(',"\'=HYPERLINK(""http://evil.test"")"')
    assert ",Hostile|'''@x," in actors.read_text(encoding="utf-8")  # each territory escaped alone


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "xlsx"])
def test_characters_xml_cannot_hold_are_replaced_in_exports(tmp_path: Path, fmt: str):
    """A value read from a CSV may hold control characters (real data does: U+001A)."""
    network = _network(note="Sk\x1aodowska\x00")
    (path,) = write(network, fmt, tmp_path / f"export.{fmt}")
    (actor, _) = sorted(load([path]).dataset.actors, key=lambda a: a.id)
    assert actor.attributes == {"note": "Sk\ufffdodowska\ufffd"}
