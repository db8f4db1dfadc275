"""Neo4j records <-> model: the rows the statements of ``cypher.py`` take and give back.

Batches travel as lists of rows, each row a list (smaller than a map on the wire). Dates
travel as ISO text (the driver packs a ``date`` through a Python hook, ten times slower
than a string) and an undirected tie's ``directed`` as null (not stored).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

from ..errors import StoreUnavailable
from ..model import Activity, Actor, Sector, Tie, TieKind
from ..store_text import NEO4J_NO_METADATA
from .bulk import IsoDates
from .revisions import Stamp, StoredParticipation

T = TypeVar("T")


class Rows(list):
    """A batch of statement parameters, short to ``repr``.

    The driver formats every statement's parameters for its debug log even while that log
    is off: for a batch of 10,000 rows, a tenth of a second of an import's time.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def batches(rows: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(rows), size):
        yield Rows(rows[start : start + size])


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)


_SECTOR_VALUE = {sector: sector.value for sector in Sector}
_KIND_VALUE = {kind: kind.value for kind in TieKind}


def actor_row(actor: Actor, stamp: Stamp) -> list:
    """The ``CREATE_ACTORS`` row of ``actor``: [id, name, sector, territories, ..., stamp]."""
    attributes = actor.attributes
    return [
        actor.id,
        actor.name,
        _SECTOR_VALUE[actor.sector],
        list(actor.territories),
        actor.kind,
        actor.city,
        _float(actor.lat),
        _float(actor.lon),
        None if actor.joined is None else actor.joined.isoformat(),
        json.dumps(dict(attributes), ensure_ascii=False, sort_keys=True) if attributes else "{}",
        stamp,
    ]


def participation_row(
    actor_id: str, activity_id: str, attributes: Iterable[tuple[str, str]], stamp: Stamp
) -> list:
    """The ``WRITE_PARTICIPATIONS`` row: [actor, activity, attributes as JSON or null, stamp]."""
    found = dict(attributes)
    text = json.dumps(found, ensure_ascii=False, sort_keys=True) if found else None
    return [actor_id, activity_id, text, stamp]


def participation_image(attributes_json: str | None, stamp: Stamp) -> StoredParticipation:
    """``(attributes, stamp)`` of a stored participation."""
    return tuple(sorted(json.loads(attributes_json or "{}").items())), stamp


def tie_rows(
    ties: Iterable[tuple[Tie, Stamp]], nodes: Mapping[str, str], days: IsoDates
) -> list[list]:
    """The ``CREATE_TIES`` rows: [key, source node, target node, kind, ..., directed, stamp]."""
    iso = days.__getitem__
    kinds = _KIND_VALUE
    rows = []
    for tie, stamp in ties:
        _, _, source, target = tie.identity
        key = tie.key
        rows.append(
            [
                key,
                nodes[source],
                nodes[target],
                kinds[tie.kind],
                float(tie.weight),
                iso(tie.since),
                iso(tie.until),
                tie.note,
                tie.ref,
                list(tie.activities) if tie.activities else None,
                True if tie.directed else None,
                stamp,
            ]
        )
    return Rows(rows)


def activity_row(activity: Activity, stamp: Stamp) -> list:
    day = None if activity.date is None else activity.date.isoformat()
    return [activity.id, activity.name, day, stamp]


def native(value: Any) -> Any:
    """A Python ``date`` for a Neo4j ``DATE`` (and None for None)."""
    return None if value is None else value.to_native()


def version(result: Any) -> str:
    record = result.single()
    if record is None:
        raise StoreUnavailable(NEO4J_NO_METADATA)
    return record["version"]


def actor_from(props: Mapping[str, Any]) -> Actor:
    return Actor(
        id=props["id"],
        name=props["name"],
        sector=Sector(props["sector"]),
        territories=tuple(props.get("territories") or ()),
        kind=props.get("kind"),
        city=props.get("city"),
        lat=props.get("lat"),
        lon=props.get("lon"),
        joined=native(props.get("joined")),
        attributes=json.loads(props.get("attributes_json") or "{}"),
    )


def tie_from(props: Mapping[str, Any]) -> Tie:
    return Tie(
        source=props["source"],
        target=props["target"],
        kind=TieKind(props["kind"]),
        weight=props["weight"],
        since=native(props.get("since")),
        until=native(props.get("until")),
        directed=bool(props.get("directed")),
        note=props.get("note"),
        ref=props.get("ref"),
        activities=tuple(props.get("activities") or ()),
    )


def by_id(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(sorted(actors, key=lambda actor: actor.id))


def by_key(ties: Iterable[Tie]) -> tuple[Tie, ...]:
    return tuple(sorted(ties, key=lambda tie: tie.key))
