"""Hypothesis strategies for broken input files: CSV, Excel, GEXF, GraphML and mapping TOML.

Each strategy starts from something close to a valid file (so that some examples
load and the checks behind the first error are reached too) and breaks it in
the ways real exports and hostile users do. Files are small: the point is the
variety, not the size.
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from hostile_values import HOSTILE
from hypothesis import strategies as st
from robustness_support import KNOWN_IDS

NEW_IDS = ("a1", "a2", "a3")
UNKNOWN_IDS = ("zz", "K1", "a1 ")
IDS = NEW_IDS + KNOWN_IDS + UNKNOWN_IDS

GOOD: dict[str, tuple[str, ...]] = {
    "id": NEW_IDS + KNOWN_IDS,
    "name": ("Atelier Nord", "Mairie", "Ça va ?"),
    "sector": ("public", "Association", "entreprise", "Université", "FUNDER"),
    "territory": ("Kerlan", "Pors", "Kerlan|Pors", "Nouvelle"),
    "kind": ("SME", "partnership", "Event", "funding"),
    "city": ("Brest", ""),
    "lat": ("47.2", "-3,5", ""),
    "lon": ("-1.55", "2", ""),
    "joined": ("2020-01-31", "2019-02-03T10:00:00", ""),
    "source": IDS,
    "target": IDS,
    "weight": ("1", "2.5", "3,5", ""),
    "since": ("2020-01-01", ""),
    "until": ("2024-12-31", ""),
    "directed": ("true", "no", "1", "oui", ""),
    "note": ("jardins", ""),
    "ref": ("survey-2023", ""),
    "activities": ("p1", "p1|p2", ""),
    "actor": IDS,
    "activity": ("p1", "p2", "p3"),
    "activity_name": ("Forum", ""),
    "date": ("2021-05-04", ""),
}
BAD: dict[str, tuple[str, ...]] = {
    "id": ("", " ", "'", "a1"),
    "name": ("", "   "),
    "sector": ("Mixed", "", "other sector", "publique", "0", "None"),
    "territory": ("", "|", " | "),
    "lat": ("91", "-90.0001", "nan", "inf", "47,2,1", "N47"),
    "lon": ("181", "-inf", "1e400", "east"),
    "joined": ("2020-02-30", "31/12/2020", "2020-13-01", "0000-00-00", "yesterday", "2020-1-1"),
    "source": ("", "zz"),
    "target": ("", "zz"),
    "kind": ("friendship", "partner ship"),
    "weight": ("-1", "0", "-0", "nan", "NaN", "inf", "-inf", "1e400", "abc", "1.5.2", "0x10"),
    "since": ("2020-02-30", "20200101", "2020/01/01", "9999-99-99"),
    "until": ("1999-01-01", "never", "2020-00-10"),
    "directed": ("maybe", "2", "truee"),
    "activity": ("", " "),
    "date": ("2021-13-01", "soon", "01.02.2021"),
}
COLUMNS = {
    "actors": ("id", "name", "sector", "territory", "kind", "city", "lat", "lon", "joined"),
    "ties": ("source", "target", "kind", "weight", "since", "until", "directed", "note", "ref"),
    "participations": ("actor", "activity", "activity_name", "date"),
}
REQUIRED = {
    "actors": ("id", "name", "sector", "territory"),
    "ties": ("source", "target"),
    "participations": ("actor", "activity"),
}


def cell(column: str, *, clean: bool = False) -> st.SearchStrategy[str]:
    """A cell of ``column``: mostly valid, often broken, sometimes hostile or random."""
    good = st.sampled_from(GOOD.get(column, ("x", "")))
    if clean:
        return good
    return st.one_of(
        good,
        good,
        good,
        st.sampled_from(BAD.get(column, ("",)) + ("",)),
        st.sampled_from(HOSTILE),
        st.text(max_size=8),
    )


@st.composite
def table(draw: st.DrawFn, kind: str, *, clean: bool = False) -> list[list[str]]:
    """A header and rows of ``kind``: columns dropped, renamed, duplicated or added, rows ragged.

    A ``clean`` table has the right columns and valid values (it may still name an
    actor that no file defines, or repeat an id with another name).
    """
    header = list(COLUMNS[kind][: draw(st.integers(len(REQUIRED[kind]), len(COLUMNS[kind])))])
    damage = (
        "none"
        if clean
        else draw(st.sampled_from(["none", "drop", "extra", "dup", "case", "shuffle"]))
    )
    if damage == "drop":
        header.pop(draw(st.integers(0, len(header) - 1)))
    elif damage == "extra":
        header.append(draw(st.sampled_from(["notes", "", "Id", *HOSTILE])))
    elif damage == "dup":
        header.append(draw(st.sampled_from(header)))
    elif damage == "case":
        header = [f" {h.upper()} " for h in header]
    elif damage == "shuffle":
        header = draw(st.permutations(header))
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        row = [draw(cell(h.strip().lower(), clean=clean)) for h in header]
        ragged = "no" if clean else draw(st.sampled_from(["no", "no", "no", "short", "long"]))
        if ragged == "short" and row:
            row.pop()
        elif ragged == "long":
            row.append(draw(st.sampled_from(["", "extra"])))
        rows.append(row)
    return [header, *rows]


@st.composite
def csv_bytes(
    draw: st.DrawFn, rows: list[list[str]], *, clean: bool = False, damage: bool = False
) -> bytes:
    """``rows`` written as a CSV file the way some program might, then ``damage``d.

    Not ``clean``, the delimiter may be one that is not detected (``|``).
    """
    delimiter = draw(st.sampled_from([",", ",", ";", "\t"] + ([] if clean else ["|"])))
    terminator = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=terminator, quoting=quoting).writerows(
        rows
    )
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    return draw(damaged(data)) if damage else data


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` broken: truncated, spliced with garbage, emptied, re-encoded, blown up.

    Positions are drawn as fractions of the length, so that a workbook whose bytes
    vary from run to run (zip timestamps) is damaged at the same places.
    """
    how = draw(
        st.sampled_from(
            [
                "truncate",
                "insert",
                "flip",
                "flip",
                "nul",
                "quote",
                "invalid-utf8",
                "bom",
                "utf16-no-bom",
                "empty",
                "blank",
                "random",
                "huge",
            ]
        )
    )
    at = len(data) * draw(st.integers(0, 1000)) // 1000
    if how == "truncate":
        return data[:at]
    if how == "flip":  # inside a zip, this breaks a deflate stream or an XML part
        damaged_bytes = bytearray(data)
        for _ in range(draw(st.integers(1, 5)) if data else 0):
            where = len(data) * draw(st.integers(0, 999)) // 1000
            damaged_bytes[where] = draw(st.integers(0, 255))
        return bytes(damaged_bytes)
    if how == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
    if how == "nul":
        return data[:at] + b"\x00" + data[at:]
    if how == "quote":
        return data[:at] + b'"' + data[at:]
    if how == "invalid-utf8":
        return (
            data[:at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x81"]))
            + data[at:]
        )
    if how == "bom":
        bom = draw(
            st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf" * 2])
        )
        return bom + data
    if how == "utf16-no-bom":
        return data.decode("utf-8", errors="replace").encode("utf-16-le")
    if how == "empty":
        return b""
    if how == "blank":
        return draw(st.sampled_from([b"\n", b" \r\n\r\n", b"\t", b",,,\n"]))
    if how == "random":
        return draw(st.binary(max_size=64))
    if how == "huge":
        field = b"x" * draw(st.sampled_from([1_000, 140_000]))
        return data[:at] + field + data[at:]
    raise AssertionError(how)


@st.composite
def csv_import(draw: st.DrawFn, kinds: tuple[str, ...]) -> dict[str, bytes]:
    """Files of one import, by name: all clean or not, at most one of them damaged."""
    chosen = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=len(kinds), unique=True))
    clean = draw(st.booleans())
    broken = draw(st.sampled_from([None, *chosen]))
    files = {}
    for kind in chosen:
        suffix = draw(st.sampled_from([".csv", ".csv", ".tsv", ".txt"]))
        rows = draw(table(kind, clean=clean))
        files[kind + suffix] = draw(csv_bytes(rows, clean=clean, damage=kind == broken))
    return files


# ---------------------------------------------------------------------- Excel


def excel_value() -> st.SearchStrategy[Any]:
    """A cell of any type a workbook holds: text, numbers, dates, times, booleans, formulas."""
    return st.one_of(
        st.sampled_from(sum(GOOD.values(), ())),
        st.sampled_from(sum(BAD.values(), ())),
        st.sampled_from(HOSTILE).filter(lambda v: not v.startswith("=")),
        st.sampled_from(["=1+1", "=A1/0", "=SUM(A1:A3)", '=HYPERLINK("http://evil.test")']),
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=True, allow_infinity=False, width=64),
        st.just(math.inf),
        st.booleans(),
        st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
        st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
        st.times(),
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3000)),
        st.none(),
    )


@st.composite
def workbook_bytes(draw: st.DrawFn) -> bytes:
    """An .xlsx workbook: canonical or odd sheet names, typed cells, merges; maybe damaged."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def storable(value: Any) -> Any:  # openpyxl refuses what XML cannot hold
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    book = Workbook()
    names = draw(
        st.lists(
            st.sampled_from(["actors", "ties", "participations", " Actors ", "TIES", "Feuil1"]),
            max_size=3,
            unique_by=lambda n: n.strip().casefold(),
        )
    )
    if names:
        book.remove(book.active)
    clean = draw(st.booleans())
    for name in names:
        sheet = book.create_sheet(name)
        kind = name.strip().lower()
        rows = draw(table(kind if kind in COLUMNS else "actors", clean=clean))
        for r, row in enumerate(rows):
            if r == 0 or clean or draw(st.integers(0, 3)):
                sheet.append([storable(value) for value in row])
            else:
                sheet.append([storable(draw(excel_value())) for _ in row])
        for _ in range(0 if clean else draw(st.integers(0, 2))):
            top, left = draw(st.integers(1, 4)), draw(st.integers(1, 4))
            sheet.merge_cells(
                start_row=top,
                start_column=left,
                end_row=top + draw(st.integers(0, 2)),
                end_column=left + draw(st.integers(1, 2)),
            )
        if draw(st.booleans()):
            sheet.insert_rows(1, draw(st.integers(1, 2)))  # blank lines above the header
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    return draw(damaged(data)) if draw(st.integers(0, 4)) == 0 else data


# ---------------------------------------------------------------------- GEXF and GraphML

DOCTYPES = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;">]>',
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://evil.test/x.dtd"> %remote;]>',
    '<!DOCTYPE gexf SYSTEM "http://evil.test/gexf.dtd">',
    "<!DOCTYPE gexf>",
)
ENTITY_USES = ("&lol4;", "&xxe;", "&undefined;", "&amp;", "&#0;", "&#x1F680;", "&#xD800;")
NAMESPACES = {
    "gexf": (
        'xmlns="http://gexf.net/1.3" version="1.3"',
        'xmlns="http://www.gexf.net/1.2draft" version="1.2"',
        'xmlns="urn:wrong"',
        "",
    ),
    "graphml": ('xmlns="http://graphml.graphdrawing.org/xmlns"', 'xmlns="urn:wrong"', ""),
}
NODE_ATTRIBUTES = ("sector", "territory", "kind", "city", "lat", "lon", "joined", "label", "note")
EDGE_ATTRIBUTES = ("kind", "weight", "since", "until", "directed", "note", "ref", "activities")
XML_TYPES = ("string", "double", "integer", "boolean", "date", "liststring", "nonsense", "")


def xml_value(column: str, *, clean: bool) -> st.SearchStrategy[str]:
    """Text of an XML attribute or element: escaped, except sometimes on purpose."""
    text = cell(column, clean=clean)
    escaped = text.map(lambda value: escape(value, {'"': "&quot;"}))
    if clean:
        return escaped
    return st.one_of(escaped, escaped, st.sampled_from(ENTITY_USES), text)


def _attr(name: str, value: str) -> str:
    return f" {name}={quoteattr(value)}"


@st.composite
def graph_bytes(draw: st.DrawFn, fmt: str) -> bytes:
    """A GEXF or GraphML document with wrong types, missing parts, odd namespaces, entities.

    One in two is clean (declared attributes, escaped values, canonical namespace);
    one in three has its bytes damaged afterwards.
    """
    clean = draw(st.booleans())

    def sometimes(odds: int) -> bool:
        """True, except one time in ``odds`` when the document is not clean."""
        return clean or draw(st.integers(0, odds - 1)) > 0

    prefix = "" if clean else draw(st.sampled_from(["", "", "g:"]))
    ns = NAMESPACES[fmt][0] if clean else draw(st.sampled_from(NAMESPACES[fmt]))
    if prefix:
        ns = ns.replace("xmlns=", "xmlns:g=") if ns else 'xmlns:g="http://gexf.net/1.3"'
    encodings = ["UTF-8"] if clean else ["UTF-8", "utf-16", "ISO-8859-1", "rot13", "x-unknown"]
    declaration = f'<?xml version="1.0" encoding="{draw(st.sampled_from(encodings))}"?>'
    parts = [draw(st.sampled_from([declaration, ""]))]
    if not sometimes(5):
        parts.append(draw(st.sampled_from(DOCTYPES)))
    optional = st.lists(st.sampled_from(NODE_ATTRIBUTES[2:]), unique=True, max_size=3)
    declared = (
        ["sector", "territory", *draw(optional)]
        if clean
        else draw(st.lists(st.sampled_from(NODE_ATTRIBUTES), unique=True, max_size=5))
    )
    edge_declared = draw(st.lists(st.sampled_from(EDGE_ATTRIBUTES), unique=True, max_size=5))
    ids = draw(st.lists(st.sampled_from(NEW_IDS if clean else IDS + ("",)), max_size=4))
    ends = st.sampled_from(NEW_IDS + KNOWN_IDS if clean else IDS)
    edges = draw(st.lists(st.tuples(ends, ends), max_size=4))
    depth = 0 if clean else draw(st.sampled_from([0, 0, 3, 200, 5000]))
    types = st.sampled_from(("string",) if clean else XML_TYPES)
    t = prefix
    if fmt == "gexf":
        edge_type = draw(st.sampled_from(["undirected", "directed"] if clean else ["mixed", ""]))
        parts.append(f"<{t}gexf {ns}><{t}graph defaultedgetype={quoteattr(edge_type)}>")
        for klass, names in (("node", declared), ("edge", edge_declared)):
            parts.append(f'<{t}attributes class="{klass}">')
            for name in names:
                parts.append(
                    f"<{t}attribute"
                    + (_attr("id", name) if sometimes(7) else "")
                    + (_attr("title", name) if sometimes(5) else "")
                    + _attr("type", draw(types))
                    + "/>"
                )
            parts.append(f"</{t}attributes>")
        parts.append(f"<{t}nodes>" + f"<{t}wrap>" * depth)
        for node_id in ids:
            parts.append(f"<{t}node" + (_attr("id", node_id) if sometimes(9) else ""))
            if sometimes(4):
                parts.append(_attr("label", draw(cell("name", clean=clean))))
            parts.append(f"><{t}attvalues>")
            for name in declared:
                value = draw(xml_value(name, clean=clean))
                parts.append(f'<{t}attvalue for="{name}" value="{value}"/>')
            parts.append(f"</{t}attvalues></{t}node>")
        parts.append(f"</{t}wrap>" * depth + f"</{t}nodes><{t}edges>")
        for number, (source, target) in enumerate(edges):
            parts.append(f"<{t}edge" + _attr("id", str(number)))
            parts.append(_attr("source", source) + _attr("target", target))
            if draw(st.booleans()):
                parts.append(_attr("weight", draw(cell("weight", clean=clean))))
            if not sometimes(5):
                parts.append(_attr("type", draw(cell("kind"))))
            parts.append(f"><{t}attvalues>")
            for name in edge_declared:
                value = draw(xml_value(name, clean=clean))
                parts.append(f'<{t}attvalue for="{name}" value="{value}"/>')
            parts.append(f"</{t}attvalues></{t}edge>")
        parts.append(f"</{t}edges></{t}graph></{t}gexf>")
    else:
        parts.append(f"<{t}graphml {ns}>")
        for domain, names in (("node", declared), ("edge", edge_declared)):
            for name in names:
                scope = domain if clean else draw(st.sampled_from([domain, "all", "graph", ""]))
                parts.append(
                    f"<{t}key"
                    + _attr("id", name if sometimes(4) else "d" + name)
                    + _attr("for", scope)
                    + (_attr("attr.name", name) if sometimes(6) else "")
                    + _attr("attr.type", draw(types))
                    + "/>"
                )
        edgedefault = draw(st.sampled_from(["undirected", "directed", "sideways"]))
        parts.append(f"<{t}graph edgedefault={quoteattr(edgedefault)}>" + f"<{t}wrap>" * depth)
        for node_id in ids:
            parts.append(f"<{t}node" + (_attr("id", node_id) if sometimes(9) else "") + ">")
            for name in declared:
                value = draw(xml_value(name, clean=clean))
                parts.append(f'<{t}data key="{name}">{value}</{t}data>')
            parts.append(f"</{t}node>")
        parts.append(f"</{t}wrap>" * depth)
        for source, target in edges:
            parts.append(f"<{t}edge" + _attr("source", source) + _attr("target", target))
            if not sometimes(5):
                parts.append(_attr("directed", draw(cell("directed"))))
            parts.append(">")
            for name in edge_declared:
                value = draw(xml_value(name, clean=clean))
                parts.append(f'<{t}data key="{name}">{value}</{t}data>')
            parts.append(f"</{t}edge>")
        parts.append(f"</{t}graph></{t}graphml>")
    data = "".join(parts).encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16"])))
    return draw(damaged(data)) if draw(st.integers(0, 2)) == 0 else data


# ---------------------------------------------------------------------- mapping files

EXPORT_COLUMNS = ("Partner", "Legal status", "Region", "Project", "Start", "Amount")
EXPORT_ROWS = (
    ("Ville de Kehl", "Public", "Baden", "P-1", "15/09/2016", "120 000,00"),
    ("Brasserie Meteor", "Private", "Alsace", "P-1", "15/09/2016", "15 000,00"),
    ("Brasserie Meteor", "Private", "Alsace", "P-2", "01/03/2018", "10 000,00"),
    ("Verein Rebland", "NGO", "", "P-2", "01/03/2018", "5 000,00"),
)
MAPPING_FIELDS = (
    "id",
    "name",
    "sector",
    "territory",
    "activity",
    "activity_name",
    "date",
    "city",
    "source",
    "target",
    "weight",
    "actor",
    "nonsense",
    "",
)


def export_csv() -> bytes:
    """A small real-looking two-mode partner export (``;``, day-first dates)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows([EXPORT_COLUMNS, *EXPORT_ROWS])
    return buffer.getvalue().encode("utf-8")


def toml_value(value: Any) -> str:
    """``value`` in TOML (strings as basic strings, dicts as inline tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # nan, inf and -inf are TOML too
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def toml_key(key: str) -> str:
    return json.dumps(key, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_document(document: dict[str, Any]) -> str:
    """A TOML text of ``document``: scalars first, then ``[tables]`` and ``[[arrays]]``."""
    lines, tables = [], []
    for key, value in document.items():
        if isinstance(value, dict):
            tables.append(f"[{toml_key(key)}]")
            tables += [f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for entry in value:
                tables.append(f"[[{toml_key(key)}]]")
                tables += [f"{toml_key(k)} = {toml_value(v)}" for k, v in entry.items()]
        else:
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    return "\n".join([*lines, *tables]) + "\n"


def junk() -> st.SearchStrategy[Any]:
    """A value of the wrong type for any key."""
    return st.one_of(
        st.integers(-5, 5),
        st.floats(allow_nan=True),
        st.booleans(),
        st.lists(st.integers(), max_size=2),
        st.dictionaries(st.sampled_from(["a", "id"]), st.integers(), max_size=2),
        st.sampled_from(HOSTILE),
    )


def column_name() -> st.SearchStrategy[str]:
    return st.sampled_from(
        EXPORT_COLUMNS + ("id", "name", "sector", "territory", "source", "target", "Missing", "")
    )


SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "type": st.sampled_from(["actors", "ties", "participations", "two-mode", "Two-Mode", "graph"]),
    "delimiter": st.sampled_from([";", ",", "tab", "\\t", "pipe", "", ";;", '"', "\n", "é"]),
    "encoding": st.sampled_from(
        ["utf-8", "cp1252", "utf-16", "latin-1", "rot13", "hex", "undefined", "nope", "idna"]
    ),
    "sheet": st.sampled_from(["actors", "Feuil1", ""]),
    "date_format": st.sampled_from(
        ["%d/%m/%Y", "%Y-%m-%d", "%", "%Q", "dd/mm/yyyy", "%d.%m.%Y %H:%M", "%s", "%Y%j"]
    ),
    "territory_separator": st.sampled_from(["|", ";", "", "||", "/"]),
    "default_territory": st.sampled_from(["Rhin", "", *HOSTILE]),
    "default_sector": st.sampled_from(["public", "association", "mixed", ""]),
    "skip_rows_without_id": st.sampled_from([True, False, "yes"]),
}


VALID_MAPPING: dict[str, Any] = {
    "type": "two-mode",
    "delimiter": ";",
    "date_format": "%d/%m/%Y",
    "default_territory": "Rhin",
    "columns": {
        "id": "Partner",
        "name": "Partner",
        "sector": "Legal status",
        "territory": "Region",
        "activity": "Project",
        "date": "Start",
    },
    "sectors": {"public": "public", "private": "business"},
}
"""The mapping that imports ``export_csv()``; generated mappings break it in a few places."""


@st.composite
def mapping_document(draw: st.DrawFn) -> dict[str, Any]:
    """``VALID_MAPPING`` with zero to four keys changed, dropped, retyped or added."""
    document = json.loads(json.dumps(VALID_MAPPING))
    for _ in range(draw(st.integers(0, 4))):
        change = draw(
            st.sampled_from(
                [
                    "scalar",
                    "junk",
                    "drop",
                    "column",
                    "sector",
                    "kind",
                    "attribute",
                    "unknown",
                    "file",
                ]
            )
        )
        if change == "scalar":
            key = draw(st.sampled_from(sorted(SCALARS)))
            document[key] = draw(SCALARS[key])
        elif change == "junk":
            document[draw(st.sampled_from([*SCALARS, "columns", "sectors"]))] = draw(junk())
        elif change == "drop" and document:
            document.pop(draw(st.sampled_from(sorted(document))))
        elif change == "column":
            columns = document.setdefault("columns", {})
            if isinstance(columns, dict):
                columns[draw(st.sampled_from(MAPPING_FIELDS))] = draw(
                    st.one_of(column_name(), column_name(), junk())
                )
        elif change == "sector":
            sectors = document.setdefault("sectors", {})
            if isinstance(sectors, dict):
                raw = draw(st.sampled_from(["Public", "private", "NGO", "", *HOSTILE]))
                sectors[raw] = draw(st.sampled_from(["public", "association", "governmental", 3]))
        elif change == "kind":
            document["kinds"] = {"Mécénat": draw(st.sampled_from(["funding", "gift", 3]))}
        elif change == "attribute":
            name = draw(st.sampled_from(["amount", *HOSTILE]))
            document["attributes"] = {name: draw(st.one_of(column_name(), junk()))}
        elif change == "unknown":
            key = draw(st.sampled_from(["colums", "Type", "match", "sector", "Delimiter"]))
            document[key] = draw(junk())
        elif change == "file":
            document["file"] = [
                {
                    "match": draw(st.sampled_from(["*.csv", "partners*", "", "[", "*.xlsx"])),
                    "type": draw(SCALARS["type"]),
                }
                for _ in range(draw(st.integers(1, 2)))
            ]
    return document


@st.composite
def mapping_bytes(draw: st.DrawFn) -> bytes:
    """A mapping file: generated tables, or text that is not TOML at all."""
    how = draw(st.sampled_from(["tables"] * 6 + ["random", "truncated", "deep", "binary"]))
    if how == "random":
        return draw(st.text(max_size=40)).encode("utf-8", errors="surrogatepass")
    if how == "binary":
        return draw(st.binary(max_size=40))
    if how == "deep":
        depth = draw(st.sampled_from([50, 5_000]))
        opening, closing = draw(st.sampled_from([("[", "]"), ("{a=", "}")]))
        return f"x = {opening * depth}{closing * depth}\n".encode()
    text = toml_document(draw(mapping_document())).encode("utf-8")
    if how == "truncated":
        return text[: len(text) * draw(st.integers(0, 1000)) // 1000]
    return text


# ---------------------------------------------------------------------- amplification

AMPLIFICATION_LIMITS = {"cell_chars": 2_000, "file_rows": 60, "expanded_bytes": 400_000}
"""Small limits for the generated amplification cases, so that bombs stay small files."""

_WORKBOOK_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="actors" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    ),
}


def workbook_from_parts(shared: list[str], rows: list[list[str | int]]) -> bytes:
    """An .xlsx written part by part: ``shared`` strings, and rows of cells.

    A ``str`` cell is an inline string; an ``int`` cell refers to ``shared[i]``:
    what Excel writes, and what a bomb is made of (one huge string, many uses).
    """
    import zipfile  # noqa: PLC0415

    strings = "".join(f"<si><t>{escape(text)}</t></si>" for text in shared)
    sheet_rows = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{chr(65 + c % 26)}{r}"
            if isinstance(value, int):
                cells.append(f'<c r="{ref}" t="s"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    parts = dict(_WORKBOOK_PARTS)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">'
        f"{strings}</sst>"
    )
    parts["xl/worksheets/sheet1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
        f'org/spreadsheetml/2006/main"><sheetData>{"".join(sheet_rows)}</sheetData></worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


ACTOR_HEADER = ["id", "name", "sector", "territory"]


@st.composite
def amplified_workbook(draw: st.DrawFn) -> bytes:
    """A shared-string bomb, a row bomb, an XML bomb, or a workbook just within the limits."""
    how = draw(st.sampled_from(["shared-string", "rows", "expanded", "within"]))
    limit = AMPLIFICATION_LIMITS
    if how == "shared-string":  # one long string, used by many cells
        size = draw(st.sampled_from([limit["cell_chars"] + 1, 5 * limit["cell_chars"], 50_000]))
        uses = draw(st.integers(1, 40))
        text = draw(st.sampled_from(["x", "é", "line\n", "&<>"])) * size
        rows = [ACTOR_HEADER] + [[f"a{i}", 0, "public", "Kerlan"] for i in range(uses)]
        return workbook_from_parts([text[:size]], rows)
    if how == "rows":
        count = draw(st.integers(limit["file_rows"] + 1, 3 * limit["file_rows"]))
        rows = [ACTOR_HEADER] + [[f"a{i}", f"Actor {i}", "public", "Kerlan"] for i in range(count)]
        return workbook_from_parts([], rows)
    if how == "expanded":  # highly compressible XML, far beyond the expanded limit
        filler = [["", "", "", ""]] * draw(st.integers(4_000, 8_000))
        return workbook_from_parts(["y" * 1_000] * 300, [ACTOR_HEADER, *filler])
    count = draw(st.integers(1, limit["file_rows"] - 1))
    rows = [ACTOR_HEADER] + [[f"a{i}", f"Actor {i}", "public", "Kerlan"] for i in range(count)]
    return workbook_from_parts([], rows)


@st.composite
def long_text_graph(draw: st.DrawFn, fmt: str) -> bytes:
    """A GraphML or GEXF file with one long, multi-line value (text or attribute)."""
    size = draw(st.sampled_from([100, 1_999, 2_001, 20_000, 120_000]))
    line = draw(st.sampled_from(["a\n", "long line of text\n", "\r\n", "é\n", "&amp;\n"]))
    value = (line * (size // len(line) + 1))[:size]
    where = draw(st.sampled_from(["text", "attribute", "default"]))
    if fmt == "graphml":
        keys = (
            '<key id="sector" for="node" attr.name="sector"/>'
            '<key id="territory" for="node" attr.name="territory"/>'
            '<key id="note" for="node" attr.name="note">'
            + (f"<default>{value}</default>" if where == "default" else "")
            + "</key>"
        )
        note = f'<data key="note">{value}</data>' if where == "text" else ""
        label = f' label="{value}"' if where == "attribute" else ""
        body = (
            f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">{keys}'
            f'<graph edgedefault="undirected"><node id="a1"{label}>'
            '<data key="sector">public</data><data key="territory">Kerlan</data>'
            f"{note}</node></graph></graphml>"
        )
    else:
        default = f"<default>{value}</default>" if where in ("default", "text") else ""
        label = value.replace("\n", " ") if where == "attribute" else "Atelier"
        body = (
            '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>'
            '<attributes class="node"><attribute id="sector" title="sector" type="string"/>'
            '<attribute id="territory" title="territory" type="string"/>'
            f'<attribute id="note" title="note" type="string">{default}</attribute>'
            f'</attributes><nodes><node id="a1" label="{label}"><attvalues>'
            '<attvalue for="sector" value="public"/><attvalue for="territory" value="Kerlan"/>'
            "</attvalues></node></nodes></graph></gexf>"
        )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


@st.composite
def long_csv(draw: st.DrawFn) -> bytes:
    """A CSV whose one cell is long (quoted, over many lines, or not) or whose rows are many."""
    how = draw(st.sampled_from(["quoted", "plain", "rows"]))
    if how == "rows":
        count = draw(st.integers(AMPLIFICATION_LIMITS["file_rows"] - 2, 200))
        lines = [f"a{i},Actor {i},public,Kerlan" for i in range(count)]
        return ("id,name,sector,territory\n" + "\n".join(lines) + "\n").encode()
    size = draw(st.sampled_from([1_000, 2_001, 30_000]))
    if how == "quoted":
        value = '"' + ("ligne\n" * size)[:size].replace('"', '""') + '"'
    else:
        value = "x" * size
    return f"id,name,sector,territory\na1,{value},public,Kerlan\n".encode()


@st.composite
def hostile_body(draw: st.DrawFn) -> tuple[bytes, dict[str, str]]:
    """A body for ``/_dash-update-component``: huge, deep, malformed or lying about its size."""
    how = draw(st.sampled_from(["huge", "deep", "junk", "json", "lying"]))
    headers = {"Content-Type": "application/json"}
    if how == "huge":
        size = draw(st.sampled_from([70_000, 200_000]))
        return b'{"output": "' + b"x" * size + b'"}', headers
    if how == "deep":
        depth = draw(st.sampled_from([100, 10_000]))
        return b"[" * depth + b"]" * depth, headers
    if how == "junk":
        return draw(st.binary(max_size=200)), headers
    if how == "lying":
        headers["Content-Length"] = str(draw(st.sampled_from([10**9, 2**31, 2**63])))
        return b"{}", headers
    value = draw(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(
                    st.sampled_from(
                        ["output", "outputs", "inputs", "state", "changedPropIds", "id"]
                    ),
                    inner,
                    max_size=5,
                )
            ),
            max_leaves=20,
        )
    )
    return json.dumps(value).encode(), headers
