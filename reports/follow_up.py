"""Recorded introductions as a listing, and the follow-up funnel, in every format.

``maillage introductions list`` and the Introductions page's download use
these. The records are the contract's documents
(:meth:`maillage.graph.introductions.Introduction.as_document`) with the
actors' names added by the app (``source_name``, ``target_name``,
``via_names``), so that a facilitator reads names, not ids.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .csv_export import to_csv
from .export_tables import ExportTable
from .xlsx_export import to_xlsx

LISTING_FORMATS = ("table", "csv", "json", "xlsx")

COLUMNS: tuple[str, ...] = (
    "id",
    "territory",
    "status",
    "source",
    "source_name",
    "target",
    "target_name",
    "via",
    "made",
    "last_change",
    "follow_up",
    "last_note",
    "tie",
)

FUNNEL_COLUMNS: tuple[str, ...] = (
    "territory",
    "proposed",
    "made",
    "met",
    "partnership",
    "dropped",
    "open",
    "days",
)


def _row(record: Mapping[str, Any]) -> tuple[Any, ...]:
    history = record["history"]
    made = next((s["date"] for s in history if s["status"] != "proposed"), None)
    notes = [s["note"] for s in history if s.get("note")]
    via = record.get("via_names") or record.get("via") or []
    return (
        record["id"],
        record["territory"],
        record["status"],
        record["source"],
        record.get("source_name", record["source"]),
        record["target"],
        record.get("target_name", record["target"]),
        ", ".join(via),
        made,
        history[-1]["date"],
        record.get("follow_up"),
        notes[-1] if notes else None,
        record.get("tie"),
    )


def introductions_table(records: Sequence[Mapping[str, Any]]) -> ExportTable:
    """One row per introduction: where it stands and what happened last."""
    return ExportTable("introductions", COLUMNS, [_row(r) for r in records])


def funnel_table(funnel: Mapping[str, Mapping[str, Any]]) -> ExportTable:
    """One row per territory of :func:`~maillage.graph.analytics.follow_up.introduction_funnel`."""
    rows = [(t, *(counts[c] for c in FUNNEL_COLUMNS[1:])) for t, counts in funnel.items()]
    return ExportTable("funnel", FUNNEL_COLUMNS, rows)


def _text(table: ExportTable, columns: Sequence[str]) -> str:
    indexes = [table.columns.index(c) for c in columns]
    cells = [[("" if row[i] is None else str(row[i])) for i in indexes] for row in table.rows]
    widths = [max([len(c), *(len(r[j]) for r in cells)]) for j, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


TEXT_COLUMNS = ("id", "territory", "status", "source_name", "target_name", "follow_up", "last_note")


def introductions_listing(records: Sequence[Mapping[str, Any]], fmt: str = "table") -> bytes:
    """Render introduction records as a text table, CSV, JSON or XLSX.

    JSON is the contract's list of documents as they are; the other formats
    hold one row per introduction (:func:`introductions_table`).

    Examples
    --------
    >>> record = {"id": "1", "territory": "Alsace", "source": "a", "target": "b",
    ...           "source_name": "Mairie", "target_name": "=Asso", "via": [],
    ...           "status": "made", "follow_up": None, "tie": None,
    ...           "history": [{"status": "made", "date": "2026-01-05", "by": "", "note": None}]}
    >>> print(introductions_listing([record]).decode(), end="")
    id  territory  status  source_name  target_name  follow_up  last_note
    1   Alsace     made    Mairie       =Asso
    >>> introductions_listing([record], "csv").decode("utf-8-sig").splitlines()[1]
    "1,Alsace,made,a,Mairie,b,'=Asso,,2026-01-05,2026-01-05,,,"
    """
    if fmt not in LISTING_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(LISTING_FORMATS)})")
    if fmt == "json":
        return (json.dumps(list(records), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    table = introductions_table(records)
    if fmt == "csv":
        return to_csv(table)
    if fmt == "xlsx":
        return to_xlsx([table], title="Maillage introductions")
    return _text(table, TEXT_COLUMNS).encode("utf-8")
