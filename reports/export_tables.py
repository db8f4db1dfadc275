"""Analytics results as flat tables: the rows and columns that CSV and XLSX exports hold.

Every kind has one *flat* table (the CSV file) and a list of *sheets* (the
XLSX workbook). Values stay raw here (numbers, ``None``, text); the writers
make them safe with :func:`maillage.reports.safe.cell`.

- ``report``: one row per actor; brokerage roles as ``brokerage_<role>`` columns.
- ``gaps``: one row per sector pair and suggested introduction, like a SQL
  left join: a pair's observed / expected / z, whether it is a gap, its
  bridges, then one suggested introduction for that pair (a pair with none
  has one row with empty introduction columns, a pair with three has three).
- ``compare``: one row per indicator, a column per territory (raw values),
  then a column per territory with the size-normalised values.
- ``bridges``: one row per bridge gained or lost, ``change`` saying which.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from maillage.graph.vocabulary import ACTOR_METRICS, ROLES, sector_sort_key

from .labels import NETWORK_LABELS, label
from .safe import scalar

ACTOR_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "sector",
    "community",
    *ACTOR_METRICS,
    *(f"brokerage_{role}" for role in ROLES),
)

INTRODUCTION_COLUMNS: tuple[str, ...] = (
    "source_id",
    "source_name",
    "source_sector",
    "target_id",
    "target_name",
    "target_sector",
    "score",
    "distance",
    "shared_partners",
    "reason",
)

PAIR_COLUMNS: tuple[str, ...] = (
    "sector_a",
    "sector_b",
    "observed",
    "expected",
    "z",
    "gap",
    "fragile",
    "bridges",
)

STATS: tuple[str, ...] = ("observed", "expected", "z")


@dataclass(frozen=True)
class ExportTable:
    """A named table: a CSV file or an XLSX sheet. ``row_labels``: column A names the rows.

    ``chart`` (``"bar"`` or ``"line"``) asks the workbook for a native chart
    of the table: column A as categories, every other column a series.
    """

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    row_labels: bool = False
    chart: str | None = None
    chart_title: str | None = None


# Records


def name_of(item: Any) -> Any:
    """The display name of an actor-like record, else the item itself."""
    if isinstance(item, Mapping):
        return item.get("name") or item.get("id") or ""
    return scalar(item)


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """One level of columns from a nested record: ``{"a": {"b": 1}}`` gives ``{"a_b": 1}``.

    A list of records becomes the list of their names.

    >>> flatten({"id": "a1", "brokerage": {"liaison": 2}, "bridges": [{"name": "X"}]})
    {'id': 'a1', 'brokerage_liaison': 2, 'bridges': ['X']}
    """
    flat: dict[str, Any] = {}
    for key, value in record.items():
        column = f"{prefix}{key}"
        value = scalar(value)
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{column}_"))
        elif isinstance(value, list | tuple) and any(isinstance(v, Mapping) for v in value):
            flat[column] = [name_of(v) for v in value]
        else:
            flat[column] = value
    return flat


def records_table(
    name: str, records: Iterable[Mapping[str, Any]], preferred: Sequence[str] = ()
) -> ExportTable:
    """A table of flattened records: the ``preferred`` columns first, then the others as met."""
    flat = [flatten(r) if isinstance(r, Mapping) else {"value": scalar(r)} for r in records]
    if not flat:
        return ExportTable(name, tuple(preferred))
    seen = dict.fromkeys(c for c in preferred if any(c in f for f in flat))
    for f in flat:
        seen.update(dict.fromkeys(f))
    columns = tuple(seen)
    return ExportTable(name, columns, [tuple(f.get(c) for c in columns) for f in flat])


def key_values(name: str, pairs: Iterable[tuple[str, Any]], header: str = "key") -> ExportTable:
    return ExportTable(name, (header, "value"), [(k, v) for k, v in pairs], row_labels=True)


def method_rows(method: Mapping[str, Any] | None) -> list[tuple[str, Any]]:
    """The method notes as (key, value) rows; one row per reference."""
    rows: list[tuple[str, Any]] = []
    for key, value in (method or {}).items():
        if key == "references" and isinstance(value, list | tuple):
            rows.extend(("reference", ref) for ref in value)
        elif isinstance(value, Mapping):
            rows.extend(flatten(value, f"{key}_").items())
        else:
            rows.append((key, value))
    return rows


# Sector mixing


def mixing_cells(
    mixing: Any,
) -> tuple[list[str], dict[tuple[str, str], dict[str, Any]]]:
    """Sectors and ``{(a, b): {"observed", "expected", "z"}}`` from a sector-mixing result.

    ``mixing`` is the matrices form that both ``territory_report``'s
    ``sector_mixing`` and ``gap_report`` use: ``{"groups": [...]`` (``"sectors"``
    in a gap report) ``, "observed": {a: {b: n}}, "expected": ..., "z": ...}``.

    >>> mixing_cells({"observed": {"public": {"media": 2}}, "z": {"public": {"media": 1.5}}})
    (['public', 'media'], {('public', 'media'): {'observed': 2, 'expected': None, 'z': 1.5}})
    """
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    if isinstance(mixing, Mapping):
        for stat in STATS:
            for a, row in (mixing.get(stat) or {}).items():
                for b, value in row.items():
                    cells.setdefault((a, b), dict.fromkeys(STATS))[stat] = value
    given = (mixing.get("groups") or mixing.get("sectors")) if isinstance(mixing, Mapping) else None
    if isinstance(given, list | tuple):
        sectors = [str(s) for s in given]
    else:
        sectors = sorted({s for pair in cells for s in pair}, key=sector_sort_key)
    return sectors, cells


def sector_pairs(sectors: Sequence[str], cells: Mapping[tuple[str, str], Any]) -> list:
    """Unordered pairs (a before b in ``sectors``) when the matrix is symmetric, else all."""
    symmetric = all(
        (b, a) not in cells or cells[(b, a)].get("observed") == value.get("observed")
        for (a, b), value in cells.items()
    )
    return [
        (a, b)
        for i, a in enumerate(sectors)
        for j, b in enumerate(sectors)
        if (j >= i or not symmetric) and ((a, b) in cells or (b, a) in cells)
    ]


def pair_cell(cells: Mapping, a: str, b: str) -> Mapping[str, Any]:
    """The statistics of the pair ``a``, ``b`` in either order, else ``{}``."""
    return cells.get((a, b)) or cells.get((b, a)) or {}


def mixing_long(name: str, mixing: Any) -> ExportTable:
    sectors, cells = mixing_cells(mixing)
    pairs = sector_pairs(sectors, cells)
    rows = [(a, b, *(pair_cell(cells, a, b).get(s) for s in STATS)) for a, b in pairs]
    return ExportTable(name, ("sector_a", "sector_b", *STATS), rows)


def mixing_matrix(name: str, mixing: Any, stat: str) -> ExportTable:
    sectors, cells = mixing_cells(mixing)
    rows = [(a, *(cells.get((a, b), {}).get(stat) for b in sectors)) for a in sectors]
    return ExportTable(name, ("sector", *sectors), rows, row_labels=True)


# Report


def top_actors(actors: Sequence[Mapping[str, Any]], n: int) -> list[Mapping[str, Any]]:
    """The ``n`` actors of highest betweenness (then degree, then name)."""

    def key(actor: Mapping[str, Any]) -> tuple:
        return (
            -(actor.get("betweenness") or 0),
            -(actor.get("degree") or 0),
            str(actor.get("name")),
        )

    return sorted(actors, key=key)[:n]


def actors_table(report: Mapping[str, Any]) -> ExportTable:
    return records_table("actors", report.get("actors", []), ACTOR_COLUMNS)


def network_indicators(network: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The scalar network indicators, in the order of the data, with their labels."""
    return [(label(k, NETWORK_LABELS), v) for k, v in network.items() if not isinstance(v, Mapping)]


def network_table(report: Mapping[str, Any]) -> ExportTable:
    rows: list[tuple[str, str, Any]] = [
        ("territory", "Territory", report.get("territory")),
        ("as_of", "As of", report.get("as_of")),
    ]
    for key in ("variant", "approximate"):
        if key in report:
            rows.append((key, label(key), report[key]))
    for key, value in (report.get("network") or {}).items():
        if key in ("sector_counts", "ei_by_sector"):
            continue
        if isinstance(value, Mapping):
            rows.extend((k, label(k), v) for k, v in flatten(value, f"{key}_").items())
        else:
            rows.append((key, label(key, NETWORK_LABELS), value))
    return ExportTable("network", ("indicator", "label", "value"), rows, row_labels=True)


def sectors_table(report: Mapping[str, Any]) -> ExportTable | None:
    network = report.get("network") or {}
    counts = network.get("sector_counts") or {}
    ei = network.get("ei_by_sector") or {}
    if not counts and not ei:
        return None
    sectors = sorted({*counts, *ei}, key=sector_sort_key)
    rows = [(s, counts.get(s), ei.get(s)) for s in sectors]
    return ExportTable("sectors", ("sector", "actors", "ei_index"), rows, row_labels=True)


def report_sheets(report: Mapping[str, Any]) -> list[ExportTable]:
    sheets = [network_table(report), actors_table(report)]
    if report.get("sector_mixing"):
        sheets.append(mixing_long("sector_mixing", report["sector_mixing"]))
    sectors = sectors_table(report)
    if sectors is not None:
        sheets.append(sectors)
    if report.get("method"):
        sheets.append(key_values("method", method_rows(report["method"])))
    return sheets


# Gaps


def introductions_table(gaps: Mapping[str, Any]) -> ExportTable:
    records = [{"rank": i, **intro} for i, intro in enumerate(gaps.get("introductions", []), 1)]
    return records_table("introductions", records, ("rank", *INTRODUCTION_COLUMNS))


def gap_list_table(gaps: Mapping[str, Any]) -> ExportTable:
    records = []
    for gap in gaps.get("gaps", []):
        a, b = gap["sectors"]
        rest = {k: v for k, v in gap.items() if k != "sectors"}
        records.append({"sector_a": a, "sector_b": b, **rest})
    return records_table("gaps", records, PAIR_COLUMNS)


def _pair_key(a: Any, b: Any) -> frozenset[str]:
    return frozenset((str(scalar(a)), str(scalar(b))))


def gaps_flat(gaps: Mapping[str, Any]) -> ExportTable:
    """Sector pairs left-joined with the suggested introductions between them."""
    sectors, cells = mixing_cells(gaps)
    gap_of = {_pair_key(*g["sectors"]): g for g in gaps.get("gaps", [])}
    intros_of: dict[frozenset[str], list[Mapping[str, Any]]] = defaultdict(list)
    for intro in gaps.get("introductions", []):
        pair = (intro["source"].get("sector"), intro["target"].get("sector"))
        intros_of[_pair_key(*pair)].append(intro)

    pairs = [tuple(g["sectors"]) for g in gaps.get("gaps", [])]
    pairs += sector_pairs(sectors, cells)
    for intro in gaps.get("introductions", []):
        pairs.append((intro["source"].get("sector"), intro["target"].get("sector")))

    rows: list[tuple[Any, ...]] = []
    done: set[frozenset[str]] = set()
    for a, b in pairs:
        key = _pair_key(a, b)
        if key in done:
            continue
        done.add(key)
        gap = gap_of.get(key)
        stats = pair_cell(cells, a, b) or gap or {}
        pair = (
            a,
            b,
            *(stats.get(s) for s in STATS),
            gap is not None,
            bool(gap.get("fragile")) if gap else None,
            [name_of(x) for x in gap.get("bridges", [])] if gap else None,
        )
        for intro in intros_of.get(key) or [None]:
            flat = flatten(intro) if intro else {}
            rows.append((*pair, *(flat.get(c) for c in INTRODUCTION_COLUMNS)))
    return ExportTable("gaps", (*PAIR_COLUMNS, *INTRODUCTION_COLUMNS), rows)


def gaps_sheets(gaps: Mapping[str, Any]) -> list[ExportTable]:
    sheets = [gap_list_table(gaps), introductions_table(gaps)]
    sheets += [mixing_matrix(stat, gaps, stat) for stat in STATS if gaps.get(stat)]
    if gaps.get("fragile_bridges"):
        sheets.append(records_table("fragile_bridges", gaps["fragile_bridges"], ("id", "name")))
    if gaps.get("method"):
        sheets.append(key_values("method", method_rows(gaps["method"])))
    return sheets


# Compare


def indicators_table(compare: Mapping[str, Any]) -> ExportTable:
    """The comparison's CSV table (see :mod:`maillage.reports.compare_tables`)."""
    from .compare_tables import compare_flat

    return compare_flat(compare)


def compare_sheets(compare: Mapping[str, Any]) -> list[ExportTable]:
    """The comparison's workbook in English (see :mod:`maillage.reports.compare_tables`)."""
    from .compare_tables import compare_sheets as sheets_of

    return sheets_of(compare)


# Bridges


BRIDGE_COLUMNS: tuple[str, ...] = (
    "change",
    "type",
    "id",
    "name",
    "sector",
    "source_id",
    "source_name",
    "source_sector",
    "target_id",
    "target_name",
    "target_sector",
    "sectors",
)


def sector_pair_text(pair: Any) -> str:
    """A pair of sectors as people write it: ``business–public``.

    >>> sector_pair_text(["business", "public"]), sector_pair_text("media")
    ('business–public', 'media')
    """
    if isinstance(pair, list | tuple):
        return "–".join(str(scalar(s)) for s in pair)
    return str(scalar(pair))


def bridge_pairs(sectors: Any) -> list[str]:
    """The sector pairs of a bridge, each as ``a–b``; a flat list of sectors is one pair.

    >>> bridge_pairs([["academic", "business"], ["business", "public"]])
    ['academic–business', 'business–public']
    >>> bridge_pairs(["media", "association"])
    ['media–association']
    """
    if not isinstance(sectors, list | tuple) or not sectors:
        return [] if sectors in (None, [], ()) else [sector_pair_text(sectors)]
    if all(not isinstance(s, list | tuple) for s in sectors):
        return [sector_pair_text(sectors)]
    return [sector_pair_text(pair) for pair in sectors]


def bridge_record(change: str, item: Any) -> dict[str, Any]:
    """One bridge gained or lost as a flat record of :data:`BRIDGE_COLUMNS`."""
    if not isinstance(item, Mapping):
        return {"change": change, "name": scalar(item)}
    record: dict[str, Any] = {"change": change, "type": item.get("type") or "actor"}
    if isinstance(item.get("source"), Mapping) or isinstance(item.get("target"), Mapping):
        record["type"] = item.get("type") or "tie"
        for end in ("source", "target"):
            found = item.get(end) or {}
            for key in ("id", "name", "sector"):
                record[f"{end}_{key}"] = found.get(key) if isinstance(found, Mapping) else None
    else:
        for key in ("id", "name", "sector"):
            record[key] = item.get(key)
    record["sectors"] = "; ".join(bridge_pairs(item.get("sectors")))
    return record


def bridges_table(changes: Mapping[str, Any]) -> ExportTable:
    """One row per bridge gained or lost; sector pairs as ``business–public``."""
    rows = [
        bridge_record(change, item)
        for change in ("gained", "lost")
        for item in changes.get(change, [])
    ]
    return ExportTable(
        "bridges", BRIDGE_COLUMNS, [tuple(r.get(c) for c in BRIDGE_COLUMNS) for r in rows]
    )


def bridge_text(item: Any) -> str:
    """A bridge as a person reads it: ``Name (sector)`` or ``Name – Name`` for a tie."""
    record = bridge_record("", item)
    if record.get("source_name") or record.get("target_name"):
        return f"{record.get('source_name')} – {record.get('target_name')}"
    sector = record.get("sector")
    return f"{record.get('name')} ({sector})" if sector else str(record.get("name"))


def bridges_sheets(changes: Mapping[str, Any]) -> list[ExportTable]:
    period = [("since", changes.get("since")), ("until", changes.get("until"))]
    return [bridges_table(changes), key_values("period", period)]


FLAT = {
    "report": actors_table,
    "gaps": gaps_flat,
    "compare": indicators_table,
    "bridges": bridges_table,
}
SHEETS = {
    "report": report_sheets,
    "gaps": gaps_sheets,
    "compare": compare_sheets,
    "bridges": bridges_sheets,
}


def flat_table(kind: str, data: Mapping[str, Any]) -> ExportTable:
    """The one table a CSV export of ``kind`` holds."""
    return FLAT[kind](data)


def sheets(kind: str, data: Mapping[str, Any]) -> list[ExportTable]:
    """The sheets of an XLSX export of ``kind``, in order."""
    return SHEETS[kind](data)
