"""SQLite rows <-> model records: what the statements of ``sql.py`` bind and return.

Absent values are bound as 0 in the text columns and '' in the number columns, which
the statements make NULL (``NULLIF``): Python's sqlite3 binds ``None`` through its
adapter look-up, a third of the cost of a row. The last value of a written row is its
stamp (the revision writing it, see ``revisions.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from json.encoder import encode_basestring
from operator import attrgetter

from ..model import Activity, Actor, Sector, Tie, TieIdentity, TieKind
from .bulk import IsoDates
from .revisions import Stamp, StoredParticipation


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


_SECTOR_VALUE = {sector: sector.value for sector in Sector}
_KIND_VALUE = {kind: kind.value for kind in TieKind}
_NO_ATTRIBUTES = "{}"
_NO_ACTIVITIES = "[]"


class _TerritoryLists(dict):
    """``territories -> JSON array`` (as ``to_json``), each distinct list written once."""

    def __missing__(self, names: tuple[str, ...]) -> str:
        text = self[names] = "[" + ",".join(map(encode_basestring, names)) + "]"
        return text


def actor_rows(actors: Iterable[Actor], stamps: Iterable[Stamp]) -> list[tuple]:
    """The ``UPSERT_ACTOR`` rows of ``actors``, each with its stamp.

    Absent values are given as that statement takes them; each distinct territory list is
    written as JSON once.
    """
    lists, sectors = _TerritoryLists(), _SECTOR_VALUE
    return [
        (
            actor.id,
            actor.name,
            sectors[actor.sector],
            lists[actor.territories],
            0 if actor.kind is None else actor.kind,
            0 if actor.city is None else actor.city,
            "" if actor.lat is None else float(actor.lat),
            "" if actor.lon is None else float(actor.lon),
            0 if actor.joined is None else actor.joined.isoformat(),
            json.dumps(dict(actor.attributes), ensure_ascii=False, sort_keys=True)
            if actor.attributes
            else _NO_ATTRIBUTES,
            stamp,
        )
        for actor, stamp in zip(actors, stamps, strict=True)
    ]


_TIE_FIELDS = attrgetter(
    "source", "target", "kind", "directed", "weight", "since", "until", "note", "ref", "activities"
)


def tie_rows(ties: Iterable[Tie], stamp: Stamp) -> list[tuple]:
    """The ``UPSERT_TIE`` rows of ``ties``, one per identity (the last one given).

    An undirected tie is stored from its smaller end to its larger one (``Tie.identity``),
    so the first four columns are its identity. Absent dates and texts are 0, which
    ``UPSERT_TIE`` makes NULL.
    """
    rows = {}
    iso_dates = IsoDates({None: 0})
    kinds = _KIND_VALUE
    for source, target, kind, directed, weight, since, until, note, ref, activities in map(
        _TIE_FIELDS, ties
    ):
        if directed:
            directed = 1
        else:
            directed = 0
            if target < source:
                source, target = target, source
        kind = kinds[kind]
        rows[source, target, kind, directed] = (
            source,
            target,
            kind,
            directed,
            float(weight),
            iso_dates[since],
            iso_dates[until],
            0 if note is None else note,
            0 if ref is None else ref,
            to_json(list(activities)) if activities else _NO_ACTIVITIES,
            stamp,
        )
    return list(rows.values())


_TIE_VALUES = attrgetter("weight", "since", "until", "note", "ref", "activities")


def distinct_tie_rows(
    ties: Iterable[Tie], identities: Iterable[TieIdentity], stamp: Stamp
) -> list[tuple]:
    """As :func:`tie_rows`, for distinct ``ties`` whose ``identities`` are known already.

    The identity ``(kind, directed, end, end)`` gives the first four columns as stored
    (``tests/storage/test_sqlite_rows.py`` checks that both functions agree).
    """
    iso_dates = IsoDates({None: 0})
    no_activities = _NO_ACTIVITIES
    return [
        (
            source,
            target,
            kind,
            1 if directed else 0,
            float(weight),
            iso_dates[since],
            iso_dates[until],
            0 if note is None else note,
            0 if ref is None else ref,
            to_json(list(activities)) if activities else no_activities,
            stamp,
        )
        for (kind, directed, source, target), (weight, since, until, note, ref, activities) in zip(
            identities, map(_TIE_VALUES, ties), strict=True
        )
    ]


def activity_row(activity: Activity, stamp: Stamp) -> tuple:
    return (activity.id, activity.name, iso(activity.date), stamp)


def participation_row(
    actor_id: str, activity_id: str, attributes: Iterable[tuple[str, str]], stamp: Stamp
) -> tuple:
    """The ``INSERT_PARTICIPATION`` row of one participation."""
    found = dict(attributes)
    text = json.dumps(found, ensure_ascii=False, sort_keys=True) if found else _NO_ATTRIBUTES
    return (actor_id, activity_id, text, stamp)


def participation_image(row: Sequence) -> StoredParticipation:
    """``(attributes, stamp)`` of a stored row (actor, activity, attributes, stamp)."""
    return tuple(sorted(json.loads(row[2]).items())), row[3]


def actor_from_row(row: Sequence) -> Actor:
    return Actor(
        id=row[0],
        name=row[1],
        sector=Sector(row[2]),
        territories=tuple(json.loads(row[3])),
        kind=row[4],
        city=row[5],
        lat=row[6],
        lon=row[7],
        joined=day(row[8]),
        attributes=json.loads(row[9]),
    )


def tie_from_row(row: Sequence) -> Tie:
    return Tie(
        source=row[0],
        target=row[1],
        kind=TieKind(row[2]),
        weight=row[3],
        since=day(row[4]),
        until=day(row[5]),
        directed=bool(row[6]),
        note=row[7],
        ref=row[8],
        activities=tuple(json.loads(row[9])),
    )


def activity_from_row(row: Sequence) -> Activity:
    return Activity(id=row[0], name=row[1], date=day(row[2]))


def by_id(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(sorted(actors, key=lambda actor: actor.id))


def by_key(ties: Iterable[Tie]) -> tuple[Tie, ...]:
    return tuple(sorted(ties, key=lambda tie: tie.key))
