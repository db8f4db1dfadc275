"""The territory listing of ``maillage territories``: the same text for every store."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from maillage.graph.cells import neutralise_formula

from ..graph.model import TerritorySummary


def territories_listing(rows: Sequence[TerritorySummary], fmt: str = "table") -> str:
    """Render territory summaries as a plain-text table, CSV or JSON.

    >>> print(territories_listing([TerritorySummary("Alsace", 3, 2)]), end="")
    territory  actors  ties
    Alsace          3     2
    """
    if fmt == "json":
        records = [{"territory": r.name, "actors": r.actors, "ties": r.ties} for r in rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["territory", "actors", "ties"])
        writer.writerows([neutralise_formula(r.name), r.actors, r.ties] for r in rows)
        return buffer.getvalue()
    name_w = max([len("territory"), *(len(r.name) for r in rows)])
    actors_w = max([len("actors"), *(len(str(r.actors)) for r in rows)])
    ties_w = max([len("ties"), *(len(str(r.ties)) for r in rows)])
    lines = [f"{'territory':<{name_w}}  {'actors':>{actors_w}}  {'ties':>{ties_w}}"]
    lines += [f"{r.name:<{name_w}}  {r.actors:>{actors_w}}  {r.ties:>{ties_w}}" for r in rows]
    return "\n".join(lines) + "\n"
