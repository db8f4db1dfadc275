"""The result documents of the analytics, typed: what a report, gaps, compare and bridges hold.

These are the JSON documents that ``report``, ``gaps``, ``compare`` and
``bridges`` print with ``--format json`` (the report's is the one of the
data format), and what the reports and the dashboard read. They stay plain
dicts at run time (``TypedDict``), so they serialise as they are; the types
say which keys there are and what each holds, for readers and type checkers.
:func:`problems` checks a document against its type (the tests run it on
the real analytics output and on every hand-written fixture).
"""

import types
from typing import (
    Any,
    Literal,
    NotRequired,
    TypedDict,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

Matrix = dict[str, dict[str, Any]]
"""Sector × sector values: ``matrix[a][b]``."""


class ActorRef(TypedDict):
    """An actor named in a result."""

    id: str
    name: str
    sector: str | None


class ActorRow(TypedDict):
    """One actor of a territory report, with every measure."""

    id: str
    name: str
    sector: str
    degree: int
    betweenness: float
    closeness: float
    eigenvector: float
    pagerank: float
    constraint: float | None
    effective_size: float | None
    brokerage: dict[str, int]
    community: int
    ei_index: float | None


class NetworkIndicators(TypedDict):
    """The whole territory at a glance."""

    actors: int
    ties: int
    linked_pairs: int
    density: float
    components: int
    largest_component_share: float
    average_clustering: float
    communities: int
    modularity: float
    ei_index: float
    openness: float | None
    sector_counts: dict[str, int]
    ei_by_sector: dict[str, float | None]
    assortativity: float | None


class SectorMixing(TypedDict, total=False):
    """Ties between sectors against a sector-label permutation baseline (empty for no actor)."""

    groups: list[str]
    observed: Matrix
    expected: Matrix
    std: Matrix
    z: Matrix
    permutations: int
    seed: int | None


class TerritoryReport(TypedDict):
    """``territory_report``: measures of a territory and of each of its actors."""

    territory: str
    as_of: str | None
    variant: Literal["weighted", "unweighted"]
    approximate: bool
    method: dict[str, Any]
    network: NetworkIndicators
    sector_mixing: SectorMixing
    actors: list[ActorRow]


class Gap(TypedDict):
    """Two sectors with fewer ties than expected, and who bridges them."""

    sectors: list[str]
    observed: int
    expected: float
    z: float | None
    bridges: list[ActorRef]
    bridge_count: int
    fragile: bool


class FragileBridge(TypedDict):
    """An actor (``type`` ``"actor"``, with its ``id``, ``name``, ``sector``) or a tie
    (``"tie"``, with ``source`` and ``target``) whose loss would cut sectors apart."""

    type: Literal["actor", "tie"]
    disconnects: list[list[str]]
    id: NotRequired[str]
    name: NotRequired[str]
    sector: NotRequired[str | None]
    source: NotRequired[ActorRef]
    target: NotRequired[ActorRef]


class Introduction(TypedDict):
    """A suggested introduction between two actors, with its reason."""

    source: ActorRef
    target: ActorRef
    sectors: list[str]
    score: float
    likelihood: float
    impact: float
    shared_partners: list[str]
    distance: int | None
    same_community: bool
    reason: str
    reason_parts: NotRequired[list[dict[str, Any]]]


class GapReport(TypedDict):
    """``gap_report``: the sector mixing, its gaps, fragile bridges, ranked introductions."""

    territory: str
    as_of: str | None
    sectors: list[str]
    observed: Matrix
    expected: Matrix
    z: Matrix
    gaps: list[Gap]
    fragile_bridges: list[FragileBridge]
    introductions: list[Introduction]
    method: dict[str, Any]


class IndicatorRow(TypedDict):
    """One indicator of a comparison, per territory: raw, normalised, z."""

    name: str
    label: str
    description: str
    normalisation: str | None
    values: dict[str, Any]
    normalised: dict[str, float | None]
    z: dict[str, float | None]


class Comparison(TypedDict):
    """``compare_territories``: indicators of several territories side by side.

    ``rates``, ``z_scores`` and ``standouts`` are typed where they are made
    (``analytics.rates``, ``analytics.standouts``); ``Maillage.compare`` adds
    ``crossings``, and ``by_year`` when asked.
    """

    territories: list[str]
    indicators: list[IndicatorRow]
    rates: Any
    z_scores: Any
    standouts: Any
    method: dict[str, Any]
    crossings: NotRequired[Any]
    by_year: NotRequired[Any]


class BridgeChange(TypedDict):
    """An actor (``"actor"``) or a tie (``"tie"``) that became, or stopped being, a bridge."""

    type: Literal["actor", "tie"]
    sectors: list[list[str]]
    id: NotRequired[str]
    name: NotRequired[str]
    sector: NotRequired[str | None]
    source: NotRequired[ActorRef]
    target: NotRequired[ActorRef]


class BridgeChanges(TypedDict):
    """``bridge_changes``: the bridges between sectors gained and lost between two dates."""

    territory: str
    since: str | None
    until: str | None
    gained: list[BridgeChange]
    lost: list[BridgeChange]


DOCUMENTS: dict[str, type] = {
    "report": TerritoryReport,
    "gaps": GapReport,
    "compare": Comparison,
    "bridges": BridgeChanges,
}
"""The document type of each kind the reports render."""


def problems(value: Any, kind: Any, *, partial: bool = False, where: str = "") -> list[str]:
    """What in ``value`` does not match the type ``kind`` (empty: it matches).

    Keys a ``TypedDict`` does not name are problems, and so are missing
    required keys unless ``partial`` (a fixture may leave keys out, never
    invent them).

    >>> problems({"id": "a", "name": "A", "sector": None}, ActorRef)
    []
    >>> problems({"id": 3, "nom": "A"}, ActorRef)
    ['.id: 3 is not str', '.name: missing', '.sector: missing', '.nom: not a key of ActorRef']
    """
    if kind is Any:
        return []
    if is_typeddict(kind):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__} is not {kind.__name__}"]
        hints = get_type_hints(kind)
        found = []
        for key, hint in hints.items():
            if key in value:
                found += problems(value[key], hint, partial=partial, where=f"{where}.{key}")
            elif key in kind.__required_keys__ and not partial:
                found.append(f"{where}.{key}: missing")
        found += [
            f"{where}.{key}: not a key of {kind.__name__}" for key in value if key not in hints
        ]
        return found
    origin, args = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        tries = [problems(value, arg, partial=partial, where=where) for arg in args]
        return [] if any(not found for found in tries) else min(tries, key=len)
    if origin is Literal:
        return [] if value in args else [f"{where}: {value!r} is not one of {args}"]
    if origin is list:
        if not isinstance(value, list | tuple):
            return [f"{where}: {type(value).__name__} is not a list"]
        return [
            p
            for i, v in enumerate(value)
            for p in problems(v, args[0], partial=partial, where=f"{where}[{i}]")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__} is not a dict"]
        return [
            p
            for k, v in value.items()
            for p in problems(v, args[1], partial=partial, where=f"{where}[{k!r}]")
        ]
    if kind is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if kind is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r} is not a number"]
    if kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r} is not int"]
    return [] if isinstance(value, kind) else [f"{where}: {value!r} is not {kind.__name__}"]
