"""The Explore view in the address: what a shared link or a return visit brings back.

``/?territory=Alsace&colour=community&sectors=business,association&year=2019&actor=a1``
says which territory, colouring, sectors, date (end of ``year``; none: every tie), selected
actor and path ends (``from``, ``to``) the page shows; ``kinds`` (the tie kinds shown),
``min_weight`` (the lightest tie drawn) and ``hops`` (how far the selected actor's
neighbourhood reaches) the drawing's other options; ``community=3`` the opened community
(its number, 1 for the largest, as the legend and the card name it). Only what differs from
the page's defaults is written, so that a plain ``/`` stays plain. The page writes its state
into the address as it changes (``history.replaceState``: no new entry per click) and keeps
the last one for the navigation's Explore link, so that visiting another page and coming
back finds the view as it was left.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import parse_qs, urlencode

from dash import no_update

from ...graph.names import name_key
from ...graph.vocabulary import SECTORS, TIE_KINDS
from .. import ids

COLOURINGS = ("sector", "community")
HOP_CHOICES = (1, 2, 3)
"""How far the selected actor's neighbourhood may reach, in ties (the first: the default)."""


@dataclass(frozen=True)
class ViewState:
    """What the address says of the Explore view (None or empty: the default)."""

    territory: str | None = None
    colour: str = "sector"
    #: The sectors shown (None: every sector).
    sectors: tuple[str, ...] | None = None
    #: The as-of year (None: every tie, whatever its date).
    year: int | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    #: The tie kinds shown (None: every kind).
    kinds: tuple[str, ...] | None = None
    #: The lightest tie drawn, by weight (0: every tie).
    min_weight: int = 0
    #: How far the selected actor's neighbourhood reaches, in ties.
    hops: int = HOP_CHOICES[0]
    #: The opened community's number (1 = the largest; None: the whole territory).
    community: int | None = None

    @property
    def shown_sectors(self) -> list[str]:
        return list(SECTORS) if self.sectors is None else list(self.sectors)

    @property
    def shown_kinds(self) -> list[str]:
        return list(TIE_KINDS) if self.kinds is None else list(self.kinds)


def parse(search: str | None) -> ViewState:
    """The view an address's query names; unknown or malformed values are left out.

    >>> parse("?territory=Lille&colour=community&sectors=public,nope&year=2019&actor=l1")
    ViewState(territory='Lille', colour='community', sectors=('public',), year=2019, actor='l1', source=None, target=None, kinds=None, min_weight=0, hops=1, community=None)
    >>> state = parse("?kinds=funding,event&min_weight=2&hops=3")
    >>> state.kinds, state.min_weight, state.hops
    (('event', 'funding'), 2, 3)
    >>> parse(None) == ViewState() == parse("?colour=plaid&year=soon&min_weight=-1&hops=9&community=0")
    True
    >>> parse("?territory=Lille&community=3").community
    3
    """  # noqa: E501
    query = parse_qs((search or "").lstrip("?"), keep_blank_values=True)

    def one(key: str) -> str | None:
        value = (query.get(key) or [""])[0].strip()
        return value or None

    colour = one("colour")
    sectors = None
    if "sectors" in query:
        named = (query["sectors"][0] or "").split(",")
        sectors = tuple(s for s in SECTORS if s in named)
    year = one("year")
    kinds = None
    if "kinds" in query:
        kinds_named = (query["kinds"][0] or "").split(",")
        kinds = tuple(k for k in TIE_KINDS if k in kinds_named)
    min_weight = one("min_weight")
    hops = one("hops")
    community = one("community")
    return ViewState(
        territory=one("territory"),
        colour=colour if colour in COLOURINGS else "sector",
        sectors=sectors,
        year=int(year) if year and year.isdigit() else None,
        actor=one("actor"),
        source=one("from"),
        target=one("to"),
        kinds=kinds,
        min_weight=int(min_weight) if min_weight and min_weight.isdigit() else 0,
        hops=int(hops) if hops and hops.isdigit() and int(hops) in HOP_CHOICES else HOP_CHOICES[0],
        community=int(community)
        if community and community.isdigit() and community != "0"
        else None,
    )


def query(state: ViewState) -> str:
    """The query (``?...``, or ``""``) that :func:`parse` reads back as ``state``.

    >>> query(ViewState("Lille", "community", ("public", "business"), 2019, "l1"))
    '?territory=Lille&colour=community&sectors=business%2Cpublic&year=2019&actor=l1'
    >>> parse(query(ViewState("Lille", sectors=()))).sectors, query(ViewState())
    ((), '')
    >>> query(ViewState("Lille", community=2))
    '?territory=Lille&community=2'

    """
    fields: list[tuple[str, str]] = []
    if state.territory:
        fields.append(("territory", state.territory))
    if state.colour != "sector":
        fields.append(("colour", state.colour))
    if state.sectors is not None and set(state.sectors) != set(SECTORS):
        fields.append(("sectors", ",".join(s for s in SECTORS if s in state.sectors)))
    if state.year is not None:
        fields.append(("year", str(state.year)))
    if state.kinds is not None and set(state.kinds) != set(TIE_KINDS):
        fields.append(("kinds", ",".join(k for k in TIE_KINDS if k in state.kinds)))
    if state.min_weight:
        fields.append(("min_weight", str(state.min_weight)))
    if state.hops != HOP_CHOICES[0]:
        fields.append(("hops", str(state.hops)))
    for key, value in (("actor", state.actor), ("from", state.source), ("to", state.target)):
        if value:
            fields.append((key, value))
    if state.community:
        fields.append(("community", str(state.community)))
    return "?" + urlencode(fields) if fields else ""


def current(
    territory: str | None,
    colour: str | None,
    sectors: Iterable[str] | None,
    year: int | None,
    last_year: int | None,
    actor: str | None,
    source: str | None,
    target: str | None,
    kinds: Iterable[str] | None = None,
    min_weight: float | None = 0,
    hops: int | None = None,
    community: int | None = None,
) -> str:
    """The query of the Explore view as its controls show it now.

    The year slider's last mark means every tie: no ``year`` then.

    >>> current("Lille", "sector", None, 2021, 2021, "l1", None, None)
    '?territory=Lille&actor=l1'
    >>> current("Lille", "sector", None, 2021, 2021, "l1", None, None, ["funding"], 2, 2)
    '?territory=Lille&kinds=funding&min_weight=2&hops=2&actor=l1'
    >>> current("Lille", "community", None, 2019, 2021, None, None, None, community=4)
    '?territory=Lille&colour=community&year=2019&community=4'
    """
    dated = year is not None and last_year is not None and year < last_year
    return query(
        ViewState(
            territory=territory or None,
            colour=colour if colour in COLOURINGS else "sector",
            sectors=None if sectors is None else tuple(sectors),
            year=int(year) if dated and year is not None else None,
            actor=actor or None,
            source=source or None,
            target=target or None,
            kinds=None if kinds is None else tuple(kinds),
            min_weight=int(min_weight or 0),
            hops=int(hops) if hops in HOP_CHOICES else HOP_CHOICES[0],
            community=int(community) if community else None,
        )
    )


def explore_link(saved: str | None, territory: str | None) -> str:
    """The navigation's Explore link: back to the view last left, in ``territory``.

    A view of another territory keeps its colouring and filters, not its actors nor its
    opened community.

    >>> explore_link("?territory=Lille&colour=community&actor=l1", "Lille")
    '/?territory=Lille&colour=community&actor=l1'
    >>> explore_link("?territory=Lille&colour=community&actor=l1", "Alsace")
    '/?territory=Alsace&colour=community'
    >>> explore_link(None, None)
    '/'
    """
    state = parse(saved)
    if territory and state.territory != territory:
        state = replace(
            state, territory=territory, actor=None, source=None, target=None, community=None
        )
    return "/" + query(state)


def year_within(state: ViewState, territory: str | None, years: Sequence[int]) -> int | None:
    """The as-of year the address asks for ``territory``, if the slider has it.

    ``years`` are the slider's (``min``, ``max``); the last one means every tie.

    >>> year_within(ViewState("Lille", year=2019), "Lille", (2012, 2021))
    2019
    >>> year_within(ViewState("Lille", year=1990), "Lille", (2012, 2021)) is None
    True
    """
    if state.year is None or len(years) < 2 or not territory_named(state, [territory or ""]):
        return None
    first, last = years[0], years[-1]
    return state.year if first <= state.year < last else None


def min_weight_within(
    state: ViewState, territory: str | None, weights: Sequence[float]
) -> int | None:
    """The minimum tie weight the address asks for ``territory``, if the slider has it.

    ``weights`` are the minimum-weight slider's (``min``, ``max``).

    >>> min_weight_within(ViewState("Lille", min_weight=2), "Lille", (0, 4))
    2
    >>> min_weight_within(ViewState("Lille", min_weight=9), "Lille", (0, 4)) is None
    True
    """
    if not state.min_weight or len(weights) < 2 or not territory_named(state, [territory or ""]):
        return None
    return state.min_weight if weights[0] <= state.min_weight <= weights[-1] else None


def territory_named(state: ViewState, known: Iterable[str]) -> str | None:
    """The stored territory the address names, found as people type it (None: not one).

    >>> territory_named(parse("?territory=lille"), ["Alsace", "Lille"])
    'Lille'
    >>> territory_named(parse("?territory=Paris"), ["Alsace"]) is None
    True
    """
    if not state.territory:
        return None
    wanted = name_key(state.territory)
    return next((name for name in known if name_key(name) == wanted), None)


def territory_view(search: str | None, options: Iterable[Any] | None, territory: str | None) -> Any:
    """The territory picker's value for an address: the one it names, else unchanged.

    >>> territory_view("?territory=lille", ["Alsace", "Lille"], "Alsace")
    'Lille'
    >>> territory_view("?territory=Paris", ["Alsace"], "Alsace") is no_update
    True
    """
    known = [o["value"] if isinstance(o, dict) else o for o in options or ()]
    named = territory_named(parse(search), known)
    return named if named and named != territory else no_update


#: Browser side: the address shows the view (no new history entry), on the Explore page only.
SHOW_IN_ADDRESS = f"""
function (query) {{
    if (!document.getElementById({ids.NETWORK!r})) return window.dash_clientside.no_update;
    var wanted = window.location.pathname + (query || "");
    if (wanted !== window.location.pathname + window.location.search) {{
        window.history.replaceState(window.history.state, "", wanted);
    }}
    return query || "";
}}
"""

#: Browser side: copy the address of the view, or show it when the clipboard is refused.
COPY_LINK = """
function (clicks, copied) {
    if (!clicks) return window.dash_clientside.no_update;
    var href = window.location.href;
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(href);
        return copied || "Link copied";
    }
    return href;
}
"""
