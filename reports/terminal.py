"""Plain-text tables for a terminal, drawn by rich, 120 columns wide.

Every value from the data goes into a ``rich.text.Text``: names such as
``[bold]`` or ``:smile:`` are shown as they are, never read as markup.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from maillage.graph.vocabulary import ROLES

from .export_tables import (
    STATS,
    bridge_pairs,
    bridge_text,
    mixing_cells,
    name_of,
    network_indicators,
    pair_cell,
    sector_pairs,
    sectors_table,
    top_actors,
)
from .labels import label, show

WIDTH = 120

# The actors table: key -> short header, so that the columns fit 120 characters
# (eigenvector and PageRank are in the CSV, JSON, XLSX and HTML reports).
SHORT_HEADS = {
    "#": "#",
    "name": "Name",
    "sector": "Sector",
    "degree": "Deg.",
    "betweenness": "Betw.",
    "closeness": "Clos.",
    "constraint": "Constr.",
    "effective_size": "Eff. size",
    "community": "Comm.",
}
ROLES_HEAD = "Brokerage C/I/G/R/L"
ROLES_LEGEND = (
    "Brokerage roles (Gould & Fernandez 1989, sectors as groups): coordinator / itinerant / "
    "gatekeeper / representative / liaison."
)
TOP_ACTORS = 20
TOP_INTRODUCTIONS = 20


def text(value: Any) -> Text:
    return Text(show(value))


def new_table(title: str, columns: Sequence[str], numeric: Iterable[str] = ()) -> Table:
    table = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1),
        header_style="bold",
    )
    numeric = set(numeric)
    for column in columns:
        if column in numeric:
            table.add_column(Text(column), justify="right", no_wrap=True)
        else:
            table.add_column(Text(column))
    return table


def emit(console: Console, table: Table) -> None:
    console.print(table)
    console.print()


def heading(console: Console, title: str, details: Sequence[tuple[str, Any]]) -> None:
    console.print(Text(title, style="bold underline"))
    line = " · ".join(f"{k}: {show(v)}" for k, v in details if v is not None)
    if line:
        console.print(Text(line))
    console.print()


# Report


def report_text(console: Console, report: Mapping[str, Any]) -> None:
    heading(
        console,
        f"Network report — {report.get('territory', '')}",
        [
            ("As of", report.get("as_of") or "latest data"),
            ("Variant", report.get("variant")),
            ("Betweenness", "approximate" if report.get("approximate") else None),
        ],
    )
    indicators = network_indicators(report.get("network") or {})
    half = (len(indicators) + 1) // 2
    columns = ["Indicator", "Value", "Indicator ", "Value "]
    table = new_table("Network", columns, columns[1::2])
    for i in range(half):
        right = indicators[half + i] if half + i < len(indicators) else ("", None)
        table.add_row(
            Text(indicators[i][0]),
            text(indicators[i][1]),
            Text(right[0]),
            Text("") if not right[0] else text(right[1]),
        )
    emit(console, table)

    actors = report.get("actors") or []
    title = f"Top {min(TOP_ACTORS, len(actors))} of {len(actors)} actors by betweenness"
    table = new_table(title, [*SHORT_HEADS.values(), ROLES_HEAD], [*SHORT_HEADS.values()][3:])
    table.columns[0].justify = "right"
    table.columns[1].min_width = 16
    table.columns[1].ratio = 1
    for rank, actor in enumerate(top_actors(actors, TOP_ACTORS), 1):
        brokerage = actor.get("brokerage") or {}
        table.add_row(
            text(rank),
            text(actor.get("name")),
            text(actor.get("sector")),
            *(text(actor.get(m)) for m in list(SHORT_HEADS)[3:]),
            Text("/".join(show(brokerage.get(r)) for r in ROLES)),
        )
    table.columns[-1].no_wrap = True
    emit(console, table)
    console.print(Text(ROLES_LEGEND, style="dim"))
    console.print()

    by_sector = sectors_table(report)
    if by_sector is not None:
        table = new_table("Sectors", ["Sector", "Actors", "E-I index"], ["Actors", "E-I index"])
        for row in by_sector.rows:
            table.add_row(*map(text, row))
        emit(console, table)


# Gaps


def gaps_text(console: Console, gaps: Mapping[str, Any]) -> None:
    heading(
        console,
        f"Sector gaps — {gaps.get('territory', '')}",
        [("As of", gaps.get("as_of") or "latest data")],
    )
    columns = ["Sectors", "Observed", "Expected", "z", "Bridges", "Fragile"]
    table = new_table("Gaps: sector pairs with fewer ties than expected", columns, columns[1:4])
    for gap in gaps.get("gaps", []):
        table.add_row(
            Text(" × ".join(map(str, gap.get("sectors", [])))),
            text(gap.get("observed")),
            text(gap.get("expected")),
            text(gap.get("z")),
            text([name_of(b) for b in gap.get("bridges", [])] or None),
            text(gap.get("fragile")),
        )
    emit(console, table)

    introductions = gaps.get("introductions") or []
    columns = ["#", "Introduce", "to", "Score", "Distance", "Shared partners", "Why"]
    title = f"Suggested introductions (top {min(TOP_INTRODUCTIONS, len(introductions))})"
    table = new_table(title, columns, ["#", "Score", "Distance"])
    for rank, intro in enumerate(introductions[:TOP_INTRODUCTIONS], 1):
        table.add_row(
            text(rank),
            Text(actor_label(intro.get("source"))),
            Text(actor_label(intro.get("target"))),
            text(intro.get("score")),
            text(intro.get("distance")),
            text(intro.get("shared_partners") or None),
            text(intro.get("reason")),
        )
    emit(console, table)

    fragile = gaps.get("fragile_bridges") or []
    if fragile:
        title = "Fragile bridges: the only link between two sectors"
        table = new_table(title, ["Actor", "Details"])
        for item in fragile:
            details = {k: v for k, v in item.items() if k not in ("id", "name")}
            table.add_row(Text(str(name_of(item))), Text(details_text(details)))
        emit(console, table)

    sectors, cells = mixing_cells(gaps)
    if cells:
        table = new_table("Sector mixing", ["Sectors", *STATS], STATS)
        for a, b in sector_pairs(sectors, cells):
            values = pair_cell(cells, a, b)
            table.add_row(Text(f"{a} × {b}"), *(text(values.get(s)) for s in STATS))
        emit(console, table)


def actor_label(actor: Any) -> str:
    """``Name (sector)`` of an actor record."""
    if not isinstance(actor, Mapping):
        return show(actor)
    sector = actor.get("sector")
    return f"{name_of(actor)} ({sector})" if sector else str(name_of(actor))


def details_text(details: Mapping[str, Any]) -> str:
    return "; ".join(f"{label(str(k))}: {show(v)}" for k, v in details.items())


# Compare


def compare_text(console: Console, compare: Mapping[str, Any]) -> None:
    """The comparison's tables (see :mod:`maillage.reports.compare_text`)."""
    from .compare_text import compare_text as write

    write(console, compare)


# Bridges


def bridges_text(console: Console, changes: Mapping[str, Any]) -> None:
    heading(
        console,
        "Bridges gained and lost",
        [("Since", changes.get("since")), ("Until", changes.get("until"))],
    )
    count = sum(len(changes.get(change) or []) for change in ("gained", "lost"))
    table = new_table(f"{count} changes", ["Change", "Bridge", "Sectors it links"])
    for change in ("gained", "lost"):
        for item in changes.get(change) or []:
            pairs = bridge_pairs(item.get("sectors") if isinstance(item, Mapping) else None)
            table.add_row(Text(change), Text(bridge_text(item)), Text(", ".join(pairs)))
    emit(console, table)


WRITERS: Mapping[str, Callable[[Console, Mapping[str, Any]], None]] = {
    "report": report_text,
    "gaps": gaps_text,
    "compare": compare_text,
    "bridges": bridges_text,
}


def to_text(
    kind: str, data: Mapping[str, Any], *, color: bool = False, width: int | None = None
) -> str:
    """The ``kind`` result as text tables ``width`` columns wide (120 by default).

    ANSI styles only with ``color``. Columns wrap to fit; a width under 40 is
    taken as 40 so that a table stays readable in a very narrow window.
    """
    console = Console(
        file=io.StringIO(),
        record=True,
        width=max(40, width or WIDTH),
        color_system="standard" if color else None,
        force_terminal=color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    WRITERS[kind](console, data)
    lines = console.export_text(styles=color).splitlines()
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"
