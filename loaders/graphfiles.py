"""GEXF and GraphML files, as Gephi exports them.

Nodes become actors: the node ``label`` (GEXF) or the ``label``/``name``
attribute is the name (the id when there is none, as Gephi shows it);
attributes ``sector``, ``territory`` (several separated by ``|``),
``kind``, ``city``, ``lat``/``latitude``, ``lon``/``longitude`` and
``joined`` are the actor's fields, any other attribute is kept, except
Gephi's drawing attributes (``x``, ``y``, ``size``, colours). Edges become
ties: ``kind``, ``weight``, ``since``, ``until``, ``directed``, ``note``,
``ref``, ``activities`` attributes; the GEXF edge ``weight`` and ``type`` and
the GraphML ``directed`` are honoured too.

Values are taken as they are (trimmed): unlike CSV and Excel cells, a leading
``'`` is data here, since the GEXF and GraphML exports never add one.

A mapping file applies as to tables: ``[columns]`` names the attribute that
holds a field (``sector = "Type"``), ``[attributes]`` keeps only the
attributes it names, and ``null``, ``normalise_spaces`` and ``[extract]``
clean the values. What cannot apply (``id``, ``source``, ``target``, keys of
several columns, participation attributes: node ids and edge ends are the
file's own) is a problem, never silently ignored.

Parallel edges (the same two nodes, kind and direction) are one tie whose
weight is the sum of theirs, as Gephi does; self-loops are dropped. Both are
counted in a warning.

The XML is parsed with expat directly, which reports each element's line.
A document type declaration is refused outright, so no entity can be
declared, expanded or fetched (billion laughs, external entities).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from ..graph.model import Tie, TieIdentity, fold
from ..graph.problem_text import (
    CANNOT_READ,
    DOCTYPE_REFUSED,
    EMPTY_DOCUMENT,
    EMPTY_FILE,
    GRAPH_ATTRIBUTE_MISSING,
    GRAPH_NO_PARTICIPATIONS,
    GRAPH_OWN_IDS,
    GRAPH_OWN_NODE_IDS,
    JOINED_KEYS_IN_TABLES,
    NO_GRAPH_ELEMENT,
    NOT_A_GRAPH_DOCUMENT,
    NOT_WELL_FORMED,
    XML_ENCODING,
    render,
)
from ..graph.warning_text import (
    IGNORED_EDGE_ATTRIBUTES,
    NO_NODES_NO_EDGES,
    PARALLEL_EDGES,
    SELF_LOOPS,
    render_count,
)
from .builder import DatasetBuilder
from .cleaning import clean_value
from .limits import FileLimits, cell_too_long, too_many_rows
from .mapping import TableSpec
from .row_parsers import ActorParser, TieParser
from .validate import ProblemLog

ACTOR_ATTRIBUTE_FIELDS = {
    "sector": "sector",
    "territory": "territory",
    "kind": "kind",
    "city": "city",
    "lat": "lat",
    "latitude": "lat",
    "lon": "lon",
    "longitude": "lon",
    "joined": "joined",
    "label": "name",
    "name": "name",
}
TIE_ATTRIBUTE_FIELDS = {
    f: f for f in ("kind", "weight", "since", "until", "directed", "note", "ref", "activities")
}
DRAWING_ATTRIBUTES = frozenset({"x", "y", "z", "r", "g", "b", "size", "color", "colour"})
NODE_FIELDS = frozenset(ACTOR_ATTRIBUTE_FIELDS.values())
FILE_OWN_FIELDS = ("id", "source", "target", "actor", "activity", "activity_name", "date")


@dataclass
class Element:
    """An XML element with its local tag name and the line of its start tag."""

    tag: str
    attrib: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> Iterator[Element]:
        return (child for child in self.children if child.tag == tag)

    def iter(self, tag: str) -> Iterator[Element]:
        """Descendants named ``tag``, in document order (no recursion: nesting may be deep)."""
        stack = list(reversed(self.children))
        while stack:
            element = stack.pop()
            if element.tag == tag:
                yield element
            stack.extend(reversed(element.children))


class _Refused(Exception):
    pass


class _TooLong(Exception):
    def __init__(self, line: int, size: int) -> None:
        self.line, self.size = line, size


def parse_xml(data: bytes, *, max_text: int | None = None) -> Element:
    """Parse ``data`` into :class:`Element` objects; ``ValueError`` names the line on failure.

    Text arrives from expat in pieces (one per line, at least): the pieces of
    each element are kept in a list and joined once at its end tag, so a long
    multi-line value costs time in proportion to its length. An attribute or a
    text value longer than ``max_text`` characters raises ``TextTooLong``.
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = Element("", {}, 0)
    stack = [root]
    pieces: list[list[str]] = [[]]
    sizes = [0]
    longest = max_text if max_text is not None else -1

    def refuse(*_: object) -> NoReturn:
        raise _Refused

    def start(name: str, attrs: dict[str, str]) -> None:
        line = parser.CurrentLineNumber
        if longest >= 0:
            size = max(map(len, attrs.values()), default=0)
            if size > longest:
                raise _TooLong(line, size)
        element = Element(name.rpartition(":")[2], attrs, line)
        stack[-1].children.append(element)
        stack.append(element)
        pieces.append([])
        sizes.append(0)

    def end(_: str) -> None:
        element = stack.pop()
        parts = pieces.pop()
        sizes.pop()
        if parts:
            element.text = "".join(parts)

    def text(data: str) -> None:
        pieces[-1].append(data)
        sizes[-1] += len(data)
        if 0 <= longest < sizes[-1]:
            raise _TooLong(stack[-1].line, sizes[-1])

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except _TooLong as too_long:
        raise TextTooLong(too_long.line, too_long.size) from None
    except _Refused:
        raise ValueError(f"line {parser.CurrentLineNumber}: {DOCTYPE_REFUSED}") from None
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise ValueError(f"line {exc.lineno}: {render(NOT_WELL_FORMED, reason=message)}") from None
    except (LookupError, UnicodeError) as exc:
        line = parser.CurrentLineNumber
        raise ValueError(f"line {line}: {render(XML_ENCODING, reason=exc)}") from None
    if not root.children:
        raise ValueError(EMPTY_DOCUMENT)
    return root.children[0]


class TextTooLong(ValueError):
    """An attribute or a text value of an XML file is longer than allowed."""

    def __init__(self, line: int, size: int) -> None:
        super().__init__(f"line {line}: a value of {size:,} characters")
        self.line, self.size = line, size


@dataclass
class _Item:
    """A node or an edge: its XML attributes and its attribute values by lower-case title."""

    element: Element
    values: dict[str, str]
    titles: dict[str, str]


def read_graph_file(
    path: Path,
    label: str,
    spec: TableSpec,
    builder: DatasetBuilder,
    warnings: list[str],
    limits: FileLimits | None = None,
) -> int:
    """Read a ``.gexf`` or ``.graphml`` file into ``builder``; return its node and edge count."""
    log = builder.log
    limits = limits or FileLimits()
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.add(label, None, None, render(CANNOT_READ, reason=exc.strerror or exc))
        return 0
    if not data.strip():
        log.add(label, None, None, EMPTY_FILE)
        return 0
    try:
        root = parse_xml(data, max_text=limits.cell_chars)
    except TextTooLong as exc:
        cell_too_long(label, exc.line, None, exc.size, limits, log)
        return 0
    except ValueError as exc:
        where, _, message = str(exc).partition(": ")
        line = int(where.removeprefix("line ")) if where.startswith("line ") else None
        log.add(label, line, None, message if line is not None else str(exc))
        return 0
    if root.tag in ("gexf", "graphml") and next(root.find("graph"), None) is None:
        message = render(NO_GRAPH_ELEMENT, tag=root.tag)
        log.add(label, root.line, None, message)
        return 0
    if root.tag == "gexf":
        nodes, edges, directed_default = _gexf_items(root)
    elif root.tag == "graphml":
        nodes, edges, directed_default = _graphml_items(root)
    else:
        log.add(label, root.line, None, render(NOT_A_GRAPH_DOCUMENT, tag=root.tag))
        return 0
    if len(nodes) + len(edges) > limits.file_rows:
        too_many_rows(label, None, limits, log)
        return 0
    if not nodes and not edges:
        warnings.append(render(NO_NODES_NO_EDGES, file=label))
    if not _mapping_applies(spec, nodes, edges, label, log):
        return 0
    _add_nodes(nodes, label, spec, builder)
    _add_edges(edges, directed_default, label, spec, builder, warnings)
    return len(nodes) + len(edges)


def _mapping_applies(
    spec: TableSpec, nodes: list[_Item], edges: list[_Item], label: str, log: ProblemLog
) -> bool:
    """Report each part of the mapping that cannot apply to this graph file."""
    before = len(log)
    for name in FILE_OWN_FIELDS:
        if name in spec.columns:
            log.add(
                label,
                None,
                f"columns.{name}",
                GRAPH_OWN_IDS,
            )
    for name in spec.joined:
        log.add(label, None, f"columns.{name}", JOINED_KEYS_IN_TABLES)
    if spec.participation_attributes:
        log.add(label, None, "participation_attributes", GRAPH_NO_PARTICIPATIONS)
    if spec.ids_ignore_case:
        log.add(label, None, "ids_ignore_case", GRAPH_OWN_NODE_IDS)
    titles = {"node": set[str](), "edge": set[str]()}
    for kind, items in (("node", nodes), ("edge", edges)):
        for item in items:
            titles[kind].update(item.values)
    titles["node"].update(("label", "name"))
    for name, column in spec.columns.items():
        kind = "node" if name in NODE_FIELDS else "edge"
        if name not in FILE_OWN_FIELDS and fold(column) not in titles[kind]:
            log.add(label, None, column, render(GRAPH_ATTRIBUTE_MISSING, kind=kind))
    for column in (spec.attributes or {}).values():
        if fold(column) not in titles["node"]:
            log.add(label, None, column, render(GRAPH_ATTRIBUTE_MISSING, kind="node"))
    return len(log) == before


def _fields_of(defaults: dict[str, str], spec: TableSpec, own: frozenset[str]) -> dict[str, str]:
    """Folded attribute title → field: the defaults, overridden by the mapping's ``[columns]``."""
    named = {name: column for name, column in spec.columns.items() if name in own}
    fields = {title: name for title, name in defaults.items() if name not in named}
    fields.update((fold(column), name) for name, column in named.items())
    return fields


def _gexf_items(root: Element) -> tuple[list[_Item], list[_Item], bool]:
    graph = next(root.find("graph"), Element("graph", {}, root.line))
    titles: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in graph.find("attributes"):
        kind = block.attrib.get("class", "node")
        for attribute in block.find("attribute"):
            key = attribute.attrib.get("id", "")
            title = attribute.attrib.get("title") or key
            titles.setdefault(kind, {})[key] = title
            for default in attribute.find("default"):
                defaults.setdefault(kind, {})[fold(title)] = default.text.strip()

    def item(element: Element, kind: str) -> _Item:
        values = dict(defaults[kind])
        shown = {fold(t): t for t in titles[kind].values()}
        for block in element.find("attvalues"):
            for value in block.find("attvalue"):
                key = value.attrib.get("for") or value.attrib.get("id", "")
                title = titles[kind].get(key, key)
                shown[fold(title)] = title
                values[fold(title)] = value.attrib.get("value", "")
        return _Item(element, values, shown)

    nodes = [item(n, "node") for n in graph.iter("node")]
    edges = [item(e, "edge") for e in graph.iter("edge")]
    directed = graph.attrib.get("defaultedgetype", "undirected").strip().lower() == "directed"
    return nodes, edges, directed


def _graphml_items(root: Element) -> tuple[list[_Item], list[_Item], bool]:
    names: dict[str, str] = {}
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for key in root.iter("key"):
        name = key.attrib.get("attr.name") or key.attrib.get("id", "")
        names[key.attrib.get("id", "")] = name
        for default in key.find("default"):
            for domain in ("node", "edge"):
                if key.attrib.get("for", "all") in (domain, "all"):
                    defaults[domain][fold(name)] = default.text.strip()
    graph = next(root.find("graph"), Element("graph", {}, root.line))

    def item(element: Element, kind: str) -> _Item:
        values = dict(defaults[kind])
        shown = {fold(n): n for n in names.values()}
        for data in element.find("data"):
            name = names.get(data.attrib.get("key", ""), data.attrib.get("key", ""))
            shown[fold(name)] = name
            values[fold(name)] = data.text.strip()
        return _Item(element, values, shown)

    nodes = [item(n, "node") for n in graph.iter("node")]
    edges = [item(e, "edge") for e in graph.iter("edge")]
    directed = graph.attrib.get("edgedefault", "undirected").strip().lower() == "directed"
    return nodes, edges, directed


def _add_nodes(nodes: list[_Item], label: str, spec: TableSpec, builder: DatasetBuilder) -> None:
    field_of = _fields_of(ACTOR_ATTRIBUTE_FIELDS, spec, NODE_FIELDS)
    kept = {fold(column): name for name, column in (spec.attributes or {}).items()}
    columns = {"id": "id", "name": "label"}
    for item in nodes:
        for key, name in field_of.items():
            if key in item.values:
                columns.setdefault(name, item.titles.get(key, key))
    parser = ActorParser(spec, label, columns, builder.log, escapes=False)
    builder.columns[label] = {**builder.columns.get(label, {}), **columns}
    skip = builder.skip.get(label, ())
    for item in nodes:
        line = item.element.line
        actor_id = item.element.attrib.get("id", "")
        if line in skip:
            builder.set_aside((label, line), _cells(item, "id"), actor_id.strip())
            continue
        fields: dict[str, str] = {}
        attributes: dict[str, str] = {}
        cleaning = bool(spec.nulls or spec.normalise_spaces or spec.extracts or spec.field_nulls)
        for key, value in item.values.items():
            field_name = field_of.get(key)
            if cleaning:
                title = item.titles.get(key, key)
                value = _cleaned(spec, field_name, value, label, line, title, parser)
            if field_name is not None:
                fields.setdefault(field_name, value)
            elif kept:
                if key in kept:
                    attributes[kept[key]] = value.strip()
            elif key not in DRAWING_ATTRIBUTES:
                attributes[item.titles.get(key, key)] = value.strip()
        named_label = "name" in spec.columns
        xml_label = "" if named_label else item.element.attrib.get("label", "")
        name = xml_label or fields.pop("name", "") or actor_id
        fields.pop("name", None)
        actor = parser.parse(
            line,
            actor_id,
            name,
            fields.get("sector", ""),
            fields.get("territory", ""),
            fields.get("kind", ""),
            fields.get("city", ""),
            fields.get("lat", ""),
            fields.get("lon", ""),
            fields.get("joined", ""),
            attributes=attributes,
        )
        if actor is not None:
            builder.add_actor(actor, (label, line))
        elif actor_id.strip():
            builder.rejected_actors.add(actor_id.strip())


def _add_edges(
    edges: list[_Item],
    directed_default: bool,
    label: str,
    spec: TableSpec,
    builder: DatasetBuilder,
    warnings: list[str],
) -> None:
    columns = {"source": "source", "target": "target"}
    field_of = _fields_of(TIE_ATTRIBUTE_FIELDS, spec, frozenset(TIE_ATTRIBUTE_FIELDS))
    ignored: set[str] = set()
    for item in edges:
        for key in item.values:
            if key in field_of:
                columns.setdefault(field_of[key], item.titles.get(key, key))
            elif key not in DRAWING_ATTRIBUTES and key != "label":
                ignored.add(item.titles.get(key, key))
    if ignored:
        attributes = ", ".join(sorted(ignored))
        warnings.append(render(IGNORED_EDGE_ATTRIBUTES, file=label, attributes=attributes))
    parser = TieParser(spec, label, columns, builder.log, escapes=False)
    builder.columns[label] = {**builder.columns.get(label, {}), **columns}
    skip = builder.skip.get(label, ())
    merged: dict[TieIdentity, tuple[Tie, int]] = {}
    parallel = 0
    loops: list[int] = []
    for item in edges:
        xml, line = item.element.attrib, item.element.line
        if line in skip:
            builder.set_aside((label, line), _cells(item, "source", "target"))
            continue
        end = xml.get("source", "").strip()
        if end and end == xml.get("target", "").strip():
            loops.append(line)
            continue
        values = {field_of[k]: v for k, v in item.values.items() if k in field_of}
        if spec.nulls or spec.normalise_spaces or spec.extracts:
            try:
                values = {k: clean_value(spec, k, v) for k, v in values.items()}
            except ValueError as exc:
                builder.log.add(label, line, None, str(exc))
                continue
        if "directed" in values:
            directed = values["directed"]
        elif "type" in xml:
            directed = "true" if xml["type"].strip().lower() == "directed" else "false"
        elif "directed" in xml:
            directed = xml["directed"]
        else:
            directed = "true" if directed_default else "false"
        tie = parser.parse(
            item.element.line,
            xml.get("source", ""),
            xml.get("target", ""),
            values.get("kind", ""),
            values.get("weight", xml.get("weight", "")),
            values.get("since", ""),
            values.get("until", ""),
            directed,
            values.get("note", ""),
            values.get("ref", ""),
            values.get("activities", ""),
        )
        if tie is None:
            continue
        identity = tie.identity
        first = merged.get(identity)
        if first is None:
            merged[identity] = (tie, line)
        else:
            parallel += 1
            merged[identity] = (_summed(first[0], tie), first[1])
    for tie, line in merged.values():
        builder.add_tie(tie, (label, line))
    if parallel:
        warnings.append(render_count(PARALLEL_EDGES, parallel, file=label))
    if loops:
        shown = ", ".join(map(str, loops[:10])) + (", …" if len(loops) > 10 else "")
        warnings.append(render_count(SELF_LOOPS, len(loops), file=label, lines=shown))


def _summed(first: Tie, other: Tie) -> Tie:
    """Two parallel edges as one tie: weights added, the widest dates, the first note and ref."""
    since = min((d for d in (first.since, other.since) if d is not None), default=None)
    ends = first.until, other.until
    until = None if ends[0] is None or ends[1] is None else max(ends[0], ends[1])
    return replace(
        first,
        weight=first.weight + other.weight,
        since=since,
        until=until,
        note=first.note or other.note,
        ref=first.ref or other.ref,
        activities=tuple(sorted({*first.activities, *other.activities})),
    )


def _cleaned(
    spec: TableSpec,
    field: str | None,
    value: str,
    label: str,
    line: int,
    title: str,
    parser: ActorParser,
) -> str:
    """``value`` cleaned as the mapping says; a failed extract is a problem of the node."""
    try:
        return clean_value(spec, field, value)
    except ValueError as exc:
        parser.problem(line, title, str(exc))
        return ""


def _cells(item: _Item, *keys: str) -> list[str]:
    """A node's or edge's values as cells: its ids, then ``name=value`` for each value."""
    xml = item.element.attrib
    return [xml.get(k, "") for k in keys] + [
        f"{item.titles.get(k, k)}={v}" for k, v in item.values.items()
    ]
