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

The XML is parsed with expat directly, which reports each element's line.
A document type declaration is refused outright, so no entity can be
declared, expanded or fetched (billion laughs, external entities).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from ..graph.model import fold
from .builder import DatasetBuilder
from .mapping import TableSpec
from .row_parsers import ActorParser, TieParser

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


def parse_xml(data: bytes) -> Element:
    """Parse ``data`` into :class:`Element` objects; ``ValueError`` names the line on failure."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = Element("", {}, 0)
    stack = [root]

    def refuse(*_: object) -> None:
        raise _Refused

    def start(name: str, attrs: dict[str, str]) -> None:
        element = Element(name.rpartition(":")[2], attrs, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)

    def end(_: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        stack[-1].text += data

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except _Refused:
        raise ValueError(
            f"line {parser.CurrentLineNumber}: document type declarations (DOCTYPE, ENTITY) "
            "are refused for safety"
        ) from None
    except expat.ExpatError as exc:
        message = expat.ErrorString(exc.code)
        raise ValueError(f"line {exc.lineno}: not well-formed XML: {message}") from None
    except (LookupError, UnicodeError) as exc:
        line = parser.CurrentLineNumber
        raise ValueError(
            f"line {line}: unsupported encoding in the XML declaration: {exc}"
        ) from None
    if not root.children:
        raise ValueError("empty document")
    return root.children[0]


@dataclass
class _Item:
    """A node or an edge: its XML attributes and its attribute values by lower-case title."""

    element: Element
    values: dict[str, str]
    titles: dict[str, str]


def read_graph_file(
    path: Path, label: str, spec: TableSpec, builder: DatasetBuilder, warnings: list[str]
) -> int:
    """Read a ``.gexf`` or ``.graphml`` file into ``builder``; return its node and edge count."""
    log = builder.log
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.add(label, None, None, f"cannot read: {exc.strerror or exc}")
        return 0
    if not data.strip():
        log.add(label, None, None, "empty file")
        return 0
    try:
        root = parse_xml(data)
    except ValueError as exc:
        where, _, message = str(exc).partition(": ")
        line = int(where.removeprefix("line ")) if where.startswith("line ") else None
        log.add(label, line, None, message if line is not None else str(exc))
        return 0
    if root.tag == "gexf":
        nodes, edges, directed_default = _gexf_items(root)
    elif root.tag == "graphml":
        nodes, edges, directed_default = _graphml_items(root)
    else:
        log.add(
            label, root.line, None, f"expected a <gexf> or <graphml> document, got <{root.tag}>"
        )
        return 0
    if not nodes and not edges:
        warnings.append(f"{label}: no nodes and no edges")
    _add_nodes(nodes, label, spec, builder)
    _add_edges(edges, directed_default, label, spec, builder, warnings)
    return len(nodes) + len(edges)


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
    columns = {"id": "id", "name": "label"}
    for item in nodes:
        for key, name in ACTOR_ATTRIBUTE_FIELDS.items():
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
        for key, value in item.values.items():
            name = ACTOR_ATTRIBUTE_FIELDS.get(key)
            if name is not None:
                fields.setdefault(name, value)
            elif key not in DRAWING_ATTRIBUTES:
                attributes[item.titles.get(key, key)] = value.strip()
        name = item.element.attrib.get("label") or fields.pop("name", "") or actor_id
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
    ignored: set[str] = set()
    for item in edges:
        for key in item.values:
            if key in TIE_ATTRIBUTE_FIELDS:
                columns.setdefault(key, item.titles.get(key, key))
            elif key not in DRAWING_ATTRIBUTES and key != "label":
                ignored.add(item.titles.get(key, key))
    if ignored:
        warnings.append(f"{label}: ignored edge attributes: {', '.join(sorted(ignored))}")
    parser = TieParser(spec, label, columns, builder.log, escapes=False)
    builder.columns[label] = {**builder.columns.get(label, {}), **columns}
    skip = builder.skip.get(label, ())
    for item in edges:
        xml, values = item.element.attrib, item.values
        if item.element.line in skip:
            builder.set_aside((label, item.element.line), _cells(item, "source", "target"))
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
        if tie is not None:
            builder.add_tie(tie, (label, item.element.line))


def _cells(item: _Item, *keys: str) -> list[str]:
    """A node's or edge's values as cells: its ids, then ``name=value`` for each value."""
    xml = item.element.attrib
    return [xml.get(k, "") for k in keys] + [
        f"{item.titles.get(k, k)}={v}" for k, v in item.values.items()
    ]
