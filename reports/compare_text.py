"""A comparison of territories as terminal tables: indicators, rates, years, crossings.

Each part of the comparison document gets its own table, so that raw values,
z-scores and shares never share a column: the raw indicators, the indicators
against their randomisations (z and what it means), the partnership rates,
what stands out, the per-year series (``--by-year``) and the crossings between
territories.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.text import Text

from .compare_tables import pair_text, rate_text, territories_of
from .export_tables import bridge_pairs, bridge_text
from .i18n import translator
from .summary import summary
from .terminal import emit, heading, new_table, text

PAIR_LIMIT = 80
PAIR_LIST = 10
PAIR_WIDTH = 40
RATE_WIDTH = 26
MEASURE_WIDTH = 30
YEAR_WIDTH = 9


def compare_text(console: Console, compare: Mapping[str, Any]) -> None:
    """Write the comparison to ``console`` as tables, in English."""
    t = translator("en")
    territories = territories_of(compare)
    heading(console, "Territories compared", [("Territories", ", ".join(territories))])
    indicators = compare.get("indicators", [])
    if compare.get("by_year"):
        years_text(console, compare)
        return
    if any(ind.get("values") for ind in indicators):
        table = new_table("Indicators", ["Indicator", *territories], territories)
        for ind in indicators:
            values = ind.get("values") or {}
            table.add_row(
                Text(str(ind.get("label") or ind.get("name"))),
                *(text(values.get(name)) for name in territories),
            )
        emit(console, table)
    readings = compare.get("z_scores") or []
    if any(any(v is not None for v in (row.get("z") or {}).values()) for row in readings):
        title = "Against randomisations that keep each actor's number of ties (z-scores)"
        table = new_table(title, ["Indicator", *territories, "A high z means"], territories)
        for row in readings:
            z = row.get("z") or {}
            table.add_row(
                Text(str(row.get("label") or row.get("name"))),
                *(Text(_signed(z.get(name))) for name in territories),
                Text(str(row.get("higher") or "")),
            )
        emit(console, table)
        console.print(
            Text(
                "|z| >= 2: the territory differs from what its actors' numbers of ties alone "
                "would give; density, actors and ties are kept by the randomisation.",
                style="dim",
            )
        )
        console.print()
    rates = [row for row in compare.get("rates", []) if _has_actors(row, territories)]
    if rates:
        title = "Partnership rates: share of the first sector's actors tied to the second"
        # one line a cell when it fits, else the share and counts over the interval
        wide = PAIR_WIDTH + RATE_WIDTH * len(territories) <= console.width
        table = new_table(title, ["Sectors", *territories], territories if wide else ())
        table.columns[0].min_width = min(PAIR_WIDTH - 6, console.width // 4)
        for column in table.columns[1:]:
            column.justify = "right"
        for row in rates[:PAIR_LIMIT]:
            cells = row.get("values") or {}
            table.add_row(
                Text(pair_text(row.get("from"), row.get("to"), t)),
                *(
                    Text(rate_text(cells.get(name), t) if wide else _rate_lines(cells.get(name)))
                    for name in territories
                ),
            )
        emit(console, table)
        console.print(Text("Shares with their 95 % Wilson interval.", style="dim"))
        console.print()
    crossings_text(console, compare.get("crossings") or {})
    if compare.get("standouts"):
        console.print(Text("What stands out", style="bold"))
        for sentences in summary(compare, t).values():
            for sentence in sentences:
                console.print(Text(f"- {sentence}"))
        console.print()


def crossings_text(console: Console, crossings: Mapping[str, Any]) -> None:
    """The actors the territories share, the ties that cross, where each one's ties go."""
    pairs = crossings.get("pairs") or []
    if not pairs:
        return
    columns = ["Territories", "Actors in both", "Ties that cross"]
    table = new_table("Across territories", columns)
    for pair in pairs:
        shared = [bridge_text(actor) for actor in pair.get("shared") or []]
        crossing = [f"{bridge_text(tie)} ({tie.get('kind')})" for tie in pair.get("crossing") or []]
        table.add_row(
            Text(" – ".join(map(str, pair.get("territories") or []))),
            Text(f"{len(shared)}" + "".join(f"\n{x}" for x in shared[:PAIR_LIST])),
            Text(f"{len(crossing)}" + "".join(f"\n{x}" for x in crossing[:PAIR_LIST])),
        )
    emit(console, table)
    names = [str(n) for n in crossings.get("territories") or []]
    leaving = crossings.get("leaving") or {}
    columns = ["Territory", "Ties leaving", *(f"to {n}" for n in names), "elsewhere"]
    table = new_table("Where the ties that leave each territory go", columns, columns[1:])
    for name in names:
        found = leaving.get(name) or {}
        to = found.get("to") or {}
        table.add_row(
            Text(name),
            text(found.get("ties")),
            *(text(to.get(other)) if other != name else Text("") for other in names),
            text(found.get("elsewhere")),
        )
    emit(console, table)


def _signed(value: Any) -> str:
    """A z-score with its sign and one decimal, ``—`` when undefined."""
    if value is None:
        return "—"
    return f"{float(value):+.1f}"


def _rate_lines(cell: Mapping[str, Any] | None) -> str:
    """A rate in two short lines: ``26% 5/19`` over ``12–49%``; ``—`` without actors.

    >>> print(_rate_lines({"actors": 19, "tied": 5, "share": 0.263, "low": 0.118, "high": 0.488}))
    26% 5/19
    12–49%
    """
    cell = cell or {}
    if not cell.get("actors"):
        return "—"
    head = f"{cell.get('share', 0):.0%} {cell.get('tied')}/{cell.get('actors')}"
    if cell.get("low") is None or cell.get("high") is None:
        return head
    return f"{head}\n{cell['low'] * 100:.0f}–{cell['high']:.0%}"


def _has_actors(row: Mapping[str, Any], territories: list[str]) -> bool:
    values = row.get("values") or {}
    return any((values.get(name) or {}).get("actors") for name in territories)


def years_text(console: Console, compare: Mapping[str, Any]) -> None:
    """The per-year series: a table per territory, a column per year."""
    t = translator("en")
    years = compare.get("by_year") or {}
    labels = [str(year) for year in years.get("years") or []]
    # as many years a table as fit beside the measure names (9 characters a year)
    per_table = max(1, (console.width - MEASURE_WIDTH) // YEAR_WIDTH)
    for name in territories_of(compare):
        for start in range(0, len(labels), per_table):
            shown = slice(start, start + per_table)
            columns = labels[shown]
            title = f"{name}, as of each 31 December"
            table = new_table(title, ["Measure", *columns], columns)
            table.columns[0].min_width = MEASURE_WIDTH - 4
            for ind in years.get("indicators", []):
                series = ((ind.get("values") or {}).get(name) or [])[shown]
                label = str(ind.get("label") or ind.get("name"))
                table.add_row(Text(label), *map(text, series))
            for rate in years.get("rates", []):
                series = ((rate.get("values") or {}).get(name) or [])[shown]
                if not any((cell or {}).get("actors") for cell in series):
                    continue
                table.add_row(
                    Text(pair_text(rate.get("from"), rate.get("to"), t)),
                    *(Text(_share_count(cell)) for cell in series),
                )
            emit(console, table)
    changes = [row for row in years.get("bridges", []) if row.get("gained") or row.get("lost")]
    if changes:
        columns = ["Year", "Territory", "Bridges gained", "Bridges lost"]
        table = new_table("Cross-sector bridges gained and lost each year", columns, ["Year"])
        for row in changes:
            table.add_row(
                text(row.get("year")),
                Text(str(row.get("territory"))),
                Text(_bridges_text(row.get("gained"))),
                Text(_bridges_text(row.get("lost"))),
            )
        emit(console, table)


def _bridges_text(items: Any) -> str:
    """``Name (a–b, c–d)`` per bridge, one a line."""
    lines = []
    for item in items or []:
        pairs = bridge_pairs(item.get("sectors") if isinstance(item, Mapping) else None)
        lines.append(f"{bridge_text(item)}: {', '.join(pairs)}" if pairs else bridge_text(item))
    return "\n".join(lines) or "—"


def _share_count(cell: Mapping[str, Any] | None) -> str:
    cell = cell or {}
    if not cell.get("actors"):
        return "—"
    return f"{cell.get('tied')}/{cell.get('actors')}"
