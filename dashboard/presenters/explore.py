"""The Explore page: sliders, actor search, the actor card, the introduction path, and views."""

from __future__ import annotations

import heapq
import logging
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import dash_bootstrap_components as dbc
import networkx as nx
from dash import html, no_update
from dash.exceptions import PreventUpdate

from ...graph.model import fold
from ...graph.vocabulary import (
    ACTOR_MEASURES,
    ACTOR_METRICS,
    NO_ROLE,
    ROLE,
    ROLES,
)
from ...reports.formats import slug
from ...reports.i18n import N_, Translator
from ...reports.labels import sector_label, tie_kind_label
from .. import ids
from ..network_payload import drawn_counts
from ..sources import Source
from . import explore_community, view_state
from .first_picture import FIRST_SIZE, explore_payload, slider_facts
from .formatting import day, iso, number, parse_as_of, period, reader, sector_badge
from .guard import error_alert, guarded, require_territory
from .network import community_name, filters_set, network_summary, picture_caption, picture_name
from .path_words import path_panel

log = logging.getLogger(__name__)


SEARCH_LIMIT = 40
TIES_SHOWN = 40


# ---------------------------------------------------------------------------
# Dates and the controls of the Explore page


def year_slider(years: Iterable[int], t: Translator | None = None) -> dict[str, Any]:
    """Props of the as-of slider: one mark per few years and a last mark, "all", for no date.

    ``years`` are ``graph.network_years.network_years``'s: the slider runs from the first
    to the last, one year a step, then "all".

    >>> year_slider([2012, 2019, 2020])["marks"]
    {2012: '2012', 2014: '2014', 2016: '2016', 2018: '2018', 2021: 'all'}
    >>> year_slider([])["disabled"]
    True
    """
    found = sorted(set(years))
    every = reader(t).gettext("all")
    if not found:
        return {"min": 0, "max": 1, "marks": {1: every}, "value": 1, "disabled": True}
    first, last = found[0], found[-1]
    everything = last + 1
    step = max(1, math.ceil((everything - first) / 8))
    marks: dict[int, str] = {y: str(y) for y in range(first, everything - step + 1, step)}
    marks[everything] = every
    return {"min": first, "max": everything, "marks": marks, "value": everything, "disabled": False}


def as_of_for(year: int | None, maximum: int | None) -> str | None:
    """The ``as_of`` date (31 December of ``year``) or None when the slider says "all".

    >>> as_of_for(2019, 2021), as_of_for(2021, 2021), as_of_for(None, 2021)
    ('2019-12-31', None, None)
    """
    if year is None or maximum is None or year >= maximum:
        return None
    return date(int(year), 12, 31).isoformat()


# ---------------------------------------------------------------------------
# Actor search, selection, card and path


def actor_label(graph: nx.Graph, node: Hashable, t: Translator | None = None) -> str:
    """How a picker names an actor: its name and its sector in ``t``'s language."""
    attrs = graph.nodes[node]
    return f"{attrs.get('name') or node} · {sector_label(attrs.get('sector'), t)}"


def actor_option(graph: nx.Graph, node: Hashable, t: Translator | None = None) -> dict[str, str]:
    """A picker's option for ``node``: its label, and the folded text the browser filters on.

    The dropdown filters options in the browser by lower-casing only; its
    ``search`` text holds the folded name and id, so that "cafe" keeps
    "Café Solidaire" as the server's own search does.

    >>> g = nx.Graph()
    >>> g.add_node("a1", name="Café Solidaire", sector="association")
    >>> actor_option(g, "a1")["search"]
    'cafe solidaire a1'
    """
    name = graph.nodes[node].get("name") or node
    search = f"{fold(str(name))} {fold(str(node))}"
    return {"label": actor_label(graph, node, t), "value": str(node), "search": search}


def actor_options(
    graph: nx.Graph,
    query: str | None,
    keep: Iterable[str] = (),
    limit: int = SEARCH_LIMIT,
    t: Translator | None = None,
    folded: Sequence[tuple] | None = None,
) -> list[dict[str, str]]:
    """Dropdown options matching ``query`` (accent- and case-insensitive), best first.

    The actor named (or identified) exactly by the query comes first, then names starting
    with it, then names containing it; the most connected first within each. Without a
    query: the most connected actors. The actors in ``keep`` (the current value) are always
    included. ``folded``: ``searchable(graph)``, when the caller keeps it.
    """
    wanted = fold(query or "")
    if wanted:
        scored = []
        for name, folded_id, links, text, node in folded or searchable(graph):
            if wanted in name or wanted in folded_id:
                starts = 0 if wanted in (name, folded_id) else 1 if name.startswith(wanted) else 2
                scored.append((starts, links, name, text, node))
        chosen = [entry[-1] for entry in heapq.nsmallest(limit, scored)]
    else:
        best = heapq.nsmallest(limit, graph.adjacency(), key=lambda a: (-len(a[1]), str(a[0])))
        chosen = [node for node, _ in best]
    for actor in keep:
        if actor in graph and actor not in chosen:
            chosen.append(actor)
    return [actor_option(graph, n, t) for n in chosen]


def searchable(graph: nx.Graph) -> list[tuple[str, str, int, str, Hashable]]:
    """Per actor: folded name, folded id, minus its degree, id as text, node (for the picker).

    >>> searchable(nx.Graph([("b", "a")]))
    [('b', 'b', -1, 'b', 'b'), ('a', 'a', -1, 'a', 'a')]
    """
    return [
        (fold(str(name or node)), fold(str(node)), -len(graph[node]), str(node), node)
        for node, name in graph.nodes(data="name")
    ]


def card_ties(network: Any) -> tuple[dict[str, tuple[str, str]], dict[str, list[Any]], set]:
    """What the card reads of ``network``: names and sectors by id (outside actors too),
    each actor's ties, the members."""
    names = {a.id: (a.name, str(a.sector)) for a in (*network.actors, *network.outside)}
    ties: dict[str, list[Any]] = {}
    for tie in network.ties:
        ties.setdefault(tie.source, []).append(tie)
        if tie.target != tie.source:
            ties.setdefault(tie.target, []).append(tie)
    return names, ties, set(network.member_ids)


def pick(
    trigger: Any,
    clicked: str | None,
    searched: str | None,
    search: str | None = None,
    territory: str | None = None,
) -> tuple[Any, Any, Any, Any]:
    """What a click, a clear, a search or a territory change does.

    Returns ``(selected, drawn selection, camera focus, search box value)``.

    A click (or a clear: background click, Esc) selects the clicked actor (or
    nothing) and empties the search box, so that searching any actor again,
    the same one included, selects it and flies to it.

    The drawing sets its own selection on a click (no update needed there). A change to
    the territory the address (``search``) names selects the actor it names there.

    >>> pick(ids.NETWORK, "a1", "a2") == ("a1", no_update, no_update, None)
    True
    >>> pick(ids.picker(ids.SEARCH_ROLE), None, "a2") == ("a2", "a2", "a2", no_update)
    True
    """
    if trigger == ids.TERRITORY:
        state = view_state.parse(search)
        if state.actor and view_state.territory_named(state, [territory or ""]):
            return state.actor, state.actor, state.actor, None
        return None, None, None, None
    if trigger == ids.NETWORK:
        return clicked or None, no_update, no_update, None
    if isinstance(trigger, Mapping) and trigger.get("type") == ids.PICKER:
        if searched:
            return searched, searched, searched, no_update
        return None, None, no_update, no_update
    raise PreventUpdate


def roles_in_words(
    brokerage: Mapping[str, int] | None, sector: str | None, t: Translator | None = None
) -> list[str]:
    """The actor's brokerage roles as sentences, most frequent first.

    >>> roles_in_words({"coordinator": 2, "liaison": 0}, "public")[0][:60]
    'Coordinator (2 pairs): links two partners of its own sector '
    """
    t = reader(t)
    counts = {role: int((brokerage or {}).get(role, 0) or 0) for role in ROLES}
    present = sorted((r for r in ROLES if counts[r] > 0), key=lambda r: -counts[r])
    if not present:
        return [t.gettext(NO_ROLE)]
    sentences = []
    for role in present:
        n = counts[role]
        pairs = t.ngettext("{n} pair", "{n} pairs", n).format(n=t.integer(n))
        named = sector_label(sector, t) if sector else t.gettext("its sector")
        meaning = t.gettext(ROLE[role].meaning).format(sector=named)
        role_name = f"{t.gettext(ROLE[role].label)} ({pairs})"
        sentences.append(t.gettext("{label}: {value}").format(label=role_name, value=meaning) + ".")
    return sentences


def tie_rows(
    actor_id: str, ties: Iterable[Any], names: Mapping[str, tuple[str, str | None]], members: set
) -> list[dict[str, Any]]:
    """The actor's ties (model ``Tie``), strongest first, with the partner's name and sector."""
    rows = []
    for tie in ties:
        if actor_id not in (tie.source, tie.target):
            continue
        other = tie.target if tie.source == actor_id else tie.source
        name, sector = names.get(other, (other, None))
        direction = ""
        if tie.directed:
            direction = "to" if tie.source == actor_id else "from"
        rows.append(
            {
                "partner": other,
                "name": name,
                "sector": sector,
                "kind": str(tie.kind),
                "weight": tie.weight,
                "since": iso(tie.since),
                "until": iso(tie.until),
                "direction": direction,
                "outside": other not in members,
            }
        )
    return sorted(rows, key=lambda r: (-r["weight"], fold(str(r["name"]))))


DIRECTIONS = {"to": " (directed, to it)", "from": " (directed, from it)"}
TIE_PERIOD = (N_(", {since} to {until}"), N_(", since {since}"), N_(", until {until}"))


def _tie_text(row: Mapping[str, Any], t: Translator | None = None) -> str:
    t = reader(t)
    kind = tie_kind_label(row["kind"], t)
    when = period(row["since"], row["until"], t, TIE_PERIOD)
    arrow = t.gettext(DIRECTIONS[row["direction"]]) if row["direction"] in DIRECTIONS else ""
    outside = t.gettext(" — outside the territory") if row["outside"] else ""
    weight = t.gettext(", weight {weight}").format(weight=number(row["weight"], t))
    return f"{kind}{arrow}{weight}{when}{outside}"


def actor_card(
    actor: Any,
    row: Mapping[str, Any] | None,
    ties: Sequence[Mapping[str, Any]],
    hops: int,
    ego_size: int | None,
    t: Translator | None = None,
    community: int | None = None,
) -> dbc.Card:
    """The card of one actor: who, measures in words, brokerage roles, ties.

    ``community`` is the rank of its community (0 = the largest), named as the legend
    names it, with a button that opens it.
    """
    t = reader(t)
    sector = str(actor.sector) if actor is not None else (row or {}).get("sector")
    name = actor.name if actor is not None else (row or {}).get("name", "")
    facts = []
    fact = t.gettext("{label}: {value}")
    if actor is not None:
        known = (("kind", actor.kind), ("city", actor.city), ("joined", day(actor.joined, t)))
        for label, value in known:
            if value:
                facts.append(fact.format(label=t.gettext(label), value=value))
        if actor.territories:
            listed = ", ".join(actor.territories)
            facts.append(fact.format(label=t.gettext("territories"), value=listed))
    body: list[Any] = [
        html.H5([name, " ", sector_badge(sector, t)], className="card-title"),
        html.P(" · ".join(facts), className="text-muted small") if facts else None,
    ]
    if row is None:
        absent = t.gettext("Not in the territory's network at this date.")
        body.append(html.P(absent, className="small"))
    else:
        hover = t.gettext("hover a row for its meaning")
        body.append(html.H6(t.gettext("Measures"), title=hover))
        measures = []
        for key in ACTOR_METRICS:
            if key in row:
                measure = ACTOR_MEASURES[key]
                cells = [html.Th(t.gettext(measure.label)), html.Td(number(row.get(key), t))]
                measures.append(html.Tr(cells, title=t.gettext(measure.explanation)))
        if community is not None:
            cells = [html.Th(t.gettext("Community")), html.Td(community_name(community, t))]
            measures.append(html.Tr(cells, className="card-community"))
        body.append(html.Table(html.Tbody(measures), className="measure-table"))
        body.append(explore_community.open_button(community, t))
        body.append(html.H6(t.gettext("Brokerage roles")))
        roles = roles_in_words(row.get("brokerage"), sector, t)
        body.append(html.Ul([html.Li(s) for s in roles], className="roles"))
    if ego_size is not None:
        actors = t.ngettext("{n} actor", "{n} actors", ego_size).format(n=t.integer(ego_size))
        # the same words as the hops control ("1 hop", "2 hops")
        within = t.ngettext("{n} hop", "{n} hops", hops).format(n=t.integer(hops))
        text = t.gettext("Highlighted: {actors} within {hops} of {name}.").format(
            actors=actors, hops=within, name=name
        )
        body.append(html.P(text, className="small text-muted"))
    body.append(html.H6(t.gettext("Ties ({count})").format(count=t.integer(len(ties)))))
    shown = [
        html.Li(
            [html.Strong(tie["name"]), " ", sector_badge(tie["sector"], t), html.Br()]
            + [_tie_text(tie, t)]
        )
        for tie in ties[:TIES_SHOWN]
    ]
    if len(ties) > TIES_SHOWN:
        more = t.gettext("and {count} more").format(count=t.integer(len(ties) - TIES_SHOWN))
        shown.append(html.Li(more, className="text-muted"))
    body.append(html.Ul(shown, className="ties"))
    return dbc.Card(dbc.CardBody([b for b in body if b is not None]), className="actor-card")


def focus_from_search(
    search: str | None, graph: nx.Graph | None, t: Translator | None = None
) -> dict[str, Any]:
    """The view the address names (:mod:`.view_state`), for the Explore page's controls.

    ``from`` and ``to`` are the path ends with their picker options, ``actor`` the selected
    actor; actors not in ``graph`` are dropped. ``colour``, ``sectors``, ``kinds``, ``hops``
    and ``community`` (the opened one's number, when the address names one) are the
    drawing's options (the minimum weight waits for its slider's range,
    :func:`slider_outputs`).
    """
    state = view_state.parse(search)
    focus: dict[str, Any] = {"colour": state.colour, "sectors": state.shown_sectors}
    focus["kinds"] = state.shown_kinds
    focus["hops"] = state.hops
    if state.community:
        focus["community"] = state.community
    for key, actor in (("from", state.source), ("to", state.target)):
        if actor and graph is not None and actor in graph:
            focus[key] = {"value": actor, "options": [actor_option(graph, actor, t)]}
    if state.actor and graph is not None and state.actor in graph:
        focus["actor"] = state.actor
    return focus


# ---------------------------------------------------------------------------
# Views: fetch from the source, present, guard. Callbacks call only these.


def explore_controls_view(
    source: Source, territory: str | None, t: Translator | None = None
) -> tuple[dict, dict]:
    """Props of the as-of and minimum-weight sliders for ``territory``.

    On failure the sliders stay neutral; the network view shows the error.
    """
    neutral = year_slider([], t), {"min": 0, "max": 1, "step": 1, "marks": {}, "value": 0}
    if not territory:
        return neutral
    try:
        years, weights = slider_facts(source, territory)
        return year_slider(years, t), weights
    except Exception:
        log.exception("sliders of %r", territory)
        return neutral


def slider_outputs(
    props: tuple[dict, dict], search: str | None = None, territory: str | None = None
) -> tuple:
    """The slider props as the flat tuple of callback outputs, at the year and minimum weight
    the address says."""
    year, weight = props
    state = view_state.parse(search)
    asked = view_state.year_within(state, territory, (year["min"], year["max"]))
    if asked is not None:
        year = {**year, "value": asked}
    heavier = view_state.min_weight_within(state, territory, (weight["min"], weight["max"]))
    if heavier is not None:
        weight = {**weight, "value": heavier}
    year_keys = ("min", "max", "marks", "value", "disabled")
    weight_keys = ("min", "max", "step", "marks", "value")
    return (*(year.get(k) for k in year_keys), *(weight.get(k) for k in weight_keys))


@guarded(dict, lambda: "network", str)
def network_view(
    source: Source,
    territory: str | None,
    as_of: str | None,
    size_by: str | None = "degree",
    t: Translator | None = None,
    community: int | None = None,
) -> tuple[dict, str, str]:
    """The renderer's payload, and its pictures' file name and caption: the whole territory,
    sized at ``as_of``, or the opened ``community`` (its number) alone at its own layout.

    The payload holds every actor and tie with their years (its ``timeline``): the renderer
    draws the network at the slider's year itself; this only brings that date's sizes.
    """
    territory = require_territory(territory, t)
    day = parse_as_of(as_of)
    name, caption = picture_name(territory, as_of, t), picture_caption(territory, as_of, t)
    size = size_by or FIRST_SIZE
    opened = explore_community.community_payload(source, territory, day, community, size)
    if opened is not None:
        named = community_name(community - 1, t) if community else ""
        return opened, f"{name}-{slug(named)}", f"{caption} · {named}"
    return explore_payload(source, territory, day, size), name, caption


def summary_view(
    source: Source,
    territory: str | None,
    as_of: str | None,
    sectors: Sequence[str] | None,
    t: Translator | None = None,
    kinds: Sequence[str] | None = None,
    min_weight: float | None = 0,
    community: int | None = None,
) -> str:
    """The line above the network; with a filter set (or a community opened), how much of it
    is drawn.

    The filters are the drawing's: ``sectors`` shown, tie ``kinds`` shown, ``min_weight``.
    """
    if not territory:
        return ""
    try:
        day = parse_as_of(as_of)
        report = source.report(territory, as_of=day)
        opened = explore_community.opened_counts(
            source, territory, day, community, sectors, t, kinds, min_weight
        )
        filters = filters_set(sectors, kinds, min_weight, t)
        drawn = None
        if filters and not opened:
            lines = explore_community.tie_lines_at(source, territory, day)
            drawn = drawn_counts(lines, sectors, kinds, float(min_weight or 0))
    except Exception:
        log.exception("summary of %r", territory)
        return ""
    if opened:
        return f"{network_summary(report, None, t)} · {opened}"
    return network_summary(report, drawn, t, filters)


def pick_view(
    trigger: Any,
    clicked: str | None,
    searched: str | None,
    search: str | None = None,
    territory: str | None = None,
) -> tuple[Any, ...]:
    """Selected actor, drawn selection, camera focus and search box value (see :func:`pick`)."""
    return pick(trigger, clicked, searched, search, territory)


@guarded(None, lambda: None)
def card_view(
    source: Source,
    territory: str | None,
    as_of: str | None,
    actor_id: str | None,
    hops: int | None,
    t: Translator | None = None,
) -> tuple[Any, list[str] | None]:
    """The actor card and the actors lit around it, its ego network at ``hops`` (+ alert)."""
    if not territory or not actor_id:
        hint = reader(t).gettext("Click an actor in the network, or search one by name.")
        return html.P(hint, className="text-muted"), None
    day = parse_as_of(as_of)
    hops = int(hops or 1)
    graph = source.graph(territory, as_of=day)
    report = source.report(territory, as_of=day)
    row = next((r for r in report.get("actors", []) if r["id"] == actor_id), None)
    names, by_actor, members = source.cached(
        "card ties", (territory, day), lambda: card_ties(source.network(territory, as_of=day))
    )
    ties = tie_rows(actor_id, by_actor.get(actor_id, ()), names, members)
    neighbourhood = None
    ego_size = None
    if actor_id in graph:
        ego = source.ego(territory, actor_id, hops=hops, as_of=day)
        neighbourhood = sorted(map(str, ego.nodes))
        ego_size = ego.number_of_nodes()
    actor = source.actor(actor_id)
    rank = explore_community.actor_ranks(source, territory, day).get(actor_id)
    return actor_card(actor, row, ties, hops, ego_size, t, rank), neighbourhood


@guarded(list, list)
def path_view(
    source: Source,
    territory: str | None,
    as_of: str | None,
    start: str | None,
    end: str | None,
    t: Translator | None = None,
    community: int | None = None,
) -> tuple[list, list[str]]:
    """The introduction chain in words and the actors to draw it through (+ alert).

    With both ends in the opened ``community``, the chain runs inside it (drawn there).
    """
    t = reader(t)
    if not territory or not start or not end:
        hint = t.gettext("Pick two actors to find who can introduce them.")
        return [html.P(hint, className="text-muted")], []
    day = parse_as_of(as_of)
    graph = source.graph(territory, as_of=day)
    if start == end:
        return [html.P(t.gettext("Pick two different actors."))], []
    full = source.graph(territory)
    if start not in full or end not in full:
        other = t.gettext("Pick two actors of this territory.")
        return [html.P(other, className="text-muted")], []
    path = explore_community.path_inside(source, territory, day, community, start, end)
    try:
        path = source.path(territory, start, end, as_of=day) if path is None else path
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        path = []
    if not path:
        first = graph.nodes[start].get("name", start) if start in graph else start
        last = graph.nodes[end].get("name", end) if end in graph else end
        message = t.gettext(
            "No chain of ties links {first} and {last} in this territory at this date."
        ).format(first=first, last=last)
        return [dbc.Alert(message, color="warning")], []
    return path_panel(graph, path, t), [str(actor) for actor in path]


def picker_view(
    source: Source,
    territory: str | None,
    query: str | None,
    value: Any,
    t: Translator | None = None,
) -> list[dict[str, str]]:
    """Options of an actor picker for what the user typed (none on failure)."""
    if not territory:
        return []
    keep = value if isinstance(value, list) else [value] if value else []
    try:
        graph = source.graph(territory)
        folded = source.cached("picker names", (territory,), lambda: searchable(graph))
        return actor_options(graph, query, keep, t=t, folded=folded)
    except Exception:
        log.exception("actor options of %r", territory)
        return []


def territories_view(source: Source, t: Translator | None = None) -> tuple[list[str], Any]:
    """The territory names for the picker, and an error panel if the store cannot be read."""
    try:
        return list(source.territory_names()), None
    except Exception as exc:
        log.exception("listing territories")
        return [], error_alert(exc, t)


def focus_view(
    source: Source, territory: str | None, search: str | None, t: Translator | None = None
) -> dict[str, Any]:
    """The view the address names, its actors those of its territory (else ``territory``)."""
    if not search:
        return {}
    try:
        named = view_state.territory_named(view_state.parse(search), source.territory_names())
        territory = named or territory
        return focus_from_search(search, source.graph(territory) if territory else None, t)
    except Exception:
        log.exception("focus %r in %r", search, territory)
        return {}
