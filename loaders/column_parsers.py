"""The fast paths for clean ties and actors tables: whole columns at a time.

Real tie and actor tables are large and almost always clean. Here each column
is cleaned with C-level ``map`` calls and each distinct raw value (kind,
weight, date, boolean, sector, territory list) is parsed once; any doubt at
all (a blank id or end, a self-tie, a value that does not parse, a formula
escape in an id) returns ``None`` and the row-by-row
:class:`~maillage.loaders.row_parsers.TieParser` or
:class:`~maillage.loaders.row_parsers.ActorParser` reads the table instead and
reports each problem with its line. Both give the same records for a clean
table (``tests/loaders/test_column_parsers_ties.py`` checks it for ties).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import date
from itertools import compress, repeat
from operator import eq, getitem, gt, lt, methodcaller, ne
from typing import Any, TypeVar, cast

from ..graph.cells import restore_formula
from ..graph.model import Actor, Sector, Tie, TieIdentity, TieKind
from .cell_values import parse_bool, parse_date, parse_latitude, parse_longitude
from .mapping import TableSpec
from .row_parsers import activities_of, clean, kind_of, text_of, weight_of

_escaped = methodcaller("startswith", "'")

T = TypeVar("T")


def fast_ties(
    rows: Sequence[list[str]], index: Mapping[str, int], spec: TableSpec
) -> tuple[list[Tie], list[TieIdentity]] | None:
    """The ties of ``rows`` and their identities, or None to fall back to the row parser.

    The identities are those of :attr:`Tie.identity`, built column by column
    (``tests/loaders/test_column_parsers_ties.py`` checks that they agree).

    ``rows`` must all have the header's width; ``index`` gives the column of
    each present field.
    """
    return fast_ties_of_columns(list(zip(*rows, strict=True)), len(rows), index, spec)


def fast_ties_of_columns(
    columns: Sequence[Sequence[str]], n: int, index: Mapping[str, int], spec: TableSpec
) -> tuple[list[Tie], list[TieIdentity]] | None:
    """As :func:`fast_ties`, from the table's ``columns`` of ``n`` cells each."""
    if not n:
        return [], []

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
        sinces = _dates(column("since"), spec, n)
        untils = _dates(column("until"), spec, n)
        directed = _values(column("directed"), parse_bool, False, n)
    except ValueError:
        return None
    both = index.get("since") is not None and index.get("until") is not None
    if both and _ends_before_start(sinces, untils):
        return None
    notes = _texts(column("note"), text_of, None)
    refs = _texts(column("ref"), text_of, None)
    activities = _texts(column("activities"), activities_of, ())
    ties = build_all(
        Tie,
        n,
        (sources, targets, kinds, weights, sinces, untils, directed, notes, refs, activities),
    )
    if not any(directed):
        # (source, target)[swap] is the smaller end: faster than min() and max() per pair.
        swaps = list(map(gt, sources, targets))
        lows = map(getitem, zip(sources, targets, strict=True), swaps)
        highs = map(getitem, zip(targets, sources, strict=True), swaps)
        keys = cast(list[TieIdentity], list(zip(kind_names, repeat(False), lows, highs)))
    else:
        keys = [
            (k, d, s, t) if d or s <= t else (k, d, t, s)
            for k, d, s, t in zip(kind_names, directed, sources, targets, strict=True)
        ]
    return ties, keys


def fast_actors(
    columns: Sequence[Sequence[str]],
    n: int,
    index: Mapping[str, int],
    attributes: Sequence[tuple[str, int]],
    spec: TableSpec,
) -> tuple[list[Actor], list[str]] | None:
    """The actors of a table's ``columns`` (``n`` cells each) and their ids, or None.

    As :class:`~maillage.loaders.row_parsers.ActorParser` (not ``partial``) reads
    them; None sends the table to that parser. ``index`` gives the column of
    each present field and ``attributes`` the (name, column) of each attribute.
    """
    if not n:
        return [], []

    def column(name: str) -> Sequence[str] | None:
        i = index.get(name)
        return columns[i] if i is not None else None

    ids, names = _cleaned(column("id")), _cleaned(column("name"))
    if ids is None or names is None or "" in ids or "" in names:
        return None
    names_of_attributes = [name for name, _ in attributes]
    if len(set(names_of_attributes)) != len(names_of_attributes):
        return None
    try:
        sectors = _sectors(column("sector"), spec)
        territories = _territory_lists(column("territory"), spec, n)
        latitudes, longitudes = _coordinates(column("lat"), column("lon"), n)
        joined = _dates(column("joined"), spec, n)
    except ValueError:
        return None
    kinds = _values(column("kind"), text_of, None, n)
    cities = _values(column("city"), text_of, None, n)
    if attributes:
        cells = [_cleaned(columns[i]) for _, i in attributes]
        mappings = [
            {name: value for name, value in zip(names_of_attributes, values, strict=True) if value}
            for values in zip(*cells, strict=True)
        ]
    else:
        mappings = [{} for _ in range(n)]
    actors = build_all(
        Actor,
        n,
        (ids, names, sectors, territories, kinds, cities, latitudes, longitudes, joined, mappings),
    )
    return actors, ids


def _cleaned(raw: Sequence[str] | None) -> list[str] | None:
    """Each cell as ``row_parsers.clean`` gives it."""
    if raw is None:
        return None
    stripped = list(map(str.strip, raw))
    if any(map(_escaped, stripped)):
        return list(map(restore_formula, stripped))
    return stripped


def _sectors(raw: Sequence[str] | None, spec: TableSpec) -> list[Sector]:
    """Each cell's sector (the default for a blank one); ``ValueError`` if any has none."""
    if raw is None:
        raise ValueError("no sector column")
    stripped = list(map(str.strip, raw))
    parsed = {}
    for text in set(stripped):
        if text:
            parsed[text] = spec.sector(text)
        elif spec.default_sector is not None:
            parsed[text] = spec.default_sector
        else:
            raise ValueError("missing sector")
    return list(map(parsed.__getitem__, stripped))


def _territory_lists(raw: Sequence[str] | None, spec: TableSpec, n: int) -> list[tuple[str, ...]]:
    """Each cell's territories (the default for a blank one); ``ValueError`` if any has none."""
    default = (spec.default_territory,) if spec.default_territory else ()
    if raw is None:
        if not default:
            raise ValueError("no territory column")
        return [default] * n
    separator = spec.territory_separator
    parsed = {}
    for text in set(raw):
        if separator in text:
            territories = tuple(dict.fromkeys(t for t in map(clean, text.split(separator)) if t))
        else:
            single = clean(text)
            territories = (single,) if single else ()
        if not territories and not default:
            raise ValueError("missing territory")
        parsed[text] = territories or default
    return list(map(parsed.__getitem__, raw))


def _coordinates(
    lat: Sequence[str] | None, lon: Sequence[str] | None, n: int
) -> tuple[list[float | None], list[float | None]]:
    """Latitudes and longitudes; ``ValueError`` if one is bad or comes without the other."""
    lats = list(map(str.strip, lat)) if lat is not None else [""] * n
    lons = list(map(str.strip, lon)) if lon is not None else [""] * n
    if any(map(ne, map(bool, lats), map(bool, lons))):
        raise ValueError("lat and lon go together")
    return (
        _values(lats, lambda text: parse_latitude(text) if text else None, None, n),
        _values(lons, lambda text: parse_longitude(text) if text else None, None, n),
    )


def build_all(cls: type[T], n: int, columns: Sequence[Iterable[Any]]) -> list[T]:
    """``n`` instances of the frozen slotted dataclass ``cls``, from one column per field.

    The same as ``list(map(cls, *columns))``, twice as fast: a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``, one Python-level call
    per field and instance; here each field's slot is filled for every instance by one
    C-level ``map``. Classes whose ``__init__`` would do more than store its arguments
    (a ``__post_init__``, an ``init=False`` field, no slots) take ``__init__``.
    """
    attributes = fields(cls)  # type: ignore[arg-type]
    plain = (
        hasattr(cls, "__slots__")
        and not hasattr(cls, "__post_init__")
        and len(columns) == len(attributes)
        and all(f.init for f in attributes)
    )
    if not plain:
        return list(map(cls, *columns))
    instances = list(map(object.__new__, repeat(cls, n)))
    for attribute, column in zip(attributes, columns, strict=True):
        deque(map(getattr(cls, attribute.name).__set__, instances, column), maxlen=0)
    return instances


def _values(
    raw: Sequence[str] | None, parse: Callable[[str], Any], default: Any, n: int
) -> list[Any]:
    """Each cell parsed, each distinct text once (``ValueError`` propagates)."""
    if raw is None:
        return [default] * n
    first = raw[0]
    if raw[-1] == first and raw.count(first) == n:  # one value throughout (say, "false")
        return [parse(first)] * n
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


def _dates(raw: Sequence[str] | None, spec: TableSpec, n: int) -> list[date | None]:
    """Each cell's date (None when blank), each distinct text once (``ValueError`` propagates).

    Without a date format, the distinct texts go to ``date.fromisoformat`` in one C-level
    ``map``; if one is not a plain ISO date, every text goes through ``parse_date``.
    """
    if raw is None:
        return [None] * n
    if not spec.date_format:
        texts = set(raw)
        texts.discard("")
        try:
            parsed: dict[str, date | None] = dict(
                zip(texts, map(date.fromisoformat, texts), strict=True)
            )
        except ValueError:
            pass
        else:
            parsed[""] = None
            return list(map(parsed.__getitem__, raw))
    return _values(raw, lambda text: _date(text, spec), None, n)


def _ends_before_start(sinces: Sequence[date | None], untils: Sequence[date | None]) -> bool:
    """True when a row has both dates and its ``until`` is before its ``since``."""
    ends = list(filter(None, untils))
    if not ends:
        return False
    starts = list(compress(sinces, untils))  # the sinces of those rows, aligned with ends
    if None in starts:
        ends = [u for s, u in zip(starts, ends, strict=True) if s is not None]
        starts = [s for s in starts if s is not None]
    return any(map(lt, ends, cast(list[date], starts)))


def _date(raw: str, spec: TableSpec) -> date | None:
    text = raw.strip()
    return parse_date(text, spec.date_format) if text else None
