"""One self-contained HTML file per result, that an analyst can open offline or mail.

``render_html_report(report, gaps, t)`` combines a territory report with its gap
analysis; ``render_html(kind, data, lang)`` renders any one result. Every word is an
English msgid told in the page's language; numbers, dates and sectors are written the
language's way (French: ``0,286``, ``2 déc. 2026``, ``Entreprise``), while the English
page keeps the forms it always had (``0.286``, ISO dates, the data's sector keys).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from datetime import date
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
from .html_method import method_section
from .html_page import (
    FOOTER,
    Raw,
    cards_html,
    esc,
    page,
    paragraph,
    section,
    sector_chip,
    table_html,
)
from .i18n import N_, Translator, translator
from .labels import ACTOR_LABELS, label, localised, show
from .reasons import reason_in

TOP_BROKERS = 20
TOP_COMMUNITIES = 15
TOP_MEMBERS = 3

# Header

VARIANT_TIES = {"weighted": N_("weighted ties"), "unweighted": N_("unweighted ties")}


def day(value: Any, t: Translator) -> str:
    """A date of the data (a ``date`` or its ISO text) as ``t``'s language writes it."""
    if isinstance(value, str) and localised(t) is not None:
        with suppress(ValueError):
            value = date.fromisoformat(value)
    return show(value, t)


def subtitle(data: Mapping[str, Any], t: Translator) -> str:
    say = t.gettext
    parts = [
        say("As of {date}").format(date=day(data["as_of"], t))
        if data.get("as_of")
        else say("All ties (no date filter)")
    ]
    if data.get("variant"):
        variant = str(data["variant"])
        ties = VARIANT_TIES.get(variant, N_("{variant} ties"))
        parts.append(say(ties).format(variant=variant))
    if data.get("approximate") is not None:
        parts.append(
            say("approximate betweenness") if data["approximate"] else say("exact betweenness")
        )
    return " · ".join(parts)


# Report sections


def network_section(report: Mapping[str, Any], t: Translator) -> str:
    say = t.gettext
    network = report.get("network") or {}
    cards = [(say(name), value) for name, value in network_indicators(network)]
    by_sector = sectors_table(report)
    sectors = ""
    if by_sector is not None:
        rows = [(Raw(sector_chip(s, t)), count, ei) for s, count, ei in by_sector.rows]
        heads = [say("Sector"), say("Actors"), say("E-I index")]
        sectors = f"<h3>{esc(say('Sectors'))}</h3>" + table_html(
            heads, rows, numeric=heads[1:], t=t
        )
    extra = [
        f"<h3>{esc(say(label(k)))}</h3>"
        + table_html(
            [say("Key"), say("Value")],
            [(say(label(key)), value) for key, value in flatten(v).items()]
            if localised(t)
            else list(flatten(v).items()),
            t=t,
        )
        for k, v in network.items()
        if isinstance(v, Mapping) and k not in ("sector_counts", "ei_by_sector")
    ]
    return section(
        say("The network at a glance"), cards_html(cards, t), sectors, *extra, id="network"
    )


BROKER_METRICS = ("degree", "betweenness", "constraint", "effective_size", "ei_index")
ROLE_HEADS = {role.key: role.short for role in ROLE_LIST}


def actors_table(
    actors: Sequence[Mapping[str, Any]], metrics: Sequence[str], t: Translator | None = None
) -> str:
    """Ranked actors with ``metrics``, their brokerage roles and community, in a scroll box."""
    t = t or translator("en")
    say = t.gettext
    metrics = [m for m in metrics if any(m in a for a in actors)]
    heads = {r: say(h) for r, h in ROLE_HEADS.items()}
    text = [say("Name"), say("Sector")]
    columns = ["#", *text, *(say(label(m, ACTOR_LABELS)) for m in metrics)]
    columns += [*heads.values(), say("Community")]
    rows = []
    for rank, actor in enumerate(actors, 1):
        brokerage = actor.get("brokerage") or {}
        rows.append(
            (
                rank,
                Raw(f'<span class="name">{esc(actor.get("name"))}</span>'),
                Raw(sector_chip(actor.get("sector"), t)),
                *(actor.get(m) for m in metrics),
                *(brokerage.get(r) for r in ROLES),
                actor.get("community"),
            )
        )
    numeric = [c for c in columns if c not in text]
    roles = ", ".join(
        f"{h} = {r if localised(t) is None else role_name(r, t)}" for r, h in heads.items()
    )
    legend = paragraph(say("Brokerage roles: {roles}.").format(roles=roles))
    table = table_html(columns, rows, numeric=numeric, t=t)
    return f'<div class="wide">{table}</div>{legend}'


def role_name(role: str, t: Translator) -> str:
    """A brokerage role's name in ``t``'s language, in lower case."""
    return t.gettext(figures.ROLE[role].label).lower()


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


def brokers_section(report: Mapping[str, Any], figure: Figures, t: Translator) -> str:
    say = t.gettext
    actors = report.get("actors") or []
    top = top_actors(actors, TOP_BROKERS)
    if not top:
        return section(say("Brokers"), paragraph(say("No actors.")), id="brokers")
    return section(
        t.ngettext("Top {count} broker", "Top {count} brokers", len(top)).format(count=len(top)),
        paragraph(
            say(
                "Actors ranked by betweenness: those through whom the territory's shortest paths "
                "run. Brokerage roles count the pairs of unconnected partners each one mediates, "
                "by the sectors involved."
            )
        ),
        figure(figures.measure_bars(top, t=localised(t)), say("Betweenness, coloured by sector.")),
        figure(
            figures.brokerage_bars(top, localised(t)),
            say("Brokerage roles (Gould & Fernandez 1989)."),
        ),
        actors_table(top, BROKER_METRICS, t),
        id="brokers",
    )


def mixing_section(mixing: Any, figure: Figures, t: Translator) -> str:
    say = t.gettext
    sectors, cells = mixing_cells(mixing)
    if not cells:
        return ""
    rows = []
    for a, b in sector_pairs(sectors, cells):
        values = pair_cell(cells, a, b)
        rows.append(
            (Raw(sector_chip(a, t)), Raw(sector_chip(b, t)), *(values.get(s) for s in STATS))
        )
    numeric = [say("Observed"), say("Expected"), "z"]
    details = table_html([say("Sector"), say("Sector"), *numeric], rows, numeric=numeric, t=t)
    return section(
        say("Sector mixing"),
        paragraph(
            say(
                "Ties observed between sectors against those expected if ties ignored sectors. "
                "Red cells (negative z) are sector pairs with fewer ties than expected."
            )
        ),
        figure(
            figures.mixing_heatmap(mixing, t=localised(t)),
            say("Cells: observed (expected) ties; colour: z."),
        ),
        f"<details><summary>{esc(say('Sector mixing as a table'))}</summary>{details}</details>",
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


def communities_section(report: Mapping[str, Any], figure: Figures, t: Translator) -> str:
    say = t.gettext
    actors = report.get("actors") or []
    summary = community_summary(actors)
    if not summary:
        return ""
    total = len(actors) or 1
    rows = [
        (
            community,
            size,
            t.percent(size / total) if localised(t) else f"{size / total:.0%}",
            Raw(
                " ".join(
                    f"{sector_chip(s, t)} {esc(n, t)}"
                    for s, n in sorted(sectors.items(), key=lambda item: sector_sort_key(item[0]))
                )
            ),
            ", ".join(central),
        )
        for community, size, sectors, central in summary
    ]
    shown = summary[:TOP_COMMUNITIES]
    modularity = (report.get("network") or {}).get("modularity")
    count = len(summary)
    intro = t.ngettext("{count} community", "{count} communities", count).format(
        count=show(count, t)
    )
    if modularity is not None:
        intro = say("{communities}, modularity {modularity}").format(
            communities=intro, modularity=show(modularity, t)
        )
    heads = [say("Community"), say("Actors"), say("Share")]
    return section(
        say("Communities"),
        paragraph(intro + "."),
        figure(
            figures.community_bars([(c, s) for c, _, s, _ in shown], localised(t)),
            t.ngettext(
                "Sector composition of the {count} largest community.",
                "Sector composition of the {count} largest communities.",
                len(shown),
            ).format(count=len(shown)),
        ),
        table_html(
            [*heads, say("Sectors"), say("Most central members")],
            rows,
            numeric=heads,
            t=t,
        ),
        id="communities",
    )


def all_actors_section(report: Mapping[str, Any], t: Translator) -> str:
    actors = report.get("actors") or []
    if not actors:
        return ""
    table = actors_table(top_actors(actors, len(actors)), ACTOR_METRICS, t)
    shown = t.ngettext(
        "Show the {count} actor, by betweenness",
        "Show the {count} actors, by betweenness",
        len(actors),
    ).format(count=show(len(actors), t))
    return section(
        t.gettext("All actors"),
        f"<details><summary>{esc(shown)}</summary>{table}</details>",
        id="actors",
    )


# Gaps sections


def actor_cell(actor: Any, t: Translator | None = None) -> Raw:
    if not isinstance(actor, Mapping):
        return Raw(esc(actor))
    return Raw(f"{esc(name_of(actor))} {sector_chip(actor.get('sector'), t)}")


def gaps_sections(gaps: Mapping[str, Any], t: Translator | None = None) -> list[str]:
    """The gaps, fragile bridges and suggested introductions, in ``t``'s language."""
    t = t or translator("en")
    say = t.gettext
    gap_rows = [
        (
            Raw(" × ".join(sector_chip(s, t) for s in gap.get("sectors", []))),
            gap.get("observed"),
            gap.get("expected"),
            gap.get("z"),
            Raw(", ".join(esc(name_of(b)) for b in gap.get("bridges", [])) or "—"),
            Raw(f'<span class="flag">{esc(say("fragile"))}</span>') if gap.get("fragile") else "",
        )
        for gap in gaps.get("gaps", [])
    ]
    numeric = [say("Observed"), say("Expected"), "z"]
    gap_table = (
        table_html(
            [say("Sectors"), *numeric, say("Bridges"), say("Fragile")],
            gap_rows,
            numeric=numeric,
            t=t,
        )
        if gap_rows
        else paragraph(say("No sector pair has markedly fewer ties than expected."))
    )
    fragile = gaps.get("fragile_bridges") or []
    fragile_html = ""
    if fragile:
        fragile_rows = [
            (
                actor_cell(item, t),
                "; ".join(
                    f"{say(label(str(k)))}: {show(v, t)}"
                    for k, v in item.items()
                    if k not in ("id", "name", "sector")
                )
                if isinstance(item, Mapping)
                else "",
            )
            for item in fragile
        ]
        fragile_html = (
            f"<h3>{esc(say('Fragile bridges'))}</h3>"
            + paragraph(
                say("Actors who alone hold two sectors together: if they leave, the link is gone.")
            )
            + table_html([say("Actor"), say("Details")], fragile_rows, t=t)
        )

    intros = gaps.get("introductions") or []
    intro_rows = [
        (
            rank,
            actor_cell(intro.get("source"), t),
            actor_cell(intro.get("target"), t),
            intro.get("score"),
            intro.get("distance"),
            ", ".join(map(str, intro.get("shared_partners") or [])) or "—",
            reason_in(intro, t),
        )
        for rank, intro in enumerate(intros, 1)
    ]
    numeric = ["#", say("Score"), say("Distance")]
    intro_table = (
        table_html(
            ["#", say("Introduce"), say("to"), *numeric[1:], say("Shared partners"), say("Why")],
            intro_rows,
            numeric=numeric,
            t=t,
        )
        if intro_rows
        else paragraph(say("No introduction to suggest."))
    )
    return [
        section(
            say("Gaps between sectors"),
            paragraph(
                say("Sector pairs with fewer ties than expected, and who bridges them today.")
            ),
            gap_table,
            fragile_html,
            id="gaps",
        ),
        section(
            say("Suggested introductions"),
            paragraph(
                say("Ranked introductions that would close the gaps above, with the reason.")
            ),
            intro_table,
            id="introductions",
        ),
    ]


# Pages


def _page(title: str, data: Mapping[str, Any], body: list[str], t: Translator, **kw: Any) -> str:
    return page(
        title,
        subtitle(data, t) if "subtitle" not in kw else kw.pop("subtitle"),
        [b for b in body if b],
        lang=t.language,
        footer=t.gettext(FOOTER),
        **kw,
    )


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
        The language of the page: its words, numbers, dates and sectors (English
        without it).

    Returns
    -------
    str
        The HTML document (plotly.js inlined once; no external resource).
    """
    t = t or translator("en")
    figure = Figures()
    mixing = report.get("sector_mixing") or (gaps if gaps else None)
    body = [
        network_section(report, t),
        brokers_section(report, figure, t),
        mixing_section(mixing, figure, t) if mixing else "",
        *(gaps_sections(gaps, t) if gaps else []),
        communities_section(report, figure, t),
        all_actors_section(report, t),
        method_section(report.get("method"), gaps.get("method") if gaps else None, t=t),
    ]
    title = t.gettext("Network report: {territory}").format(territory=report.get("territory", ""))
    return _page(title, report, body, t, figures=figure.count > 0)


def gaps_page(gaps: Mapping[str, Any], t: Translator | None = None) -> str:
    """The gap analysis as one HTML page in ``t``'s language (English without it)."""
    t = t or translator("en")
    figure = Figures()
    method = method_section(gaps.get("method"), t=t)
    body = [mixing_section(gaps, figure, t), *gaps_sections(gaps, t), method]
    title = t.gettext("Sector gaps: {territory}").format(territory=gaps.get("territory", ""))
    return _page(title, gaps, body, t, figures=figure.count > 0)


BRIDGE_CHANGES = {
    "gained": (N_("Bridges gained"), N_("No bridge gained.")),
    "lost": (N_("Bridges lost"), N_("No bridge lost.")),
}


def bridges_page(changes: Mapping[str, Any], t: Translator | None = None) -> str:
    """The bridges gained and lost between two dates, in ``t``'s language."""
    t = t or translator("en")
    say = t.gettext
    sections = []
    for change, (heading, none) in BRIDGE_CHANGES.items():
        rows = [
            (
                bridge_text(item),
                ", ".join(bridge_pairs(item.get("sectors") if isinstance(item, Mapping) else None)),
            )
            for item in changes.get(change) or []
        ]
        columns = [say("Bridge"), say("Sectors it links")]
        content = table_html(columns, rows, t=t) if rows else paragraph(say(none))
        sections.append(section(say(heading), content, id=change))
    period = say("From {since} to {until}").format(
        since=day(changes.get("since"), t), until=day(changes.get("until"), t)
    )
    return _page(
        say("Bridges gained and lost"), changes, sections, t, subtitle=period, figures=False
    )


PAGES: Mapping[str, Callable[..., str]] = {
    "report": render_html_report,
    "gaps": gaps_page,
    "bridges": bridges_page,
}


def render_html(kind: str, data: Mapping[str, Any], lang: str = "en") -> str:
    """The ``kind`` result as one self-contained HTML document in ``lang``."""
    if kind == "compare":
        return render_brief(data, lang)
    return PAGES[kind](data, t=translator(lang))
