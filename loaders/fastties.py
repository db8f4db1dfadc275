"""The fast path for a clean ties table: whole columns at a time.

Real tie tables are large and almost always clean. Here each column is
cleaned with C-level ``map`` calls and each distinct raw value (kind, weight,
date, boolean) is parsed once; any doubt at all (a blank end, a self-tie, a
value that does not parse, a formula escape) returns ``None`` and the
row-by-row :class:`~maillage.loaders.records.TieParser` reads the table
instead and reports each problem with its line. Both give the same ties for
a clean table (``tests/loaders/test_fastties.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from itertools import repeat
from operator import eq, methodcaller
from typing import Any

from ..graph.model import Tie, TieKind
from .fields import parse_bool, parse_date
from .mapping import TableSpec
from .records import activities_of, kind_of, text_of, weight_of

_escaped = methodcaller("startswith", "'")


def fast_ties(
    rows: Sequence[list[str]], index: Mapping[str, int], spec: TableSpec
) -> tuple[list[Tie], list[tuple[str, bool, str, str]]] | None:
    """The ties of ``rows`` and their identity keys, or None to fall back to the row parser.

    ``rows`` must all have the header's width; ``index`` gives the column of
    each present field.
    """
    if not rows:
        return [], []
    n = len(rows)
    columns = list(zip(*rows, strict=True))

    def column(name: str) -> Sequence[str] | None:
        i = index.get(name)
        return columns[i] if i is not None else None

    sources = list(map(str.strip, column("source") or ()))
    targets = list(map(str.strip, column("target") or ()))
    if len(sources) != n or len(targets) != n or "" in sources or "" in targets:
        return None
    if any(map(eq, sources, targets)):
        return None
    quoted = "'" in "".join(sources) + "".join(targets)  # one cheap scan before the exact one
    if quoted and (any(map(_escaped, sources)) or any(map(_escaped, targets))):
        return None
    try:
        kinds, kind_names = _kinds(column("kind"), spec, n)
        weights = _values(column("weight"), weight_of, 1.0, n)
        sinces = _values(column("since"), lambda raw: _date(raw, spec), None, n)
        untils = _values(column("until"), lambda raw: _date(raw, spec), None, n)
        directed = _values(column("directed"), parse_bool, False, n)
    except ValueError:
        return None
    both = index.get("since") is not None and index.get("until") is not None
    if both and any(s and u and u < s for s, u in zip(sinces, untils, strict=True)):
        return None
    notes = _texts(column("note"), text_of, None)
    refs = _texts(column("ref"), text_of, None)
    activities = _texts(column("activities"), activities_of, ())
    ties = list(
        map(
            Tie, sources, targets, kinds, weights, sinces, untils, directed, notes, refs, activities
        )
    )
    if not any(directed):
        lows, highs = map(min, sources, targets), map(max, sources, targets)
        keys = list(zip(kind_names, repeat(False), lows, highs))
    else:
        keys = [
            (k, d, s, t) if d or s <= t else (k, d, t, s)
            for k, d, s, t in zip(kind_names, directed, sources, targets, strict=True)
        ]
    return ties, keys


def _values(
    raw: Sequence[str] | None, parse: Callable[[str], Any], default: Any, n: int
) -> list[Any]:
    """Each cell parsed, each distinct text once (``ValueError`` propagates)."""
    if raw is None:
        return [default] * n
    parsed = {text: parse(text) for text in set(raw)}
    return list(map(parsed.__getitem__, raw))


def _kinds(raw: Sequence[str] | None, spec: TableSpec, n: int) -> tuple[list[TieKind], list[str]]:
    """The kinds, and their names for the identity keys (enum hashing is slow)."""
    if raw is None:
        return [TieKind.PARTNERSHIP] * n, [TieKind.PARTNERSHIP.value] * n
    parsed = {text: kind_of(text, spec) for text in set(raw)}
    names = {text: kind.value for text, kind in parsed.items()}
    return list(map(parsed.__getitem__, raw)), list(map(names.__getitem__, raw))


def _texts(raw: Sequence[str] | None, parse: Callable[[str], Any], blank: Any) -> Iterable[Any]:
    if raw is None or not any(raw):
        return repeat(blank)
    return [parse(text) if text else blank for text in raw]


def _date(raw: str, spec: TableSpec) -> date | None:
    text = raw.strip()
    return parse_date(text, spec.date_format) if text else None
