"""One self-contained HTML file per result, that an analyst can open offline or mail.

``render_html_report(report, gaps)`` combines a territory report with its gap
analysis; ``render_html(kind, data)`` renders any one result.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from maillage.graph.vocabulary import ACTOR_METRICS, ROLE_LIST, ROLES, sector_sort_key

from . import figures
from .brief import render_brief
from .export_tables import (
    STATS,
    bridge_pairs,
    bridge_text,
    flatten,
    mixing_cells,
    name_of,
    network_indicators,
    pair_cell,
    sector_pairs,
    sectors_table,
    top_actors,
)
from .html_page import (
    Raw,
    cards_html,
    esc,
    page,
    paragraph,
    section,
    sector_chip,
    table_html,
)
from .i18n import Translator, translator
from .labels import ACTOR_LABELS, label, show
from .reasons import reason_in

TOP_BROKERS = 20
TOP_COMMUNITIES = 15
TOP_MEMBERS = 3

REFERENCES: tuple[str, ...] = (
    "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. "
    "Sociometry, 40(1), 35–41.",
    "Brandes, U. (2001). A faster algorithm for betweenness centrality. "
    "Journal of Mathematical Sociology, 25(2), 163–177.",
    "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. "
    "Harvard University Press.",
    "Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a formal approach to "
    "brokerage in transaction networks. Sociological Methodology, 19, 89–126.",
    "Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises: "
    "an experimental simulation. Social Psychology Quarterly, 51(2), 123–140.",
    "Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). Fast unfolding of "
    "communities in large networks. Journal of Statistical Mechanics, P10008.",
    "Traag, V. A., Waltman, L., & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing "
    "well-connected communities. Scientific Reports, 9, 5233.",
    "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67, 026126.",
)

GLOSSARY: tuple[tuple[str, str], ...] = (
    ("Degree", "number of partners of the actor on the territory."),
    (
        "Betweenness",
        "share of the shortest paths between two other actors that pass through the actor "
        "(Freeman 1977, computed with Brandes 2001); high values mark brokers.",
    ),
    ("Closeness", "inverse of the average distance from the actor to the others it can reach."),
    ("Eigenvector, PageRank", "influence that comes from being tied to well-tied actors."),
    (
        "Constraint, effective size",
        "Burt's (1992) structural holes: low constraint and a large effective size mean "
        "partners who do not know each other, so access to distinct circles.",
    ),
    (
        "Brokerage roles",
        "Gould & Fernandez (1989), sectors as groups: for each pair of partners the actor links "
        "and who are not tied, coordinator (all in one sector), itinerant (the two partners "
        "share a sector, the broker is from another), gatekeeper (the target shares the "
        "broker's sector), representative (the source does), liaison (three sectors).",
    ),
    (
        "E-I index",
        "Krackhardt & Stern (1988): (ties across sectors − ties within) / all ties, from −1 "
        "(closed sectors) to +1 (only cross-sector ties).",
    ),
    (
        "Communities",
        "groups denser inside than between, found by modularity optimisation (Leiden, Traag "
        "et al. 2019, or Louvain, Blondel et al. 2008).",
    ),
    (
        "Sector mixing",
        "ties between two sectors observed against those expected if ties ignored sectors; "
        "z is the standardised difference (negative: fewer ties than expected, a gap).",
    ),
)


# Header


def subtitle(data: Mapping[str, Any]) -> str:
    parts = [f"As of {show(data['as_of'])}" if data.get("as_of") else "All ties (no date filter)"]
    if data.get("variant"):
        parts.append(f"{data['variant']} ties")
    if data.get("approximate") is not None:
        parts.append("approximate betweenness" if data["approximate"] else "exact betweenness")
    return " · ".join(parts)


# Report sections


def network_section(report: Mapping[str, Any]) -> str:
    network = report.get("network") or {}
    cards = network_indicators(network)
    by_sector = sectors_table(report)
    sectors = ""
    if by_sector is not None:
        rows = [(Raw(sector_chip(s)), count, ei) for s, count, ei in by_sector.rows]
        sectors = "<h3>Sectors</h3>" + table_html(
            ["Sector", "Actors", "E-I index"], rows, numeric=["Actors", "E-I index"]
        )
    extra = [
        f"<h3>{esc(label(k))}</h3>" + table_html(["Key", "Value"], list(flatten(v).items()))
        for k, v in network.items()
        if isinstance(v, Mapping) and k not in ("sector_counts", "ei_by_sector")
    ]
    return section("The network at a glance", cards_html(cards), sectors, *extra, id="network")


BROKER_METRICS = ("degree", "betweenness", "constraint", "effective_size", "ei_index")
ROLE_HEADS = {role.key: role.short for role in ROLE_LIST}


def actors_table(actors: Sequence[Mapping[str, Any]], metrics: Sequence[str]) -> str:
    """Ranked actors with ``metrics``, their brokerage roles and community, in a scroll box."""
    metrics = [m for m in metrics if any(m in a for a in actors)]
    columns = ["#", "Name", "Sector", *(label(m, ACTOR_LABELS) for m in metrics)]
    columns += [*ROLE_HEADS.values(), "Community"]
    rows = []
    for rank, actor in enumerate(actors, 1):
        brokerage = actor.get("brokerage") or {}
        rows.append(
            (
                rank,
                Raw(f'<span class="name">{esc(actor.get("name"))}</span>'),
                Raw(sector_chip(actor.get("sector"))),
                *(actor.get(m) for m in metrics),
                *(brokerage.get(r) for r in ROLES),
                actor.get("community"),
            )
        )
    numeric = [c for c in columns if c not in ("Name", "Sector")]
    legend = paragraph(
        "Brokerage roles: " + ", ".join(f"{h} = {r}" for r, h in ROLE_HEADS.items()) + "."
    )
    return f'<div class="wide">{table_html(columns, rows, numeric=numeric)}</div>{legend}'


class Figures:
    """Numbers the figures of one page, so that their ``div`` ids are unique and stable."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, figure: Mapping[str, Any] | None, caption: str = "") -> str:
        if figure is None or not figure["data"]:
            return ""
        self.count += 1
        html = figures.figure_html(figure, f"maillage-figure-{self.count}")
        note = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
        return f"<figure>{html}{note}</figure>"


def brokers_section(report: Mapping[str, Any], figure: Figures) -> str:
    actors = report.get("actors") or []
    top = top_actors(actors, TOP_BROKERS)
    if not top:
        return section("Brokers", paragraph("No actors."), id="brokers")
    return section(
        f"Top {len(top)} brokers",
        paragraph(
            "Actors ranked by betweenness: those through whom the territory's shortest paths "
            "run. Brokerage roles count the pairs of unconnected partners each one mediates, "
            "by the sectors involved."
        ),
        figure(figures.measure_bars(top), "Betweenness, coloured by sector."),
        figure(figures.brokerage_bars(top), "Brokerage roles (Gould & Fernandez 1989)."),
        actors_table(top, BROKER_METRICS),
        id="brokers",
    )


def mixing_section(mixing: Any, figure: Figures) -> str:
    sectors, cells = mixing_cells(mixing)
    if not cells:
        return ""
    rows = []
    for a, b in sector_pairs(sectors, cells):
        values = pair_cell(cells, a, b)
        rows.append((Raw(sector_chip(a)), Raw(sector_chip(b)), *(values.get(s) for s in STATS)))
    details = table_html(
        ["Sector", "Sector", "Observed", "Expected", "z"],
        rows,
        numeric=["Observed", "Expected", "z"],
    )
    return section(
        "Sector mixing",
        paragraph(
            "Ties observed between sectors against those expected if ties ignored sectors. "
            "Red cells (negative z) are sector pairs with fewer ties than expected."
        ),
        figure(figures.mixing_heatmap(mixing), "Cells: observed (expected) ties; colour: z."),
        f"<details><summary>Sector mixing as a table</summary>{details}</details>",
        id="mixing",
    )


def community_summary(
    actors: Sequence[Mapping[str, Any]],
) -> list[tuple[Any, int, Counter, list[str]]]:
    """(label, size, sector counts, most central members) per community, largest first."""
    members: dict[Any, list[Mapping[str, Any]]] = {}
    for actor in actors:
        if actor.get("community") is not None:
            members.setdefault(actor["community"], []).append(actor)
    summary = []
    for community, group in members.items():
        sectors = Counter(str(a.get("sector")) for a in group)
        central = [str(a.get("name")) for a in top_actors(group, TOP_MEMBERS)]
        summary.append((community, len(group), sectors, central))
    summary.sort(key=lambda item: (-item[1], str(item[0])))
    return summary


def communities_section(report: Mapping[str, Any], figure: Figures) -> str:
    actors = report.get("actors") or []
    summary = community_summary(actors)
    if not summary:
        return ""
    total = len(actors) or 1
    rows = [
        (
            community,
            size,
            f"{size / total:.0%}",
            Raw(
                " ".join(
                    f"{sector_chip(s)} {esc(n)}"
                    for s, n in sorted(sectors.items(), key=lambda item: sector_sort_key(item[0]))
                )
            ),
            ", ".join(central),
        )
        for community, size, sectors, central in summary
    ]
    shown = summary[:TOP_COMMUNITIES]
    modularity = (report.get("network") or {}).get("modularity")
    intro = f"{len(summary)} communities"
    if modularity is not None:
        intro += f", modularity {show(modularity)}"
    return section(
        "Communities",
        paragraph(intro + "."),
        figure(
            figures.community_bars([(c, s) for c, _, s, _ in shown]),
            f"Sector composition of the {len(shown)} largest communities.",
        ),
        table_html(
            ["Community", "Actors", "Share", "Sectors", "Most central members"],
            rows,
            numeric=["Community", "Actors", "Share"],
        ),
        id="communities",
    )


def all_actors_section(report: Mapping[str, Any]) -> str:
    actors = report.get("actors") or []
    if not actors:
        return ""
    table = actors_table(top_actors(actors, len(actors)), ACTOR_METRICS)
    return section(
        "All actors",
        f"<details><summary>Show the {len(actors)} actors, by betweenness</summary>"
        f"{table}</details>",
        id="actors",
    )


# Gaps sections


def actor_cell(actor: Any) -> Raw:
    if not isinstance(actor, Mapping):
        return Raw(esc(actor))
    return Raw(f"{esc(name_of(actor))} {sector_chip(actor.get('sector'))}")


def gaps_sections(gaps: Mapping[str, Any], t: Translator | None = None) -> list[str]:
    """The gaps, fragile bridges and suggested introductions (their reasons in ``t``'s language)."""
    gap_rows = [
        (
            Raw(" × ".join(sector_chip(s) for s in gap.get("sectors", []))),
            gap.get("observed"),
            gap.get("expected"),
            gap.get("z"),
            Raw(", ".join(esc(name_of(b)) for b in gap.get("bridges", [])) or "—"),
            Raw('<span class="flag">fragile</span>') if gap.get("fragile") else "",
        )
        for gap in gaps.get("gaps", [])
    ]
    gap_table = (
        table_html(
            ["Sectors", "Observed", "Expected", "z", "Bridges", "Fragile"],
            gap_rows,
            numeric=["Observed", "Expected", "z"],
        )
        if gap_rows
        else paragraph("No sector pair has markedly fewer ties than expected.")
    )
    fragile = gaps.get("fragile_bridges") or []
    fragile_html = ""
    if fragile:
        fragile_rows = [
            (
                actor_cell(item),
                "; ".join(
                    f"{label(str(k))}: {show(v)}"
                    for k, v in item.items()
                    if k not in ("id", "name", "sector")
                )
                if isinstance(item, Mapping)
                else "",
            )
            for item in fragile
        ]
        fragile_html = (
            "<h3>Fragile bridges</h3>"
            + paragraph(
                "Actors who alone hold two sectors together: if they leave, the link is gone."
            )
            + table_html(["Actor", "Details"], fragile_rows)
        )

    intros = gaps.get("introductions") or []
    intro_rows = [
        (
            rank,
            actor_cell(intro.get("source")),
            actor_cell(intro.get("target")),
            intro.get("score"),
            intro.get("distance"),
            ", ".join(map(str, intro.get("shared_partners") or [])) or "—",
            reason_in(intro, t or translator("en")),
        )
        for rank, intro in enumerate(intros, 1)
    ]
    intro_table = (
        table_html(
            ["#", "Introduce", "to", "Score", "Distance", "Shared partners", "Why"],
            intro_rows,
            numeric=["#", "Score", "Distance"],
        )
        if intro_rows
        else paragraph("No introduction to suggest.")
    )
    return [
        section(
            "Gaps between sectors",
            paragraph("Sector pairs with fewer ties than expected, and who bridges them today."),
            gap_table,
            fragile_html,
            id="gaps",
        ),
        section(
            "Suggested introductions",
            paragraph("Ranked introductions that would close the gaps above, with the reason."),
            intro_table,
            id="introductions",
        ),
    ]


# Method


def _reference_key(text: str) -> tuple[str, str]:
    surname = re.match(r"\W*(\w+)", text)
    year = re.search(r"\b(1[89]|20)\d\d\b", text)
    return (surname.group(1).lower() if surname else text, year.group(0) if year else "")


def method_section(*methods: Mapping[str, Any] | None) -> str:
    notes: list[tuple[str, Any]] = []
    extra_references: list[str] = []
    for method in methods:
        for key, value in (method or {}).items():
            if key == "references" and isinstance(value, list | tuple):
                extra_references.extend(str(r) for r in value)
            elif isinstance(value, Mapping):
                notes.extend(
                    (f"{label(key)}: {label(str(k))}", v) for k, v in flatten(value).items()
                )
            else:
                notes.append((label(key), value))
    known = {_reference_key(r) for r in REFERENCES}
    references = list(REFERENCES)
    for ref in extra_references:
        if _reference_key(ref) not in known:
            known.add(_reference_key(ref))
            references.append(ref)
    glossary = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in GLOSSARY)
    settings = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in notes)
    refs = "".join(f"<li>{esc(r)}</li>" for r in references)
    return section(
        "Method",
        f'<dl class="method">{glossary}</dl>',
        f'<h3>This computation</h3><dl class="method">{settings}</dl>' if settings else "",
        f'<h3>References</h3><ol class="references">{refs}</ol>',
        id="method",
    )


# Pages


def render_html_report(
    report: Mapping[str, Any], gaps: Mapping[str, Any] | None = None, t: Translator | None = None
) -> str:
    """A territory report as one self-contained HTML page, with its gaps when given.

    Parameters
    ----------
    report : dict
        The result of ``territory_report``.
    gaps : dict, optional
        The result of ``gap_report`` on the same territory: adds the gaps,
        fragile bridges and suggested introductions.
    t : Translator, optional
        The language of the introductions' reasons (English without it; the rest of
        the page is in English).

    Returns
    -------
    str
        The HTML document (plotly.js inlined once; no external resource).
    """
    figure = Figures()
    mixing = report.get("sector_mixing") or (gaps if gaps else None)
    body = [
        network_section(report),
        brokers_section(report, figure),
        mixing_section(mixing, figure) if mixing else "",
        *(gaps_sections(gaps, t) if gaps else []),
        communities_section(report, figure),
        all_actors_section(report),
        method_section(report.get("method"), gaps.get("method") if gaps else None),
    ]
    title = f"Network report: {report.get('territory', '')}"
    return page(title, subtitle(report), [b for b in body if b], figures=figure.count > 0)


def gaps_page(gaps: Mapping[str, Any], t: Translator | None = None) -> str:
    figure = Figures()
    method = method_section(gaps.get("method"))
    body = [mixing_section(gaps, figure), *gaps_sections(gaps, t), method]
    title = f"Sector gaps: {gaps.get('territory', '')}"
    return page(title, subtitle(gaps), [b for b in body if b], figures=figure.count > 0)


def bridges_page(changes: Mapping[str, Any]) -> str:
    sections = []
    for change in ("gained", "lost"):
        rows = [
            (
                bridge_text(item),
                ", ".join(bridge_pairs(item.get("sectors") if isinstance(item, Mapping) else None)),
            )
            for item in changes.get(change) or []
        ]
        columns = ["Bridge", "Sectors it links"]
        content = table_html(columns, rows) if rows else paragraph(f"No bridge {change}.")
        sections.append(section(f"Bridges {change}", content, id=change))
    period = f"From {show(changes.get('since'))} to {show(changes.get('until'))}"
    return page("Bridges gained and lost", period, sections, figures=False)


PAGES: Mapping[str, Callable[[Mapping[str, Any]], str]] = {
    "report": render_html_report,
    "gaps": gaps_page,
    "compare": render_brief,
    "bridges": bridges_page,
}


def render_html(kind: str, data: Mapping[str, Any], lang: str = "en") -> str:
    """The ``kind`` result as one self-contained HTML document (reasons in ``lang``)."""
    if kind == "gaps":
        return gaps_page(data, translator(lang))
    return PAGES[kind](data)
