"""The Compare page's observatory parts: partnership rates, z-scores, years, crossings, summary.

Plain functions from the comparison document (``Maillage.compare``) to what the
page shows: Plotly figures and ``dash_table.DataTable`` rows and columns. They
hold no logic of their own: the figures are the reports' (the coordinator's
brief draws the same ones), the words are the translator's. The page wires them
with ``dcc.Graph(figure=...)`` and ``DataTable(data=rows, columns=columns)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go

from maillage.reports import compare_figures
from maillage.reports.compare_tables import (
    pair_text,
    rate_text,
    rates_with_actors,
    territories_of,
)
from maillage.reports.export_tables import bridge_pairs, bridge_text
from maillage.reports.i18n import Translator, translator
from maillage.reports.summary import summary

Rows = list[dict[str, Any]]
Columns = list[dict[str, str]]


def _columns(first: tuple[str, str], territories: list[str]) -> Columns:
    return [{"id": first[0], "name": first[1]}] + [
        {"id": f"t{i}", "name": name} for i, name in enumerate(territories)
    ]


def _figure(figure: Mapping[str, Any] | None) -> go.Figure | None:
    return go.Figure(figure) if figure is not None else None


def rates_table(compare: Mapping[str, Any], lang: str = "en") -> tuple[Rows, Columns]:
    """One row per pair of sectors with actors, ``business → association`` first.

    Each territory's cell reads ``1 of 3 · 33% (6–79%)``: the actors tied,
    the actors of the first sector, the share and its 95 % Wilson interval.
    """
    t = translator(lang)
    territories = territories_of(compare)
    rows = []
    for row in rates_with_actors(compare):
        values = row.get("values") or {}
        record = {"pair": pair_text(row.get("from"), row.get("to"), t)}
        for i, name in enumerate(territories):
            record[f"t{i}"] = rate_text(values.get(name), t)
        rows.append(record)
    return rows, _columns(("pair", t.gettext("Sectors")), territories)


def rates_figure(compare: Mapping[str, Any], lang: str = "en") -> go.Figure | None:
    """Cross-sector shares with their Wilson intervals, a marker per territory."""
    return _figure(compare_figures.rates_figure(compare, translator(lang)))


def raw_figure(compare: Mapping[str, Any], lang: str = "en") -> go.Figure | None:
    """Small multiples of the raw indicators, each on its own axis."""
    return _figure(compare_figures.raw_figure(compare, translator(lang)))


def z_figure(compare: Mapping[str, Any], lang: str = "en") -> go.Figure | None:
    """z-scores against randomisations (indicators randomisation keeps fixed left out)."""
    return _figure(compare_figures.z_figure(compare, translator(lang)))


def yearly_figure(compare: Mapping[str, Any], lang: str = "en") -> go.Figure | None:
    """Small multiples per year (needs ``by_year``): the key rate, then every indicator."""
    return _figure(compare_figures.yearly_figure(compare, translator(lang)))


def crossings_figure(compare: Mapping[str, Any], lang: str = "en") -> go.Figure | None:
    """The inter-territorial network: ties from each territory to each other, actors shared."""
    return _figure(compare_figures.crossings_figure(compare, translator(lang)))


def z_table(compare: Mapping[str, Any], lang: str = "en") -> tuple[Rows, Columns]:
    """One row per randomised indicator: each territory's z and what it means, in words."""
    t = translator(lang)
    territories = territories_of(compare)
    rows = []
    for row in compare.get("z_scores") or []:
        z = row.get("z") or {}
        meaning = row.get("meaning") or {}
        record = {"indicator": t.gettext(str(row.get("label") or row.get("name")))}
        for i, name in enumerate(territories):
            record[f"t{i}"] = _z_text(z.get(name), meaning.get(name), t)
        rows.append(record)
    return rows, _columns(("indicator", t.gettext("Indicator")), territories)


def _z_text(z: Any, meaning: Any, t: Translator) -> str:
    if z is None:
        return t.gettext("n/a")
    number = t.number(z, 1)
    signed = number if number.startswith("-") else f"+{number}"
    if not meaning:
        return signed
    return t.gettext("{label}: {value}").format(label=signed, value=t.gettext(str(meaning)))


def summary_items(compare: Mapping[str, Any], lang: str = "en") -> list[str]:
    """What stands out, one sentence per item, territory by territory."""
    found = summary(compare, translator(lang))
    return [sentence for sentences in found.values() for sentence in sentences]


def bridges_table(compare: Mapping[str, Any], lang: str = "en") -> tuple[Rows, Columns]:
    """The cross-sector bridges gained and lost each year (needs ``by_year``)."""
    t = translator(lang)
    rows = []
    for row in (compare.get("by_year") or {}).get("bridges", []):
        for change in ("gained", "lost"):
            for item in row.get(change) or []:
                pairs = bridge_pairs(item.get("sectors") if isinstance(item, Mapping) else None)
                rows.append(
                    {
                        "year": row.get("year"),
                        "territory": row.get("territory"),
                        "change": t.gettext(change),
                        "bridge": bridge_text(item),
                        "sectors": ", ".join(pairs),
                    }
                )
    columns = [
        {"id": key, "name": t.gettext(name)}
        for key, name in (
            ("year", "Year"),
            ("territory", "Territory"),
            ("change", "Change"),
            ("bridge", "Bridge"),
            ("sectors", "Sectors it links"),
        )
    ]
    return rows, columns


def crossings_table(compare: Mapping[str, Any], lang: str = "en") -> tuple[Rows, Columns]:
    """One row per pair of territories: the actors they share and the ties that cross."""
    t = translator(lang)
    rows = []
    for pair in (compare.get("crossings") or {}).get("pairs", []):
        shared = [bridge_text(actor) for actor in pair.get("shared") or []]
        crossing = [bridge_text(tie) for tie in pair.get("crossing") or []]
        rows.append(
            {
                "territories": " – ".join(map(str, pair.get("territories") or [])),
                "shared": len(shared),
                "who": ", ".join(shared),
                "crossing": len(crossing),
                "between": ", ".join(crossing),
            }
        )
    columns = [
        {"id": key, "name": t.gettext(name)}
        for key, name in (
            ("territories", "Territories"),
            ("shared", "Actors in both"),
            ("who", "Who"),
            ("crossing", "Ties that cross"),
            ("between", "Between"),
        )
    ]
    return rows, columns


def observatory_parts(compare: Mapping[str, Any], lang: str = "en") -> dict[str, Any]:
    """Everything above for one comparison, for a single page callback.

    Keys: ``summary`` (sentences), ``rates`` and ``z_scores``, ``bridges``,
    ``crossings`` (each ``(rows, columns)``), and the figures ``rates_figure``,
    ``raw_figure``, ``z_figure``, ``yearly_figure`` and ``crossings_figure``
    (``None`` when the comparison has nothing to draw, e.g. no ``by_year``).
    """
    return {
        "summary": summary_items(compare, lang),
        "rates": rates_table(compare, lang),
        "z_scores": z_table(compare, lang),
        "bridges": bridges_table(compare, lang),
        "crossings": crossings_table(compare, lang),
        "rates_figure": rates_figure(compare, lang),
        "raw_figure": raw_figure(compare, lang),
        "z_figure": z_figure(compare, lang),
        "yearly_figure": yearly_figure(compare, lang),
        "crossings_figure": crossings_figure(compare, lang),
    }
