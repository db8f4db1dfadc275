"""Recorded introductions: a facilitator put two actors in touch.

A suggested introduction (``graph.analytics.introductions``) is a pair of
actors worth connecting; a *recorded* one, here, is the facilitator's note
that she did it, followed until it becomes a partnership or is dropped.
Plain frozen values with no I/O, like the rest of the model: stores persist
them, the follow-up analytics read them.

The road is ``proposed → made → met → partnership``; any open introduction
may be ``dropped`` and a dropped one reopened. Every move is kept as a
:class:`Step` with its date, author and note.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from maillage.graph.errors import MaillageError
from maillage.graph.model import Tie, TieKind
from maillage.graph.problem_text import (
    BEFORE_LAST_STEP,
    INTERMEDIARY_IS_AN_END,
    INTRODUCTION_NEEDS_STATUS,
    INTRODUCTION_NEEDS_TWO,
    NEW_INTRODUCTION_STATUS,
    NO_GOING_BACK,
    PARTNERSHIP_IS_FINAL,
    UNKNOWN_STATUS,
    render,
)


class Status(StrEnum):
    """Where an introduction stands."""

    PROPOSED = "proposed"
    MADE = "made"
    MET = "met"
    PARTNERSHIP = "partnership"
    DROPPED = "dropped"


ROAD: tuple[Status, ...] = (Status.PROPOSED, Status.MADE, Status.MET, Status.PARTNERSHIP)
"""The statuses an introduction goes through, in order, when it succeeds."""


class InvalidMove(MaillageError):
    """A status change that the follow-up does not allow."""


def parse_status(raw: str) -> Status:
    """Return the status named by ``raw`` (case-insensitive).

    >>> parse_status(" Met ")
    <Status.MET: 'met'>
    """
    key = raw.strip().casefold()
    if key in Status._value2member_map_:
        return Status(key)
    known = ", ".join(s.value for s in Status)
    raise InvalidMove(render(UNKNOWN_STATUS, value=repr(raw.strip()), known=known))


def check_move(current: Status, new: Status) -> None:
    """Raise :class:`InvalidMove` unless ``current`` may become ``new``.

    Moving forward along :data:`ROAD` (skipping steps is allowed: a meeting
    may not have been noted), dropping an open introduction, reopening a
    dropped one and staying put (to add a note) are allowed. A partnership
    is final: the tie exists.

    >>> check_move(Status.MADE, Status.PARTNERSHIP)
    >>> check_move(Status.MET, Status.MADE)
    Traceback (most recent call last):
    ...
    maillage.graph.introductions.InvalidMove: an introduction cannot go back from met to made
    """
    if new == current:
        return
    if current == Status.PARTNERSHIP:
        raise InvalidMove(PARTNERSHIP_IS_FINAL)
    if new == Status.DROPPED or current == Status.DROPPED:
        return
    if ROAD.index(new) < ROAD.index(current):
        raise InvalidMove(render(NO_GOING_BACK, current=current, new=new))


@dataclass(frozen=True, slots=True)
class Step:
    """One status of an introduction's history."""

    status: Status
    date: date
    by: str = ""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Introduction:
    """Two actors a facilitator put in touch, and what came of it.

    ``tie`` is the key (:attr:`Tie.key`) of the partnership
    tie once the introduction reached :attr:`Status.PARTNERSHIP`.
    """

    id: str
    territory: str
    source: str
    target: str
    history: tuple[Step, ...]
    via: tuple[str, ...] = ()
    follow_up: date | None = None
    tie: str | None = None

    def __post_init__(self) -> None:
        if not self.history:
            raise InvalidMove(INTRODUCTION_NEEDS_STATUS)
        if self.source == self.target:
            raise InvalidMove(INTRODUCTION_NEEDS_TWO)

    @property
    def status(self) -> Status:
        return self.history[-1].status

    @property
    def made_on(self) -> date | None:
        """The day the two actors were put in touch (first step past ``proposed``)."""
        for step in self.history:
            if step.status in (Status.MADE, Status.MET, Status.PARTNERSHIP):
                return step.date
        return None

    @property
    def closed_on(self) -> date | None:
        """The day it became a partnership or was (last) dropped."""
        if self.status in (Status.PARTNERSHIP, Status.DROPPED):
            return self.history[-1].date
        return None

    @property
    def is_open(self) -> bool:
        return self.status not in (Status.PARTNERSHIP, Status.DROPPED)

    def is_due(self, today: date) -> bool:
        """True when the introduction is open and its follow-up date has come."""
        return self.is_open and self.follow_up is not None and self.follow_up <= today

    @classmethod
    def new(
        cls,
        id: str,
        territory: str,
        source: str,
        target: str,
        *,
        day: date,
        by: str = "",
        status: Status = Status.MADE,
        via: tuple[str, ...] = (),
        note: str | None = None,
        follow_up: date | None = None,
    ) -> Introduction:
        """A new introduction, ``made`` (or ``proposed``) on ``day``."""
        if status not in (Status.PROPOSED, Status.MADE):
            raise InvalidMove(render(NEW_INTRODUCTION_STATUS, status=status))
        if source in via or target in via:
            raise InvalidMove(INTERMEDIARY_IS_AN_END)
        step = Step(status, day, by, note or None)
        return cls(id, territory, source, target, (step,), tuple(via), follow_up)

    def moved(
        self,
        status: Status,
        *,
        day: date,
        by: str = "",
        note: str | None = None,
        follow_up: date | None = None,
        tie: str | None = None,
    ) -> Introduction:
        """This introduction after a move to ``status`` on ``day`` (checked).

        The follow-up date is cleared when the introduction closes, replaced
        when one is given, kept otherwise.
        """
        check_move(self.status, status)
        if day < self.history[-1].date:
            last = self.history[-1].date.isoformat()
            raise InvalidMove(render(BEFORE_LAST_STEP, day=day.isoformat(), last=last))
        closing = status in (Status.PARTNERSHIP, Status.DROPPED)
        return replace(
            self,
            history=(*self.history, Step(status, day, by, note or None)),
            follow_up=None if closing else (follow_up or self.follow_up),
            tie=tie if tie is not None else self.tie,
        )

    def partnership_tie(self, day: date) -> Tie:
        """The tie a partnership creates, with its provenance ``introduction:ID``."""
        return Tie(
            self.source,
            self.target,
            TieKind.PARTNERSHIP,
            since=day,
            ref=f"introduction:{self.id}",
        )

    def as_document(self) -> dict[str, Any]:
        """The JSON document of ``introductions list --format json``."""
        return {
            "id": self.id,
            "territory": self.territory,
            "source": self.source,
            "target": self.target,
            "via": list(self.via),
            "status": self.status.value,
            "history": [
                {
                    "status": s.status.value,
                    "date": s.date.isoformat(),
                    "by": s.by,
                    "note": s.note,
                }
                for s in self.history
            ],
            "follow_up": self.follow_up.isoformat() if self.follow_up else None,
            "tie": self.tie,
        }

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> Introduction:
        """Rebuild an introduction from :meth:`as_document`'s output."""
        history = tuple(
            Step(
                Status(s["status"]),
                date.fromisoformat(s["date"]),
                s.get("by") or "",
                s.get("note"),
            )
            for s in document["history"]
        )
        follow_up = document.get("follow_up")
        return cls(
            id=str(document["id"]),
            territory=document["territory"],
            source=document["source"],
            target=document["target"],
            history=history,
            via=tuple(document.get("via") or ()),
            follow_up=date.fromisoformat(follow_up) if follow_up else None,
            tie=document.get("tie"),
        )
