"""A comparison of territories as flat tables: the CSV file and the XLSX sheets.

The comparison document (``compare_territories``) holds indicators, partnership
rates, optionally the per-year series (``by_year``), the standouts and the
crossings between territories. The CSV is one table: one row per indicator then
one row per partnership rate, a column per territory; with ``by_year`` it is the
long per-year table instead (one row per year, territory and measure). The
workbook has a sheet per part. Headers and labels are in the translator's
language; keys (indicator names, sectors) stay as the data has them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .export_tables import BRIDGE_COLUMNS, ExportTable, bridge_record, key_values, method_rows
from .i18n import N_, Translator, translator

RATE_FIELDS: tuple[str, ...] = ("actors", "tied", "share", "low", "high")
KEY_PAIRS = 20
"""Sector pairs in the workbook's chart of shares."""
BRIDGE_CHANGES: Mapping[str, str] = {"gained": N_("Bridges gained"), "lost": N_("Bridges lost")}

GROUPS: Mapping[str, str] = {
    "business": "businesses",
    "association": "associations",
    "public": "public bodies",
    "academic": "academic institutions",
    "media": "media outlets",
    "citizen": "citizens",
    "funder": "funders",
    "other": "other actors",
}
"""How a sentence names the actors of a sector (the msgids of the catalog)."""


def group(sector: Any, t: Translator) -> str:
    """The actors of ``sector`` as a plural noun in ``t``'s language: ``public bodies``."""
    text = str(sector)
    return t.gettext(GROUPS[text]) if text in GROUPS else text


def pair_text(origin: Any, destination: Any, t: Translator | None = None) -> str:
    """A sector pair of a rate as people read it: ``businesses → associations``.

    >>> pair_text("business", "association")
    'businesses → associations'
    """
    t = t or translator("en")
    return f"{group(origin, t)} → {group(destination, t)}"


def rate_key(row: Mapping[str, Any]) -> str:
    """The key of a rate row in flat tables: ``business→association``."""
    return f"{row.get('from')}→{row.get('to')}"


def territories_of(compare: Mapping[str, Any]) -> list[str]:
    return [str(t) for t in compare.get("territories", [])]


def indicator_label(indicator: Mapping[str, Any], t: Translator) -> str:
    return t.gettext(str(indicator.get("label") or indicator.get("name") or ""))


def compare_flat(compare: Mapping[str, Any], t: Translator | None = None) -> ExportTable:
    """The CSV table: the per-year table with ``by_year``, else indicators then rates."""
    t = t or translator("en")
    if compare.get("by_year"):
        return years_long(compare, t)
    territories = territories_of(compare)
    columns = (
        "indicator",
        "label",
        *territories,
        *(f"{name} (normalised)" for name in territories),
        "description",
        *(f"{name} (z)" for name in territories),
        *(
            f"{name} ({field})"
            for field in ("tied", "actors", "low", "high")
            for name in territories
        ),
    )
    rows: list[tuple[Any, ...]] = []
    blank = (None,) * len(territories)
    for ind in compare.get("indicators", []):
        values, normalised, z = (ind.get(k) or {} for k in ("values", "normalised", "z"))
        rows.append(
            (
                ind.get("name"),
                indicator_label(ind, t),
                *(values.get(name) for name in territories),
                *(normalised.get(name) for name in territories),
                t.gettext(str(ind.get("description") or "")) or None,
                *(z.get(name) for name in territories),
                *blank * 4,
            )
        )
    for row in compare.get("rates", []):
        cells = row.get("values") or {}
        rows.append(
            (
                rate_key(row),
                pair_text(row.get("from"), row.get("to"), t),
                *((cells.get(name) or {}).get("share") for name in territories),
                *blank,
                t.gettext("share with at least one tie; 95 % Wilson interval"),
                *blank,
                *(
                    (cells.get(name) or {}).get(field)
                    for field in ("tied", "actors", "low", "high")
                    for name in territories
                ),
            )
        )
    return ExportTable("indicators", columns, rows, row_labels=True)


def indicators_sheet(compare: Mapping[str, Any], t: Translator) -> ExportTable:
    """Raw values, normalised values, description, then the z-scores of each indicator."""
    territories = territories_of(compare)
    columns = (
        t.gettext("indicator"),
        t.gettext("label"),
        *territories,
        *(f"{name} ({t.gettext('normalised')})" for name in territories),
        t.gettext("description"),
        *(f"{name} (z)" for name in territories),
    )
    rows = []
    for ind in compare.get("indicators", []):
        values, normalised, z = (ind.get(k) or {} for k in ("values", "normalised", "z"))
        rows.append(
            (
                ind.get("name"),
                indicator_label(ind, t),
                *(values.get(name) for name in territories),
                *(normalised.get(name) for name in territories),
                t.gettext(str(ind.get("description") or "")) or None,
                *(z.get(name) for name in territories),
            )
        )
    return ExportTable("indicators", columns, rows, row_labels=True)


def key_rates_sheet(compare: Mapping[str, Any], t: Translator) -> ExportTable:
    """The shares between sectors, a column per territory, with their bar chart."""
    territories = territories_of(compare)
    rows = [
        (
            pair_text(row.get("from"), row.get("to"), t),
            *((row.get("values") or {}).get(name, {}).get("share") for name in territories),
        )
        for row in compare.get("rates", [])
        if row.get("from") != row.get("to")
    ][:KEY_PAIRS]
    return ExportTable(
        "shares",
        (t.gettext("pair"), *territories),
        rows,
        row_labels=True,
        chart="bar",
        chart_title=t.gettext("share with at least one tie"),
    )


def key_rate_by_year_sheet(compare: Mapping[str, Any], t: Translator) -> ExportTable:
    """The first rate (``business → association``) per year, with its line chart."""
    years = compare.get("by_year") or {}
    territories = territories_of(compare)
    first = (years.get("rates") or [{}])[0]
    series = first.get("values") or {}
    rows = [
        (
            year,
            *(
                ((series.get(name) or [])[i : i + 1] or [{}])[0].get("share")
                for name in territories
            ),
        )
        for i, year in enumerate(years.get("years") or [])
    ]
    return ExportTable(
        "share_by_year",
        (t.gettext("year"), *territories),
        rows,
        row_labels=True,
        chart="line",
        chart_title=pair_text(first.get("from"), first.get("to"), t),
    )


def rates_sheet(compare: Mapping[str, Any], t: Translator) -> ExportTable:
    """One row per sector pair and territory: counts, share and its Wilson interval."""
    columns = (
        t.gettext("from"),
        t.gettext("to"),
        t.gettext("pair"),
        t.gettext("territory"),
        *(t.gettext(field) for field in RATE_FIELDS),
    )
    rows = []
    for row in compare.get("rates", []):
        for name in territories_of(compare):
            cell = (row.get("values") or {}).get(name) or {}
            rows.append(
                (
                    row.get("from"),
                    row.get("to"),
                    pair_text(row.get("from"), row.get("to"), t),
                    name,
                    *(cell.get(field) for field in RATE_FIELDS),
                )
            )
    return ExportTable("rates", columns, rows)


def years_long(compare: Mapping[str, Any], t: Translator) -> ExportTable:
    """The per-year series: one row per year, territory and indicator or rate."""
    years = compare.get("by_year") or {}
    dates = list(years.get("as_of") or [])
    columns = (
        "year",
        "as_of",
        "territory",
        "measure",
        "label",
        "value",
        *RATE_FIELDS[:2],
        *RATE_FIELDS[3:],
    )
    rows: list[tuple[Any, ...]] = []
    for position, (year, as_of) in enumerate(zip(years.get("years") or [], dates, strict=False)):
        for name in territories_of(compare):
            for ind in years.get("indicators", []):
                series = (ind.get("values") or {}).get(name) or []
                value = series[position] if position < len(series) else None
                rows.append(
                    (year, as_of, name, ind.get("name"), indicator_label(ind, t), value)
                    + (None,) * 4
                )
            for rate in years.get("rates", []):
                series = (rate.get("values") or {}).get(name) or []
                cell = series[position] if position < len(series) else {}
                cell = cell or {}
                rows.append(
                    (
                        year,
                        as_of,
                        name,
                        rate_key(rate),
                        pair_text(rate.get("from"), rate.get("to"), t),
                        cell.get("share"),
                        cell.get("actors"),
                        cell.get("tied"),
                        cell.get("low"),
                        cell.get("high"),
                    )
                )
    for row in years.get("bridges", []):
        as_of = row.get("until")
        for change in ("gained", "lost"):
            rows.append(
                (
                    row.get("year"),
                    as_of,
                    row.get("territory"),
                    f"bridges_{change}",
                    t.gettext(BRIDGE_CHANGES[change]),
                    len(row.get(change) or []),
                )
                + (None,) * 4
            )
    return ExportTable("by_year", columns, rows)


def year_bridges_sheet(compare: Mapping[str, Any], t: Translator) -> ExportTable:
    """One row per bridge gained or lost in a year, sector pairs as ``business–public``."""
    columns = ("year", "territory", *BRIDGE_COLUMNS)
    rows = []
    for row in (compare.get("by_year") or {}).get("bridges", []):
        for change in ("gained", "lost"):
            for item in row.get(change) or []:
                record = bridge_record(t.gettext(change), item)
                rows.append(
                    (
                        row.get("year"),
                        row.get("territory"),
                        *(record.get(c) for c in BRIDGE_COLUMNS),
                    )
                )
    return ExportTable("bridges_by_year", tuple(t.gettext(c) for c in columns), rows)


def compare_sheets(compare: Mapping[str, Any], t: Translator | None = None) -> list[ExportTable]:
    """The workbook of a comparison, in ``t``'s language."""
    from .summary import summary

    t = t or translator("en")
    sentences = [(name, line) for name, lines in summary(compare, t).items() for line in lines]
    sheets = []
    if compare.get("standouts"):
        columns = (t.gettext("territory"), t.gettext("what stands out"))
        sheets.append(ExportTable("summary", columns, sentences, row_labels=True))
    sheets.append(indicators_sheet(compare, t))
    if compare.get("rates"):
        sheets += [key_rates_sheet(compare, t), rates_sheet(compare, t)]
    if compare.get("by_year"):
        sheets.append(key_rate_by_year_sheet(compare, t))
    if compare.get("by_year"):
        sheets += [years_long(compare, t), year_bridges_sheet(compare, t)]
    if compare.get("crossings"):
        sheets += crossings_sheets(compare["crossings"], t)
    if compare.get("method"):
        sheets.append(key_values("method", method_rows(compare["method"])))
    return sheets


def crossings_sheets(crossings: Mapping[str, Any], t: Translator) -> list[ExportTable]:
    """The actors two territories share, the ties that cross, and where each one's ties go."""
    ends = ("id", "name", "sector")
    shared, crossing = [], []
    for pair in crossings.get("pairs", []):
        a, b = (list(pair.get("territories") or []) + [None, None])[:2]
        for actor in pair.get("shared") or []:
            shared.append((a, b, *(actor.get(k) for k in ends)))
        for tie in pair.get("crossing") or []:
            source, target = tie.get("source") or {}, tie.get("target") or {}
            crossing.append(
                (
                    a,
                    b,
                    *(source.get(k) for k in ends),
                    *(target.get(k) for k in ends),
                    tie.get("kind"),
                    tie.get("weight"),
                )
            )
    names = [str(n) for n in crossings.get("territories", [])]
    leaving = []
    for name in names:
        found = (crossings.get("leaving") or {}).get(name) or {}
        to = found.get("to") or {}
        leaving.append(
            (name, found.get("ties"), *(to.get(other) for other in names), found.get("elsewhere"))
        )
    head = [t.gettext("territory") + " A", t.gettext("territory") + " B"]
    return [
        ExportTable("shared_actors", (*head, "id", t.gettext("name"), t.gettext("sector")), shared),
        ExportTable(
            "crossing_ties",
            (
                *head,
                *(f"source_{k}" for k in ends),
                *(f"target_{k}" for k in ends),
                t.gettext("kind"),
                t.gettext("weight"),
            ),
            crossing,
        ),
        ExportTable(
            "leaving",
            (
                t.gettext("territory"),
                t.gettext("ties leaving"),
                *(t.gettext("to {territory}").format(territory=n) for n in names),
                t.gettext("elsewhere"),
            ),
            leaving,
            row_labels=True,
        ),
    ]


def cells_of(row: Mapping[str, Any], names: Sequence[str]) -> list[Mapping[str, Any]]:
    """The rate cells of ``row`` for ``names``, ``{}`` where missing."""
    values = row.get("values") or {}
    return [values.get(name) or {} for name in names]


def rate_parts(cell: Mapping[str, Any] | None, t: Translator | None = None) -> tuple[str, str]:
    """A rate's counts and share, and its interval: ``('1 of 3 · 33%', '6–79%')``.

    >>> rate_parts({"actors": 3, "tied": 1, "share": 0.333333, "low": 0.061492, "high": 0.79234})
    ('1 of 3 · 33%', '6–79%')
    >>> rate_parts({"actors": 0, "tied": 0, "share": None})
    ('—', '')
    """
    t = t or translator("en")
    cell = cell or {}
    if not cell.get("actors"):
        return "—", ""
    counts = t.gettext("{tied} of {actors}").format(
        tied=t.integer(cell.get("tied")), actors=t.integer(cell.get("actors"))
    )
    interval = ""
    if cell.get("low") is not None and cell.get("high") is not None:
        interval = f"{t.number(cell['low'] * 100, 0)}–{t.percent(cell['high'])}"
    return f"{counts} · {t.percent(cell.get('share'))}", interval


def rate_text(cell: Mapping[str, Any] | None, t: Translator | None = None) -> str:
    """A rate as a person reads it: ``1 of 3 · 33% (6–79%)``; ``—`` without actors.

    >>> rate_text({"actors": 3, "tied": 1, "share": 0.333333, "low": 0.061492, "high": 0.79234})
    '1 of 3 · 33% (6–79%)'
    >>> rate_text({"actors": 0, "tied": 0, "share": None})
    '—'
    """
    head, interval = rate_parts(cell, t)
    return f"{head} ({interval})" if interval else head
