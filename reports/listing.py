"""The territory listing of ``maillage territories``: the same text for every store.

Ties inside a territory (both ends members) and ties that leave it (one end
outside) are two labelled columns: a territory's report counts the first,
its openness the second.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from maillage.graph.cells import neutralise_formula

COLUMNS = ("territory", "actors", "ties inside", "ties leaving")


class CountsRow(Protocol):
    """What a row needs (``maillage.graph.territory_counts.TerritoryCounts`` has it)."""

    @property
    def name(self) -> str: ...
    @property
    def actors(self) -> int: ...
    @property
    def ties_inside(self) -> int: ...
    @property
    def ties_leaving(self) -> int: ...


class _Row(NamedTuple):
    name: str
    actors: int
    ties_inside: int
    ties_leaving: int


def territories_listing(rows: Sequence[CountsRow], fmt: str = "table") -> str:
    """Render territory counts as a plain-text table, CSV or JSON.

    >>> print(territories_listing([_Row("Alsace", 3, 2, 1)]), end="")
    territory  actors  ties inside  ties leaving
    Alsace          3            2             1
    """
    if fmt == "json":
        records = [
            {
                "territory": r.name,
                "actors": r.actors,
                "ties_inside": r.ties_inside,
                "ties_leaving": r.ties_leaving,
            }
            for r in rows
        ]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    cells = [[r.name, str(r.actors), str(r.ties_inside), str(r.ties_leaving)] for r in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.replace(" ", "_") for c in COLUMNS])
        writer.writerows([neutralise_formula(row[0]), *row[1:]] for row in cells)
        return buffer.getvalue()
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(COLUMNS)]

    def line(row: Sequence[str]) -> str:
        first = f"{row[0]:<{widths[0]}}"
        return "  ".join([first, *(f"{c:>{w}}" for c, w in zip(row[1:], widths[1:], strict=True))])

    return "\n".join([line(COLUMNS), *map(line, cells)]) + "\n"
