"""The domain model: actors, sectors, territories, ties and activities.

Plain frozen values with no I/O. Loaders build them, stores persist them,
analytics read them. The vocabulary is the one of ``docs/data-format.md``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from json.encoder import encode_basestring
from typing import Any

from .problem_text import UNKNOWN_SECTOR, UNKNOWN_TIE_KIND, render


class Sector(StrEnum):
    """The closed list of sectors an actor belongs to."""

    BUSINESS = "business"
    ASSOCIATION = "association"
    PUBLIC = "public"
    ACADEMIC = "academic"
    MEDIA = "media"
    CITIZEN = "citizen"
    FUNDER = "funder"
    OTHER = "other"


SECTOR_ALIASES: Mapping[str, Sector] = {
    "entreprise": Sector.BUSINESS,
    "company": Sector.BUSINESS,
    "pme": Sector.BUSINESS,
    "asso": Sector.ASSOCIATION,
    "ess": Sector.ASSOCIATION,
    "ngo": Sector.ASSOCIATION,
    "npo": Sector.ASSOCIATION,
    "collectivite": Sector.PUBLIC,
    "administration": Sector.PUBLIC,
    "government": Sector.PUBLIC,
    "universite": Sector.ACADEMIC,
    "university": Sector.ACADEMIC,
    "recherche": Sector.ACADEMIC,
    "research": Sector.ACADEMIC,
    "citoyen": Sector.CITIZEN,
    "person": Sector.CITIZEN,
    "financeur": Sector.FUNDER,
    "foundation": Sector.FUNDER,
    "fondation": Sector.FUNDER,
}


class TieKind(StrEnum):
    """What a collaboration between two actors is."""

    PARTNERSHIP = "partnership"
    EVENT = "event"
    FUNDING = "funding"
    GOVERNANCE = "governance"
    SERVICE = "service"
    OTHER = "other"


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents and surrounding blanks.

    >>> fold("  Collectivité ")
    'collectivite'
    """
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_sector(raw: str) -> Sector:
    """Return the sector named by ``raw`` or one of its aliases.

    Case- and accent-insensitive. An unknown value raises ``ValueError``:
    it is an input error, never silently ``other``.

    >>> parse_sector("Université")
    <Sector.ACADEMIC: 'academic'>
    """
    key = fold(raw)
    if key in Sector._value2member_map_:
        return Sector(key)
    if key in SECTOR_ALIASES:
        return SECTOR_ALIASES[key]
    known = ", ".join(s.value for s in Sector)
    raise ValueError(render(UNKNOWN_SECTOR, value=repr(raw), known=known))


def parse_tie_kind(raw: str) -> TieKind:
    """Return the tie kind named by ``raw`` (case-insensitive); ``ValueError`` if unknown."""
    key = fold(raw)
    if key in TieKind._value2member_map_:
        return TieKind(key)
    known = ", ".join(k.value for k in TieKind)
    raise ValueError(render(UNKNOWN_TIE_KIND, value=repr(raw), known=known))


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or organisation present on one or more territories."""

    id: str
    name: str
    sector: Sector
    territories: tuple[str, ...]
    kind: str | None = None
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    joined: date | None = None
    attributes: Mapping[str, str] = field(default_factory=dict, hash=False, compare=True)

    def active_on(self, day: date | None) -> bool:
        """True when the actor had joined by ``day`` (always true without a date)."""
        return day is None or self.joined is None or self.joined <= day


TieIdentity = tuple[str, bool, str, str]
"""A tie's identity: kind value, directed, and its two ends (see :attr:`Tie.identity`)."""


@dataclass(frozen=True, slots=True)
class Tie:
    """A collaboration between two actors.

    Undirected unless ``directed``. Its :attr:`identity` (stored as its
    :attr:`key`) is the kind, the direction and the pair of actors, so that
    re-importing a corrected file updates the weight, dates and provenance in place.
    """

    source: str
    target: str
    kind: TieKind = TieKind.PARTNERSHIP
    weight: float = 1.0
    since: date | None = None
    until: date | None = None
    directed: bool = False
    note: str | None = None
    ref: str | None = None
    activities: tuple[str, ...] = ()

    @property
    def identity(self) -> TieIdentity:
        """What makes two ties one tie: ``(kind, directed, end, end)``.

        A directed tie's ends are its source and target; an undirected tie's are
        in sorted order, so that naming its ends the other way round gives the
        same tie. This is the one place that rule is written.

        >>> Tie("b", "a").identity
        ('partnership', False, 'a', 'b')
        """
        source, target, directed = self.source, self.target, self.directed
        if not directed and target < source:
            source, target = target, source
        return self.kind.value, directed, source, target

    @property
    def key(self) -> str:
        """The :attr:`identity` as the text that stores keep (and index) for each tie.

        The JSON text of ``[kind, directed, end, end]`` as ``json.dumps(...,
        ensure_ascii=False)`` writes it, spelt out directly because stores build
        it for every tie of an import.

        >>> Tie("b", "a").key
        '["partnership", false, "a", "b"]'
        """
        kind, directed, source, target = self.identity
        return (
            f"[{encode_basestring(kind)}, {'true' if directed else 'false'}, "
            f"{encode_basestring(source)}, {encode_basestring(target)}]"
        )

    def active_on(self, day: date | None) -> bool:
        """True when the tie existed on ``day`` (always true without a date)."""
        if day is None:
            return True
        started = self.since is None or self.since <= day
        not_ended = self.until is None or day <= self.until
        return started and not_ended


@dataclass(frozen=True, slots=True)
class Activity:
    """An event or project that actors take part in (two-mode data)."""

    id: str
    name: str | None = None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Participation:
    """One actor taking part in one activity.

    ``attributes`` are what the row says about this participation rather
    than about the actor (a role, a budget, the partner's town for that
    project): ``(name, value)`` pairs, sorted by name.
    """

    actor: str
    activity: str
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    """A stored activity as one actor joining it needs it (``GraphStore.activity_record``).

    ``participations`` are the activity's, sorted by actor; ``event_ties`` the stored
    ``event`` ties between that actor and the activity's other participants, by key.
    """

    activity: Activity
    participations: tuple[Participation, ...] = ()
    event_ties: tuple[Tie, ...] = ()


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything one import brings: validated, consistent, ready to store.

    Every tie's ends and every participation's actor are among ``actors``
    or already in the store (a store checks the latter inside its
    transaction).
    """

    actors: tuple[Actor, ...] = ()
    ties: tuple[Tie, ...] = ()
    activities: tuple[Activity, ...] = ()
    participations: tuple[Participation, ...] = ()
    known_identities: tuple[tuple[Tie, ...], tuple[TieIdentity, ...]] | None = field(
        default=None, compare=False, repr=False
    )
    """``(ties, their identities)`` when whoever built the dataset computed them already
    (a loader does), one tie per identity: used only while ``ties`` is that very tuple."""

    @property
    def territories(self) -> frozenset[str]:
        return frozenset(t for a in self.actors for t in a.territories)

    def tie_identities(self) -> tuple[TieIdentity, ...]:
        """The :attr:`Tie.identity` of each of :attr:`ties`, in order.

        >>> Dataset(ties=(Tie("b", "a"),)).tie_identities()
        (('partnership', False, 'a', 'b'),)
        """
        known = self.known_identities
        if known is not None and known[0] is self.ties:
            return known[1]
        return tuple(tie.identity for tie in self.ties)

    def distinct_ties(self) -> tuple[tuple[Tie, ...], tuple[TieIdentity, ...]]:
        """The ties, one per identity (the last one given), and their identities, in order.

        ``ties`` itself (the same tuple) when :attr:`known_identities` says they are distinct.

        >>> Dataset(ties=(Tie("a", "b", weight=1), Tie("b", "a", weight=2))).distinct_ties()[0]
        (Tie(source='b', target='a', kind=<TieKind.PARTNERSHIP: 'partnership'>, weight=2, \
since=None, until=None, directed=False, note=None, ref=None, activities=()),)
        """
        known = self.known_identities
        if known is not None and known[0] is self.ties:
            return known
        unique = dict(zip(self.tie_identities(), self.ties, strict=True))
        return tuple(unique.values()), tuple(unique)


@dataclass(frozen=True, slots=True)
class TerritorySummary:
    """One row of ``maillage territories``."""

    name: str
    actors: int
    ties: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an upsert changed, for the import summary."""

    actors_added: int = 0
    actors_updated: int = 0
    ties_added: int = 0
    ties_updated: int = 0
    activities_added: int = 0
    territories_added: int = 0
    data_version: str = ""
    #: The revision the import made (None when it changed nothing).
    revision: int | None = None
    #: What it changed, field by field (``graph.changes.ImportPlan``).
    plan: Any = field(default=None, compare=False, repr=False)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.actors_added,
                self.actors_updated,
                self.ties_added,
                self.ties_updated,
                self.activities_added,
            )
        )


@dataclass(frozen=True)
class Network:
    """A territory's network as stored: its actors and every tie touching them.

    ``ties`` holds the ties among ``actors`` and the ties that leave the
    territory; the other end of a leaving tie is in ``outside``. Those ties
    count for openness and never vanish. With ``as_of``, only actors that
    had joined and ties active on that day are present.
    """

    territory: str
    actors: tuple[Actor, ...]
    ties: tuple[Tie, ...]
    outside: tuple[Actor, ...] = ()
    as_of: date | None = None

    @cached_property
    def member_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.actors)

    def is_internal(self, tie: Tie) -> bool:
        """True when both ends of ``tie`` belong to the territory."""
        members = self.member_ids
        return tie.source in members and tie.target in members

    def on(self, day: date) -> Network:
        """This whole network (no ``as_of``) as a store reads it at ``day``.

        What ``GraphStore.network(territory, as_of=day)`` answers, without
        reading the store again: the actors that had joined by ``day`` and the
        ties active on that day whose both ends had joined (``outside``: the
        other ends of those ties), in the same order.

        >>> actors = (Actor("a", "A", Sector.PUBLIC, ("T",), joined=date(2020, 1, 1)),
        ...           Actor("b", "B", Sector.PUBLIC, ("T",)))
        >>> network = Network("T", actors, (Tie("a", "b"),))
        >>> [len(network.on(date(2019, 1, 1)).ties), len(network.on(date(2021, 1, 1)).ties)]
        [0, 1]
        """
        if self.as_of is not None:
            raise ValueError(f"the network of {self.territory} is already as of {self.as_of}")
        actors = tuple(a for a in self.actors if a.active_on(day))
        joined = {a.id for a in (*actors, *self.outside) if a.active_on(day)}
        ties = tuple(
            t for t in self.ties if t.active_on(day) and t.source in joined and t.target in joined
        )
        ends = {end for t in ties for end in (t.source, t.target)}
        outside = tuple(a for a in self.outside if a.id in ends and a.active_on(day))
        return Network(self.territory, actors, ties, outside, as_of=day)
