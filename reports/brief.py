"""The coordinator's brief: one printable, self-contained HTML comparison of territories.

``maillage compare ... --format html --lang fr|en`` writes it: what stands out
first, then the partnership rates with their intervals, the structure of the
networks (raw values on their own axes, then the z-scores against
randomisations with their meaning), the change over time when the comparison
has ``by_year``, the actors and ties the territories share, and the method.
plotly.js is inlined once; the page makes no request to the network and
prints on A4 (details open, charts kept whole).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import compare_figures
from .compare_tables import (
    indicator_label,
    pair_text,
    rate_parts,
    rates_with_actors,
    territories_of,
)
from .export_tables import bridge_pairs, bridge_text
from .figures import figure_html
from .html_page import Raw, esc, page, paragraph, section, table_html
from .i18n import Translator, translator
from .labels import tie_kind_label
from .summary import summary

LIST_LIMIT = 25


class _Figures:
    """Numbers the figures of the brief, so that their ``div`` ids are unique and stable."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, figure: Mapping[str, Any] | None, caption: str = "") -> str:
        if figure is None or not figure["data"]:
            return ""
        self.count += 1
        html = figure_html(figure, f"maillage-brief-{self.count}")
        note = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
        return f"<figure>{html}{note}</figure>"


def render_brief(compare: Mapping[str, Any], lang: str | None = "en") -> str:
    """The comparison as the coordinator's brief, one HTML document in ``lang``.

    Parameters
    ----------
    compare : dict
        The result of ``compare_territories`` (with ``by_year`` and
        ``crossings`` when the application added them).
    lang : {"en", "fr"}, optional
        The language of the brief (any tag; unknown ones get French).

    Returns
    -------
    str
        The HTML document: inline CSS and plotly.js, no external resource.
    """
    t = translator(lang)
    figure = _Figures()
    territories = territories_of(compare)
    body = [
        standouts_section(compare, t),
        rates_section(compare, t, figure),
        structure_section(compare, t, figure),
        randomisation_section(compare, t, figure),
        years_section(compare, t, figure),
        crossings_section(compare, t, figure),
        method_section(compare, t),
    ]
    title = t.gettext("Coordinator's brief: {territories}").format(
        territories=", ".join(territories)
    )
    return page(
        title,
        subtitle(compare, t),
        [part for part in body if part],
        figures=figure.count > 0,
        lang=t.language,
        footer=t.gettext("Made with Maillage, an open-source territorial network explorer."),
    )


def subtitle(compare: Mapping[str, Any], t: Translator) -> str:
    method = compare.get("method") or {}
    parts = [t.gettext("{count} territories compared").format(count=len(territories_of(compare)))]
    kind = method.get("kind")
    parts.append(
        t.gettext("rates count ties of kind {kind}").format(kind=tie_kind_label(kind, t))
        if kind
        else t.gettext("rates count ties of any kind")
    )
    years = (compare.get("by_year") or {}).get("years") or []
    if years:
        parts.append(
            t.gettext("change over time {first}–{last}").format(first=years[0], last=years[-1])
        )
    return " · ".join(parts)


def standouts_section(compare: Mapping[str, Any], t: Translator) -> str:
    items = "".join(
        f"<li>{esc(sentence)}</li>"
        for sentences in summary(compare, t).values()
        for sentence in sentences
    )
    if not items:
        return ""
    return section(t.gettext("What stands out"), f"<ul>{items}</ul>", id="summary")


def rates_section(compare: Mapping[str, Any], t: Translator, figure: _Figures) -> str:
    territories = territories_of(compare)
    rows = []
    for row in rates_with_actors(compare):
        values = row.get("values") or {}
        rows.append(
            (
                pair_text(row.get("from"), row.get("to"), t),
                *(_rate_cell(values.get(name), t) for name in territories),
            )
        )
    if not rows:
        return ""
    table = table_html([t.gettext("Sectors"), *territories], rows, numeric=territories)
    return section(
        t.gettext("Partnership rates"),
        paragraph(
            t.gettext(
                "Share of the first sector's actors with at least one tie to an actor of the "
                "second on the territory, with its 95 % Wilson interval."
            )
        ),
        figure(
            compare_figures.rates_figure(compare, t),
            t.gettext("Between sectors; the bars are the 95 % Wilson intervals."),
        ),
        f"<details><summary>{esc(t.gettext('Every pair of sectors'))}</summary>"
        f'<div class="wide">{table}</div></details>',
        id="rates",
    )


def _rate_cell(cell: Mapping[str, Any] | None, t: Translator) -> Raw:
    """Counts and share over the interval, so that many territories fit the page."""
    head, interval = rate_parts(cell, t)
    return Raw(f"{esc(head)}<br><small>{esc(interval)}</small>" if interval else esc(head))


def structure_section(compare: Mapping[str, Any], t: Translator, figure: _Figures) -> str:
    territories = territories_of(compare)
    indicators = compare.get("indicators", [])
    if not indicators:
        return ""
    rows = [
        (
            Raw(
                f"<b>{esc(indicator_label(ind, t))}</b><br>"
                f"<small>{esc(t.gettext(str(ind.get('description') or '')))}</small>"
            ),
            *((ind.get("values") or {}).get(name) for name in territories),
        )
        for ind in indicators
    ]
    return section(
        t.gettext("The networks"),
        figure(
            compare_figures.raw_figure(compare, t),
            t.gettext("Raw values; each indicator has its own axis."),
        ),
        table_html([t.gettext("Indicator"), *territories], rows, numeric=territories),
        id="indicators",
    )


def randomisation_section(compare: Mapping[str, Any], t: Translator, figure: _Figures) -> str:
    territories = territories_of(compare)
    readings = compare.get("z_scores") or []
    if not readings:
        return ""
    rows = []
    for row in readings:
        z = row.get("z") or {}
        meaning = row.get("meaning") or {}
        rows.append(
            (
                t.gettext(str(row.get("label") or row.get("name"))),
                *(
                    Raw(
                        f"{esc(_signed(z.get(name), t))}<br><small>"
                        f"{esc(t.gettext(str(meaning.get(name) or '')))}</small>"
                    )
                    for name in territories
                ),
            )
        )
    return section(
        t.gettext("Against randomisations"),
        paragraph(
            t.gettext(
                "Each territory is compared with copies of itself whose ties are rewired at "
                "random while every actor keeps its number of ties. A z-score beyond ±2 says "
                "the territory differs from what its actors' numbers of ties alone would give. "
                "Actors, ties and density stay the same in every copy, so they are left out."
            )
        ),
        figure(
            compare_figures.z_figure(compare, t),
            t.gettext("z-scores; the grey band is -2 to 2."),
        ),
        table_html([t.gettext("Indicator"), *territories], rows, numeric=territories),
        id="randomisations",
    )


def _signed(value: Any, t: Translator) -> str:
    if value is None:
        return t.gettext("n/a")
    text = t.number(value, 1)
    return text if text.startswith("-") else f"+{text}"


def years_section(compare: Mapping[str, Any], t: Translator, figure: _Figures) -> str:
    years = compare.get("by_year") or {}
    if not years.get("years"):
        return ""
    rows = []
    for row in years.get("bridges", []):
        for change in ("gained", "lost"):
            for item in (row.get(change) or [])[:LIST_LIMIT]:
                pairs = bridge_pairs(item.get("sectors") if isinstance(item, Mapping) else None)
                rows.append(
                    (
                        row.get("year"),
                        row.get("territory"),
                        t.gettext(change),
                        bridge_text(item),
                        ", ".join(pairs),
                    )
                )
    columns = [
        t.gettext("Year"),
        t.gettext("Territory"),
        t.gettext("Change"),
        t.gettext("Bridge"),
        t.gettext("Sectors it links"),
    ]
    bridges = (
        f"<details><summary>{esc(t.gettext('Bridges between sectors gained and lost'))}"
        f"</summary>{table_html(columns, rows, numeric=[columns[0]])}</details>"
        if rows
        else paragraph(t.gettext("No bridge between sectors was gained or lost."))
    )
    return section(
        t.gettext("Change over time"),
        paragraph(t.gettext("Each indicator as of 31 December of each year.")),
        figure(compare_figures.yearly_figure(compare, t)),
        bridges,
        id="years",
    )


def crossings_section(compare: Mapping[str, Any], t: Translator, figure: _Figures) -> str:
    crossings = compare.get("crossings") or {}
    pairs = crossings.get("pairs") or []
    if not pairs:
        return ""
    rows = []
    for pair in pairs:
        shared = [bridge_text(actor) for actor in pair.get("shared") or []]
        crossing = [bridge_text(tie) for tie in pair.get("crossing") or []]
        rows.append(
            (
                " – ".join(map(str, pair.get("territories") or [])),
                len(shared),
                ", ".join(shared[:LIST_LIMIT]) or "—",
                len(crossing),
                ", ".join(crossing[:LIST_LIMIT]) or "—",
            )
        )
    columns = [
        t.gettext("Territories"),
        t.gettext("Actors in both"),
        t.gettext("Who"),
        t.gettext("Ties that cross"),
        t.gettext("Between"),
    ]
    names = [str(n) for n in crossings.get("territories") or []]
    leaving = crossings.get("leaving") or {}
    leave_rows = []
    for name in names:
        found = leaving.get(name) or {}
        to = found.get("to") or {}
        leave_rows.append(
            (name, found.get("ties"), *(to.get(o, "") for o in names), found.get("elsewhere"))
        )
    leave_columns = [
        t.gettext("Territory"),
        t.gettext("ties leaving"),
        *(t.gettext("to {territory}").format(territory=n) for n in names),
        t.gettext("elsewhere"),
    ]
    return section(
        t.gettext("Across territories"),
        paragraph(
            t.gettext(
                "Actors who belong to two territories, and ties from an actor of one to an "
                "actor of the other."
            )
        ),
        figure(
            compare_figures.crossings_figure(compare, t),
            t.gettext(
                "Ties that leave the territory of the row for the territory of the column, "
                "and the actors the two share."
            ),
        ),
        table_html(columns, rows, numeric=[columns[1], columns[3]]),
        table_html(leave_columns, leave_rows, numeric=leave_columns[1:]),
        id="crossings",
    )


def method_section(compare: Mapping[str, Any], t: Translator) -> str:
    method = dict(compare.get("method") or {})
    for key, value in ((compare.get("by_year") or {}).get("method") or {}).items():
        method[f"by_year {key}"] = value
    notes = "".join(
        f"<dt>{esc(key)}</dt><dd>{esc(value)}</dd>"
        for key, value in method.items()
        if not isinstance(value, Mapping | list)
    )
    references = (
        "Wilson, E. B. (1927). Probable inference, the law of succession, and statistical "
        "inference. Journal of the American Statistical Association, 22(158), 209–212.",
        "Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: "
        "comparison of seven methods. Statistics in Medicine, 17(8), 857–872.",
        "Maslov, S., & Sneppen, K. (2002). Specificity and stability in topology of protein "
        "networks. Science, 296(5569), 910–913.",
        "Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises. "
        "Social Psychology Quarterly, 51(2), 123–140.",
        "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67, 026126.",
    )
    refs = "".join(f"<li>{esc(r)}</li>" for r in references)
    return section(
        t.gettext("Method"),
        f'<dl class="method">{notes}</dl>' if notes else "",
        f'<h3>{esc(t.gettext("References"))}</h3><ol class="references">{refs}</ol>',
        id="method",
    )
