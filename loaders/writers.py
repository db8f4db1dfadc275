"""Writing a territory's network back out: CSV, Excel, GEXF or GraphML.

Every format imports back to the same actors and ties. The territory's
actors and the actors at the other end of its leaving ties (``outside``,
with their own territories) are all written, so that every tie's ends
exist on re-import.

- ``csv``: ``path`` is a folder; ``actors.csv`` and ``ties.csv`` (UTF-8, comma).
- ``xlsx``: one workbook with the sheets ``actors`` and ``ties``.
- ``gexf`` (1.3) and ``graphml``: one file, Gephi-readable. The default edge
  type is directed only when every tie is; a directed tie among undirected
  ones is marked on its edge (standard, and read by Gephi; NetworkX refuses
  such mixed graphs).

Spreadsheet formulas are neutralised (OWASP "CSV injection") in CSV and
Excel: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'``, which the loaders remove again. Column
names are cells too (attribute names come from the data), and each value of
a ``|``-separated cell (territories, activities) is escaped on its own, as the
loaders read it. Numbers (weights, coordinates, and text that is just a
number such as ``-12``) are written as numbers. Characters that XML 1.0
cannot hold (control characters other than tab and line breaks) are written
as U+FFFD in Excel, GEXF and GraphML files. Files are written next to their target and
renamed into place, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from ..graph.cells import neutralise_reversibly
from ..graph.errors import MaillageError
from ..graph.model import Actor, Network, Tie
from .cell_values import XML_ILLEGAL, format_number

FORMATS = ("csv", "xlsx", "gexf", "graphml")

ACTOR_COLUMNS = ("id", "name", "sector", "territory", "kind", "city", "lat", "lon", "joined")
TIE_COLUMNS = (
    "source",
    "target",
    "kind",
    "weight",
    "since",
    "until",
    "directed",
    "note",
    "ref",
    "activities",
)
NUMERIC_COLUMNS = frozenset({"lat", "lon", "weight"})
LIST_COLUMNS = frozenset({"territory", "activities"})
"""Cells holding several values separated by ``|``; the loaders read each value on its own."""


def write(network: Network, fmt: str, path: Path | str) -> list[Path]:
    """Write ``network`` in ``fmt`` to ``path``; return the files written."""
    target = Path(path)
    if fmt == "csv":
        return _write_csv(network, target)
    writers: dict[str, Callable[[Network, Path], None]] = {
        "xlsx": _write_xlsx,
        "gexf": _write_gexf,
        "graphml": _write_graphml,
    }
    if fmt not in writers:
        raise MaillageError(f"unknown export format {fmt!r} (expected {', '.join(FORMATS)})")
    if target.is_dir():
        raise MaillageError(f"{target} is a folder; {fmt} export writes one file")
    with _atomic([target]) as (temporary,):
        writers[fmt](network, temporary)
    return [target]


def network_actors(network: Network) -> list[Actor]:
    """The territory's actors, then the outside ones, each once."""
    seen: dict[str, Actor] = {}
    for actor in (*network.actors, *network.outside):
        seen.setdefault(actor.id, actor)
    return list(seen.values())


def attribute_names(actors: Sequence[Actor]) -> list[str]:
    """Every attribute name used, sorted; names that clash with a column are left out."""
    reserved = set(ACTOR_COLUMNS) | {"label"}
    names = {k for a in actors for k in a.attributes}
    return sorted(n for n in names if n.strip().casefold() not in reserved)


def actor_row(actor: Actor, extra: Sequence[str]) -> list[Any]:
    """An actor's cells in ``ACTOR_COLUMNS`` order then ``extra`` attributes (typed values)."""
    return [
        actor.id,
        actor.name,
        actor.sector.value,
        "|".join(actor.territories),
        actor.kind,
        actor.city,
        actor.lat,
        actor.lon,
        actor.joined,
        *(actor.attributes.get(name) for name in extra),
    ]


def tie_row(tie: Tie) -> list[Any]:
    """A tie's cells in ``TIE_COLUMNS`` order (typed values)."""
    return [
        tie.source,
        tie.target,
        tie.kind.value,
        tie.weight,
        tie.since,
        tie.until,
        tie.directed,
        tie.note,
        tie.ref,
        "|".join(tie.activities) or None,
    ]


def text(value: Any) -> str:
    """A value as the loaders read it back: ISO dates, true/false, shortest numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _spreadsheet_cells(row: list[Any], header: Sequence[str]) -> list[Any]:
    return [_spreadsheet_cell(name, v) for name, v in zip(header, row, strict=True)]


def _spreadsheet_cell(name: str, value: Any) -> Any:
    if name in NUMERIC_COLUMNS or not isinstance(value, str):
        return value
    if name in LIST_COLUMNS:  # each value is unescaped on its own, so each is escaped
        return "|".join(map(neutralise_reversibly, value.split("|")))
    return neutralise_reversibly(value)


def _spreadsheet_header(header: Sequence[str]) -> list[str]:
    """Column names, neutralised too: attribute names come from the data."""
    return [neutralise_reversibly(name) for name in header]


def xml_text(value: str) -> str:
    """``value`` with each character that XML (so Excel) cannot hold shown as U+FFFD."""
    return XML_ILLEGAL.sub("\ufffd", value)


# CSV ---------------------------------------------------------------------------------------------


def _write_csv(network: Network, folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise MaillageError(
            f"{folder} is a file; csv export writes a folder (actors.csv, ties.csv)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    actors = network_actors(network)
    extra = attribute_names(actors)
    tables = {
        "actors.csv": ([*ACTOR_COLUMNS, *extra], [actor_row(a, extra) for a in actors]),
        "ties.csv": (list(TIE_COLUMNS), [tie_row(t) for t in network.ties]),
    }
    written = [folder / name for name in tables]
    with _atomic(written) as temporaries:
        for temporary, (header, rows) in zip(temporaries, tables.values(), strict=True):
            with open(temporary, "w", encoding="utf-8", newline="") as handle:
                out = csv.writer(handle, lineterminator="\n")
                out.writerow(_spreadsheet_header(header))
                out.writerows([text(v) for v in _spreadsheet_cells(r, header)] for r in rows)
    return written


# Excel -------------------------------------------------------------------------------------------


def _write_xlsx(network: Network, path: Path) -> None:
    from openpyxl import Workbook

    def cell(value: Any) -> Any:
        if isinstance(value, str):
            return xml_text(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        return value

    actors = network_actors(network)
    extra = attribute_names(actors)
    book = Workbook(write_only=True)
    for title, header, rows in (
        ("actors", [*ACTOR_COLUMNS, *extra], (actor_row(a, extra) for a in actors)),
        ("ties", list(TIE_COLUMNS), (tie_row(t) for t in network.ties)),
    ):
        sheet = book.create_sheet(title)
        sheet.append([cell(name) for name in _spreadsheet_header(header)])
        for row in rows:
            sheet.append([cell(v) for v in _spreadsheet_cells(row, header)])
    book.save(path)


# GEXF and GraphML --------------------------------------------------------------------------------

_NODE_ATTRIBUTES = (
    ("sector", "string"),
    ("territory", "string"),
    ("kind", "string"),
    ("city", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("joined", "string"),
)
_EDGE_ATTRIBUTES = (
    ("kind", "string"),
    ("since", "string"),
    ("until", "string"),
    ("directed", "boolean"),
    ("note", "string"),
    ("ref", "string"),
    ("activities", "string"),
)


def _node_values(actor: Actor, extra: Sequence[str]) -> Iterator[tuple[str, str]]:
    row = actor_row(actor, extra)
    names = ACTOR_COLUMNS[2:] + tuple(extra)
    for name, value in zip(names, row[2:], strict=True):
        if value is not None and value != "":
            yield name, text(value)


def _edge_values(tie: Tie) -> Iterator[tuple[str, str]]:
    values = dict(zip(TIE_COLUMNS, tie_row(tie), strict=True))
    for name, _ in _EDGE_ATTRIBUTES:
        if values[name] is not None:
            yield name, text(values[name])


def _write_gexf(network: Network, path: Path) -> None:
    actors = network_actors(network)
    extra = attribute_names(actors)
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "Maillage"
    ET.SubElement(meta, "description").text = network.territory
    directed = _all_directed(network)
    graph = ET.SubElement(
        root,
        "graph",
        {"mode": "static", "defaultedgetype": "directed" if directed else "undirected"},
    )
    for kind, declared in (
        ("node", [*_NODE_ATTRIBUTES, *((n, "string") for n in extra)]),
        ("edge", _EDGE_ATTRIBUTES),
    ):
        block = ET.SubElement(graph, "attributes", {"class": kind, "mode": "static"})
        for name, type_ in declared:
            ET.SubElement(block, "attribute", {"id": name, "title": name, "type": type_})
    nodes = ET.SubElement(graph, "nodes")
    for actor in actors:
        node = ET.SubElement(nodes, "node", {"id": actor.id, "label": actor.name})
        values = ET.SubElement(node, "attvalues")
        for name, value in _node_values(actor, extra):
            ET.SubElement(values, "attvalue", {"for": name, "value": value})
    edges = ET.SubElement(graph, "edges")
    for number, tie in enumerate(network.ties):
        attributes = {
            "id": str(number),
            "source": tie.source,
            "target": tie.target,
            "kind": tie.kind.value,
            "weight": text(tie.weight),
        }
        if tie.directed != directed:
            attributes["type"] = "directed" if tie.directed else "undirected"
        edge = ET.SubElement(edges, "edge", attributes)
        values = ET.SubElement(edge, "attvalues")
        for name, value in _edge_values(tie):
            ET.SubElement(values, "attvalue", {"for": name, "value": value})
    _save_xml(root, path)


def _write_graphml(network: Network, path: Path) -> None:
    actors = network_actors(network)
    extra = attribute_names(actors)
    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    keys: dict[tuple[str, str], str] = {}
    declared = [
        ("node", "label", "string"),
        *(("node", n, t) for n, t in _NODE_ATTRIBUTES),
        *(("node", n, "string") for n in extra),
        ("edge", "weight", "double"),
        *(("edge", n, t) for n, t in _EDGE_ATTRIBUTES),
    ]
    for number, (domain, name, type_) in enumerate(declared):
        key = keys[domain, name] = f"d{number}"
        ET.SubElement(
            root,
            "key",
            {"id": key, "for": domain, "attr.name": name, "attr.type": type_},
        )
    directed = _all_directed(network)
    graph = ET.SubElement(
        root,
        "graph",
        {"id": network.territory, "edgedefault": "directed" if directed else "undirected"},
    )
    for actor in actors:
        node = ET.SubElement(graph, "node", {"id": actor.id})
        ET.SubElement(node, "data", {"key": keys["node", "label"]}).text = actor.name
        for name, value in _node_values(actor, extra):
            ET.SubElement(node, "data", {"key": keys["node", name]}).text = value
    for number, tie in enumerate(network.ties):
        attributes = {"id": f"e{number}", "source": tie.source, "target": tie.target}
        if tie.directed != directed:
            attributes["directed"] = "true" if tie.directed else "false"
        edge = ET.SubElement(graph, "edge", attributes)
        ET.SubElement(edge, "data", {"key": keys["edge", "weight"]}).text = text(tie.weight)
        for name, value in _edge_values(tie):
            ET.SubElement(edge, "data", {"key": keys["edge", name]}).text = value
    _save_xml(root, path)


def _all_directed(network: Network) -> bool:
    """True when every tie is directed (then the graph's default edge type is directed)."""
    return bool(network.ties) and all(t.directed for t in network.ties)


def _save_xml(root: ET.Element, path: Path) -> None:
    for element in root.iter():
        for name, value in element.attrib.items():
            element.set(name, xml_text(value))
        if element.text:
            element.text = xml_text(element.text)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="UTF-8", xml_declaration=True)


@contextmanager
def _atomic(paths: Sequence[Path]) -> Iterator[list[Path]]:
    """Temporary files beside ``paths``, renamed onto them only if the block succeeds."""
    temporaries = []
    try:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            temporaries.append(Path(name))
        yield temporaries
        for temporary, path in zip(temporaries, paths, strict=True):
            os.replace(temporary, path)
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)
