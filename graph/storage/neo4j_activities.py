"""The Neo4j store's reads of activities: what recording a participation needs.

A mixin of :class:`~maillage.graph.storage.neo4j.Neo4jStore` (it uses the store's
``_read``); the statements live in ``cypher.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from ..model import Activity, ActivityRecord, Participation, TieKind
from . import cypher
from .neo4j_records import by_key, tie_from


class ActivityReads:
    """``activity_record`` and ``activities`` of the ``GraphStore`` contract."""

    _read: Callable[[Callable[[ManagedTransaction], Any]], Any]

    def activity_record(self, activity_id: str, actor_id: str) -> ActivityRecord | None:
        def work(tx: ManagedTransaction) -> Any:
            return tx.run(
                cypher.ACTIVITY_RECORD,
                activity=activity_id,
                actor=actor_id,
                kind=TieKind.EVENT.value,
            ).single()

        record = self._read(work)
        if record is None:
            return None
        participations = sorted(
            (
                Participation(actor, record["id"], _attributes(attributes_json))
                for actor, attributes_json in record["participations"]
            ),
            key=lambda participation: participation.actor,
        )
        return ActivityRecord(
            _activity(record),
            tuple(participations),
            by_key(map(tie_from, record["ties"])),
        )

    def activities(self, territory: str) -> list[Activity]:
        def work(tx: ManagedTransaction) -> list[Any]:
            return list(tx.run(cypher.TERRITORY_ACTIVITIES, territory=territory))

        return [_activity(record) for record in self._read(work)]


def _activity(record: Any) -> Activity:
    day = record["date"]
    return Activity(record["id"], record["name"], None if day is None else date.fromisoformat(day))


def _attributes(attributes_json: str | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(json.loads(attributes_json or "{}").items()))
