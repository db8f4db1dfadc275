"""The words and colours of the domain, in one place: sectors, brokerage roles, measures.

Analytics, reports and the dashboard all read them from here, so that a
measure has one label, one meaning and one number of decimals wherever it
is shown, and a sector one colour in the app and in the report it downloads.

Examples
--------
>>> sector_sort_key("public") < sector_sort_key("media") < sector_sort_key("zzz")
True
>>> sector_noun("public", 2), sector_colour("nonsense") == sector_colour("other")
('2 public bodies', True)
>>> ACTOR_MEASURES["ei_index"].label, ACTOR_MEASURES["ei_index"].short
('E-I index', 'E-I')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Any

from .model import Sector, TieKind

# ---------------------------------------------------------------------------
# Sectors

SECTORS: tuple[str, ...] = tuple(s.value for s in Sector)
"""The closed list of sectors, in the order every table, legend and chart shows them."""

SECTOR_COLOURS: Mapping[str, str] = MappingProxyType(
    {  # Okabe & Ito's colour-blind-safe palette, one colour per sector.
        "business": "#E69F00",
        "association": "#009E73",
        "public": "#0072B2",
        "academic": "#CC79A7",
        "media": "#D55E00",
        "citizen": "#F0E442",
        "funder": "#56B4E9",
        "other": "#999999",
    }
)

SECTOR_NOUNS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {  # (one, many): how a sentence counts actors of a sector.
        "business": ("business", "businesses"),
        "association": ("association", "associations"),
        "public": ("public body", "public bodies"),
        "academic": ("academic actor", "academic actors"),
        "media": ("media outlet", "media outlets"),
        "citizen": ("citizen", "citizens"),
        "funder": ("funder", "funders"),
        "other": ("other actor", "other actors"),
    }
)


SECTOR_LABELS: Mapping[str, str] = MappingProxyType(
    {  # The name a badge, a legend, a checklist or a dropdown gives a sector (a msgid each).
        "business": "Business",
        "association": "Association",
        "public": "Public",
        "academic": "Academic",
        "media": "Media",
        "citizen": "Citizen",
        "funder": "Funder",
        "other": "Other",
    }
)


def _text(value: Any) -> str:
    return str(value.value if isinstance(value, Enum) else value)


def sector_sort_key(sector: Any) -> tuple[int, str]:
    """Sectors in the order of :data:`SECTORS`, unknown ones after, alphabetically."""
    text = _text(sector)
    return (SECTORS.index(text) if text in SECTORS else len(SECTORS), text)


def sector_colour(sector: Any) -> str:
    """The colour of ``sector``; an unknown or missing sector has the colour of ``other``."""
    return SECTOR_COLOURS.get(_text(sector) if sector is not None else "", SECTOR_COLOURS["other"])


def sector_plural(sector: str) -> str:
    """``"public bodies"``, ``"businesses"``; ``"<sector> actors"`` for an unknown one."""
    return SECTOR_NOUNS.get(sector, (f"{sector} actor", f"{sector} actors"))[1]


def sector_noun(sector: str, count: int) -> str:
    """Return ``"12 associations"``, ``"1 public body"``, etc.

    >>> sector_noun("public", 1), sector_noun("something", 2)
    ('1 public body', '2 something actors')
    """
    one, many = SECTOR_NOUNS.get(sector, (f"{sector} actor", f"{sector} actors"))
    return f"{count} {one if count == 1 else many}"


TIE_KINDS: tuple[str, ...] = tuple(k.value for k in TieKind)

TIE_KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "partnership": "partnership",
        "event": "co-participation in events",
        "funding": "funding",
        "governance": "governance",
        "service": "service",
        "other": "other tie",
    }
)

TIE_WEIGHT_EXPLANATION = (
    "How much two actors work together: the number of events they shared, or the weight "
    "the data gives their tie (1 when it gives none). Ties lighter than the minimum are hidden."
)
"""What a tie's weight is, where a control filters ties by it."""

RECORD_FIELDS: Mapping[str, str] = MappingProxyType(
    {  # The word a sentence names an actor's or a tie's field with (a msgid each).
        "name": "name",
        "sector": "sector",
        "territories": "territories",
        "kind": "kind",
        "city": "city",
        "lat": "lat",
        "lon": "lon",
        "joined": "joined",
        "weight": "weight",
        "since": "since",
        "until": "until",
        "note": "note",
        "ref": "ref",
        "activities": "activities",
    }
)
"""How an import's plan names the fields it changes: in English, the field's own name."""

# ---------------------------------------------------------------------------
# Brokerage roles (Gould & Fernandez 1989)


@dataclass(frozen=True)
class Role:
    """One Gould & Fernandez brokerage role: A -> broker -> C with A and C not tied.

    ``meaning`` holds ``{sector}``, the broker's sector.
    """

    key: str
    label: str
    short: str
    meaning: str
    colour: str


ROLE_LIST: tuple[Role, ...] = (
    Role(
        "coordinator",
        "Coordinator",
        "Coord.",
        "links two partners of its own sector ({sector}) who are not tied "
        "to each other: it brokers inside its sector",
        "#4E79A7",
    ),
    Role(
        "itinerant",
        "Itinerant broker",
        "Itin.",
        "links two partners who share a sector other than its own: "
        "an outside go-between for that sector",
        "#59A14F",
    ),
    Role(
        "gatekeeper",
        "Gatekeeper",
        "Gatek.",
        "lets an actor from another sector reach a partner of its own sector "
        "({sector}): it controls the way in",
        "#F28E2B",
    ),
    Role(
        "representative",
        "Representative",
        "Repr.",
        "carries a partner of its own sector ({sector}) to an actor of "
        "another sector: it speaks for its sector outside",
        "#B07AA1",
    ),
    Role(
        "liaison",
        "Liaison",
        "Liaison",
        "links two partners of two different sectors, neither of them its own: "
        "a bridge between worlds that are not its own",
        "#E15759",
    ),
)
ROLES: tuple[str, ...] = tuple(r.key for r in ROLE_LIST)
"""The role keys, in the order of every result (``brokerage`` dicts, columns)."""
ROLE: Mapping[str, Role] = MappingProxyType({r.key: r for r in ROLE_LIST})

NO_ROLE = "No brokerage role: none of its partners depend on it to reach one another."

# ---------------------------------------------------------------------------
# Measures


@dataclass(frozen=True)
class Measure:
    """A measure as people read it.

    Attributes
    ----------
    key : str
        Its key in the analytics results.
    label : str
        Its name in full (headings, the actor card, chart axes).
    short : str
        Its name where room is short (table columns, the comparison).
    meaning : str
        What it says, in the analyst's words (result documents, chart titles).
    decimals : int
        Decimals shown: 0 for counts, 3 for shares and scores.
    hint : str
        A few words on it, after its name in a menu.
    explanation : str
        What it says to someone who has never heard of network analysis: the tooltip or
        info mark wherever the app names it, and its entry in the HTML report's glossary
        (``meaning`` when not given).
    source : str
        Who defined it, after its explanation in the glossary (as published, never
        translated).
    """

    key: str
    label: str
    short: str
    meaning: str
    decimals: int = 3
    hint: str = ""
    explanation: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if not self.explanation:
            object.__setattr__(self, "explanation", self.meaning)


def _registry(*measures: Measure) -> Mapping[str, Measure]:
    return MappingProxyType({m.key: m for m in measures})


ACTOR_MEASURES: Mapping[str, Measure] = _registry(
    Measure(
        "degree",
        "Degree",
        "Degree",
        "partners inside the territory",
        0,
        "number of partners",
        explanation="How many partners the actor has on the territory.",
    ),
    Measure(
        "betweenness",
        "Betweenness",
        "Betweenness",
        "share of the shortest chains between two others that pass through it",
        hint="lies on paths between others",
        explanation="How often the actor lies on the shortest chain between two others: "
        "high values mark the go-betweens (brokers).",
        source="Freeman 1977; Brandes 2001",
    ),
    Measure(
        "closeness",
        "Closeness",
        "Closeness",
        "how few steps it needs, on average, to reach everyone",
        hint="few steps to everyone",
        explanation="How few steps the actor needs, on average, to reach the others: "
        "the higher, the fewer.",
    ),
    Measure(
        "eigenvector",
        "Eigenvector",
        "Eigenvector",
        "how well tied its partners themselves are",
        hint="tied to well-tied actors",
        explanation="Influence that comes from being tied to actors who are themselves well tied.",
    ),
    Measure(
        "pagerank",
        "PageRank",
        "PageRank",
        "importance passed on by its partners",
        explanation="Influence passed on by partners, the way search engines rank web pages: "
        "a tie from a well-tied actor counts more.",
    ),
    Measure(
        "constraint",
        "Constraint",
        "Constraint",
        "how much its partners know each other (low = open, brokering position)",
        explanation="How much the actor's partners know one another: low means partners in "
        "separate circles, whom the actor can bring together.",
        source="Burt 1992",
    ),
    Measure(
        "effective_size",
        "Effective size",
        "Effective size",
        "partners that do not know each other (non-redundant contacts)",
        hint="non-redundant partners",
        explanation="How many of the actor's partners do not know one another: the partners "
        "who bring new contacts.",
        source="Burt 1992",
    ),
    Measure(
        "ei_index",
        "E-I index",
        "E-I",
        "from -1 (ties only inside its sector) to +1 (ties only with other sectors)",
        explanation="From −1 (ties only inside its own sector) to +1 (ties only with other "
        "sectors).",
        source="Krackhardt & Stern 1988",
    ),
    Measure(
        "brokerage",
        "Brokerage (all roles)",
        "Brokerage",
        "pairs of partners it mediates, all five Gould & Fernandez roles together",
        0,
        explanation="How many pairs of partners who are not tied to each other the actor "
        "links, its five brokerage roles together.",
        source="Gould & Fernandez 1989",
    ),
)
"""Measures of one actor (the report's ``actors`` rows), in the order they are shown."""

ACTOR_METRICS: tuple[str, ...] = tuple(k for k in ACTOR_MEASURES if k != "brokerage")
"""The actor measures that are one number each in a report row (brokerage is per role)."""

NETWORK_MEASURES: Mapping[str, Measure] = _registry(
    Measure("actors", "Actors", "Actors", "Members of the territory.", 0),
    Measure("ties", "Ties", "Ties", "Ties between members (parallel ties each counted).", 0),
    Measure(
        "linked_pairs",
        "Linked pairs",
        "Linked pairs",
        "Pairs of members joined by at least one tie (parallel ties counted once).",
        0,
    ),
    Measure(
        "density",
        "Density",
        "Density",
        "Share of the possible ties between members that exist; degree-preserving "
        "randomisation keeps it, so it has no normalised value.",
        explanation="Share of all the possible ties between members that exist: 1 if "
        "everyone worked with everyone.",
    ),
    Measure(
        "components",
        "Components",
        "Components",
        "Connected parts of the network.",
        0,
        explanation="Parts of the network with no tie between them.",
    ),
    Measure(
        "largest_component_share",
        "Share of actors in the largest component",
        "Largest component",
        "Share of the members in the largest connected part.",
        explanation="Share of the members who can all reach one another, directly or "
        "through others, in the largest part of the network.",
    ),
    Measure(
        "average_clustering",
        "Average clustering",
        "Clustering",
        "Mean share of an actor's partners that work together (0 under two partners).",
        explanation="How often, on average, an actor's partners also work together.",
    ),
    Measure(
        "communities",
        "Communities",
        "Communities",
        "Groups found by the Leiden algorithm.",
        0,
        explanation="Groups of actors more tied among themselves than with the rest.",
        source="Leiden: Traag et al. 2019; Louvain: Blondel et al. 2008",
    ),
    Measure(
        "modularity",
        "Modularity of the communities",
        "Modularity",
        "Modularity of the Leiden partition: how much the network splits into groups.",
        explanation="How clearly the network splits into such groups: near 0, no clear "
        "groups; above 0.4, marked groups.",
    ),
    Measure(
        "ei_index",
        "E-I index across sectors",
        "E-I index",
        "(ties across sectors - ties within) / all ties, from -1 (closed) to 1 (open); "
        "normalised as the difference from randomisations.",
        explanation="From −1 (ties only inside sectors) to +1 (ties only across sectors).",
        source="Krackhardt & Stern 1988",
    ),
    Measure(
        "openness",
        "Openness (share of ties leaving the territory)",
        "Openness",
        "Share of the members' ties that leave the territory (not randomised).",
        explanation="Share of the members' ties that go to actors outside the territory.",
    ),
    Measure(
        "assortativity",
        "Sector assortativity",
        "Sector assortativity",
        "Newman's assortativity of sectors: above 0, actors tie within their sector; "
        "normalised as the difference from randomisations.",
        explanation="Above 0, actors tie mostly within their own sector; below 0, mostly "
        "across sectors.",
        source="Newman 2003",
    ),
    Measure(
        "betweenness_centralisation",
        "Betweenness centralisation",
        "Centralisation",
        "Freeman's betweenness centralisation: 1 for a star, 0 when all broker equally.",
        explanation="How much the network depends on a few go-betweens: 1 for a star around "
        "one actor, 0 when all are go-betweens alike.",
    ),
)
"""Measures of a whole territory (the report's ``network`` section, the comparison)."""

MIXING_MEASURES: Mapping[str, Measure] = _registry(
    Measure("observed", "Observed ties", "Observed", "Ties seen between two sectors.", 0),
    Measure(
        "expected",
        "Expected ties",
        "Expected",
        "Ties between two sectors if partners were chosen regardless of sector.",
        1,
    ),
    Measure("z", "z", "z", "How far the observed ties are from the expected, in deviations.", 2),
)
"""The numbers of a sector-mixing cell (the Gaps heatmap), each with one number of decimals."""
