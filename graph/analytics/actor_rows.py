"""The per-actor rows of a streamed report, held as columns rather than one dict per actor.

A national territory has hundreds of thousands of actors: one dict per actor (and one
per brokerage profile), each with its boxed floats, weighs over a kilobyte a row.
:class:`ActorRows` keeps the same values in numpy columns (a few dozen bytes a row)
and makes each row's dict only when it is read, so that a report can be held, and
written out row by row, at a national scale. To its readers it is a sequence of the
rows ``territory_report`` lists: same keys, same order, same Python values.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np

from .brokerage import ROLES

__all__ = ["ActorRows"]

#: The float columns, in the order of a row's keys (``None`` where ``missing`` says so).
CENTRAL = ("betweenness", "closeness", "eigenvector", "pagerank")
LOCAL = ("constraint", "effective_size", "ei_index")
NUMBERS = ("degree", "community", *CENTRAL, *LOCAL)
#: The keys of a row between ``sector`` and ``brokerage``, in order.
ORDER = ("degree", *CENTRAL, "constraint", "effective_size")
#: Rows made at a time when the rows are read in order.
BLOCK = 1024


class ActorRows(Sequence[dict[str, Any]]):
    """Report rows by decreasing betweenness, then id, made on reading from columns.

    Parameters
    ----------
    members : sequence of tuple
        ``(id, node, name, sector)`` of each actor, in the columns' order.
    columns : dict of numpy.ndarray
        One value per actor for ``degree`` and ``community`` (integers), the ``CENTRAL``
        and ``LOCAL`` measures (floats) and ``brokerage`` (``actors x 5`` integers,
        columns ``ROLES``).
    missing : dict of numpy.ndarray
        Boolean masks of the ``LOCAL`` measures: where the row holds ``None``.

    Examples
    --------
    >>> import numpy as np
    >>> columns = {"degree": np.array([1, 1]), "community": np.array([0, 0]),
    ...            "brokerage": np.zeros((2, 5), dtype=np.int64)}
    >>> columns.update((k, np.array([0.0, 1.0])) for k in CENTRAL + LOCAL)
    >>> missing = {k: np.array([False, True]) for k in LOCAL}
    >>> rows = ActorRows([("a", 0, "A", "x"), ("b", 1, "B", "y")], columns, missing)
    >>> [row["id"] for row in rows], rows[0]["constraint"], rows[-1]["betweenness"]
    (['b', 'a'], None, 0.0)
    """

    def __init__(
        self,
        members: Sequence[tuple[str, int, str, str]],
        columns: dict[str, np.ndarray],
        missing: dict[str, np.ndarray],
    ) -> None:
        self._members = members
        self._columns = columns
        self._missing = missing
        scores = columns["betweenness"]
        self._order = np.array(
            sorted(range(len(members)), key=lambda p: (-scores.item(p), members[p][0])),
            dtype=np.int64,
        )

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return self._rows(self._order[index])
        return self._rows(self._order[[index]])[0]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for first in range(0, len(self._order), BLOCK):
            yield from self._rows(self._order[first : first + BLOCK])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ActorRows | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<ActorRows: {len(self)} actors>"

    def _rows(self, positions: np.ndarray) -> list[dict[str, Any]]:
        """The rows of the actors at ``positions`` of the columns, as plain Python values."""
        members = self._members
        values = {key: self._columns[key][positions].tolist() for key in NUMBERS}
        for key in LOCAL:
            absent = self._missing[key][positions].tolist()
            values[key] = [None if a else v for a, v in zip(absent, values[key], strict=True)]
        roles = self._columns["brokerage"][positions].tolist()
        rows = []
        for j, p in enumerate(positions.tolist()):
            actor_id, _, name, sector = members[p]
            row: dict[str, Any] = {"id": actor_id, "name": name, "sector": sector}
            row.update((key, values[key][j]) for key in ORDER)
            row["brokerage"] = dict(zip(ROLES, roles[j], strict=True))
            row["community"] = values["community"][j]
            row["ei_index"] = values["ei_index"][j]
            rows.append(row)
        return rows
