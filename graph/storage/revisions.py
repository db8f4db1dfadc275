"""What both stores keep to undo a write: before-images, stamps, the revision record.

Every stored actor, tie, activity and participation carries a *stamp*: the id of the
revision that last wrote it (none for records older than the history). A write ``W``
stamps every record it creates or changes with ``W`` and keeps a *before-image* of what
it overwrote or removed: ``identity -> (record, its stamp)``, or ``identity -> None`` for
a record that did not exist before and is not stamped ``W`` (an undo restores records
with their own stamps). A record stamped ``W`` and absent from the before-image is one
``W`` created.

Undoing ``W`` therefore writes every before-image back (stamps included), removes the
records the before-image lists as absent and then every record still stamped ``W``. An
undo is a write too: its own before-image lists everything it touched, explicitly, so
that an undo can be undone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ..changes import Edit, FileDigest, Revision
from ..model import Activity, Actor, Participation, Sector, Tie, TieIdentity, TieKind
from ..problem_text import NO_SUCH_REVISION, NOTHING_TO_UNDO, render

Stamp = int | None
ActorImage = tuple[Actor, Stamp] | None
TieImage = tuple[Tie, Stamp] | None
ActivityImage = tuple[Activity, Stamp] | None
#: A participation's before-image: ``(its attributes, its stamp)``, or ``ABSENT``.
ABSENT = "absent"
StoredParticipation = tuple[tuple[tuple[str, str], ...], Stamp]
ParticipationImage = StoredParticipation | str


@dataclass
class BeforeImage:
    """The records a write overwrote or removed, each as it was before (first seen wins)."""

    actors: dict[str, ActorImage] = field(default_factory=dict)
    ties: dict[TieIdentity, TieImage] = field(default_factory=dict)
    activities: dict[str, ActivityImage] = field(default_factory=dict)
    participations: dict[tuple[str, str], ParticipationImage] = field(default_factory=dict)

    def note_actor(self, actor_id: str, image: ActorImage) -> None:
        self.actors.setdefault(actor_id, image)

    def note_tie(self, identity: TieIdentity, image: TieImage) -> None:
        self.ties.setdefault(identity, image)

    def note_activity(self, activity_id: str, image: ActivityImage) -> None:
        self.activities.setdefault(activity_id, image)

    def note_participation(self, pair: tuple[str, str], image: ParticipationImage) -> None:
        self.participations.setdefault(pair, image)

    def territories(self) -> set[str]:
        return {t for image in self.actors.values() if image for t in image[0].territories}

    def to_json(self) -> str:
        return json.dumps(
            {
                "actors": [[i, _image(im, actor_json)] for i, im in self.actors.items()],
                "ties": [[list(i), _image(im, tie_json)] for i, im in self.ties.items()],
                "activities": [[i, _image(im, activity_json)] for i, im in self.activities.items()],
                "participations": [
                    [list(p), _participation_image(im)] for p, im in self.participations.items()
                ],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> BeforeImage:
        data = json.loads(text)
        return cls(
            actors={i: _from_image(im, actor_from_json) for i, im in data["actors"]},
            ties={tuple(i): _from_image(im, tie_from_json) for i, im in data["ties"]},
            activities={i: _from_image(im, activity_from_json) for i, im in data["activities"]},
            participations={
                tuple(p): _participation_from_image(im) for p, im in data["participations"]
            },
        )


def _image(image: tuple[Any, Stamp] | None, encode) -> list | None:
    return None if image is None else [encode(image[0]), image[1]]


def _from_image(data: list | None, decode) -> tuple[Any, Stamp] | None:
    return None if data is None else (decode(data[0]), data[1])


def _participation_image(image: ParticipationImage) -> str | list:
    return image if isinstance(image, str) else [image[1], dict(image[0])]


def _participation_from_image(data: str | list | int | None) -> ParticipationImage:
    """A participation's image as stored; before schema 5 it was its stamp alone."""
    if data == ABSENT:
        return ABSENT
    if isinstance(data, list):
        return tuple(sorted(data[1].items())), data[0]
    return (), data  # type: ignore[return-value]


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def actor_json(actor: Actor) -> dict:
    return {
        "id": actor.id,
        "name": actor.name,
        "sector": actor.sector.value,
        "territories": list(actor.territories),
        "kind": actor.kind,
        "city": actor.city,
        "lat": actor.lat,
        "lon": actor.lon,
        "joined": _iso(actor.joined),
        "attributes": dict(actor.attributes),
    }


def actor_from_json(data: Mapping[str, Any]) -> Actor:
    return Actor(
        id=data["id"],
        name=data["name"],
        sector=Sector(data["sector"]),
        territories=tuple(data["territories"]),
        kind=data["kind"],
        city=data["city"],
        lat=data["lat"],
        lon=data["lon"],
        joined=_day(data["joined"]),
        attributes=data["attributes"],
    )


def tie_json(tie: Tie) -> dict:
    return {
        "source": tie.source,
        "target": tie.target,
        "kind": tie.kind.value,
        "weight": tie.weight,
        "since": _iso(tie.since),
        "until": _iso(tie.until),
        "directed": tie.directed,
        "note": tie.note,
        "ref": tie.ref,
        "activities": list(tie.activities),
    }


def tie_from_json(data: Mapping[str, Any]) -> Tie:
    return Tie(
        source=data["source"],
        target=data["target"],
        kind=TieKind(data["kind"]),
        weight=data["weight"],
        since=_day(data["since"]),
        until=_day(data["until"]),
        directed=data["directed"],
        note=data["note"],
        ref=data["ref"],
        activities=tuple(data["activities"]),
    )


def activity_json(activity: Activity) -> dict:
    return {"id": activity.id, "name": activity.name, "date": _iso(activity.date)}


def activity_from_json(data: Mapping[str, Any]) -> Activity:
    return Activity(id=data["id"], name=data["name"], date=_day(data["date"]))


# ---------------------------------------------------------------------- the record


@dataclass(frozen=True)
class RevisionRow:
    """A revision as both stores keep it (plain values), with its before-image text."""

    id: int
    time: str
    user: str
    action: str
    description: str
    files: str
    territories: str
    undoes: str
    undone_by: int | None
    before: str = ""

    def revision(self) -> Revision:
        return Revision(
            id=self.id,
            time=datetime.fromisoformat(self.time),
            user=self.user,
            action=self.action,
            description=self.description,
            files=tuple(FileDigest(name, digest) for name, digest in json.loads(self.files)),
            territories=tuple(json.loads(self.territories)),
            undoes=tuple(json.loads(self.undoes)),
            undone_by=self.undone_by,
        )


def now() -> str:
    """The time of a revision: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def files_json(files: Iterable[FileDigest]) -> str:
    return json.dumps([[f.name, f.sha256] for f in files], ensure_ascii=False)


def names_json(names: Iterable[Any]) -> str:
    return json.dumps(sorted(set(names)), ensure_ascii=False)


def edit_territories(edit: Edit, before: BeforeImage) -> set[str]:
    """Every territory a write touched: those of the records it wrote and of their before-images."""
    return set(edit.territories) | before.territories()


def to_revert(revisions: Iterable[RevisionRow], target: int | None) -> list[RevisionRow]:
    """The standing revisions to revert, latest first, down to ``target`` (default: the latest).

    A standing undo later than ``target`` is left alone: it and the revisions it undid
    cancel out (they are the state from before them, stamps included). Raises
    ``LookupError`` (with the reason) if ``target`` is unknown or already undone.
    """
    standing = sorted(
        (r for r in revisions if r.undone_by is None), key=lambda r: r.id, reverse=True
    )
    if target is None:
        if not standing:
            raise LookupError(NOTHING_TO_UNDO)
        return standing[:1]
    if target not in {r.id for r in standing}:
        raise LookupError(render(NO_SUCH_REVISION, revision=target))
    return [r for r in standing if r.id == target or (r.id > target and r.action != "undo")]


def tie_ids(ties: Iterable[Tie]) -> list[TieIdentity]:
    return [tie.identity for tie in ties]


def participation_pairs(participations: Iterable[Participation]) -> list[tuple[str, str]]:
    return [(p.actor, p.activity) for p in participations]
