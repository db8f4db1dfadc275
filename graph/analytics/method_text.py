"""How a report's measures were computed, in words: the phrases of ``report["method"]``.

Each method value is phrases joined by ``"; "``; each phrase is an English template
(fixed, or with named fields such as ``{pivots}``). :func:`method_value` writes a value;
:func:`method_phrases` recognises a stored value back, phrase by phrase, as
``(template, fields)`` (None for a phrase no template makes), so that a reader can tell
it in another language (the templates are msgids).

>>> value = method_value(BETWEENNESS, SAMPLED.format(pivots=50), HOPS)
>>> value.split("; ")[1:]
['estimated from 50 sampled pivots', 'shortest paths counted in hops']
>>> method_phrases(value)[1]
('estimated from {pivots} sampled pivots', {'pivots': '50'})
"""

from __future__ import annotations

from ..sentences import recognise

SEPARATOR = "; "
BETWEENNESS = "Brandes (igraph), NetworkX normalisation"
SAMPLED = "estimated from {pivots} sampled pivots"
EXACT = "exact"
WEIGHTED_PATHS = (
    "shortest paths on the edge attribute {attribute} = 1 / {weight} "
    "(a strong tie is a short one), as NetworkX's weight= / distance= length"
)
HOPS = "shortest paths counted in hops"
CLOSENESS = "Freeman with Wasserman-Faust correction (NetworkX's)"
CLOSENESS_SAMPLED = "Eppstein-Wang estimate from the same pivots"
EIGENVECTOR = "power iteration on A + I from the uniform vector (NetworkX's)"
EIGENVECTOR_ARPACK = "ARPACK (igraph): the power iteration did not converge"
NO_ACTORS = "none (no actors)"
PAGERANK = "power iteration, alpha 0.85 (NetworkX's)"
STRUCTURAL_HOLES = "Burt's constraint and effective size (NetworkX's definitions)"
BROKERAGE = "Gould-Fernandez roles by sector, counted as R sna::brokerage"
COMMUNITIES = (
    "best modularity of {runs} Leiden runs and a Louvain run (igraph), refined by leidenalg"
)
EI_INDEX = "Krackhardt-Stern E-I index by sector"
SECTOR_MIXING = "sector label permutation baseline, {permutations} permutations"
ASSORTATIVITY = "Newman's attribute assortativity of sector"
LOCAL = "local"

# The gds engine's phrases (graph/analytics/streamed.py; the community runs are named by
# graph/storage/gds.py, which the storage layer writes itself: kept equal to these).
GDS_BETWEENNESS = "Brandes ({engine}), NetworkX normalisation"
GDS_SAMPLED = (
    "estimated from {sources} sampled sources (GDS's degree-biased sample), scaled by n / k"
)
GDS_CLOSENESS = "Freeman with Wasserman-Faust correction ({engine})"
GDS_UNWEIGHTED = "unweighted (GDS closeness takes no weights)"
GDS_EIGENVECTOR = "power iteration on A ({engine}), unit Euclidean norm, {iterations} iterations"
GDS_EIGENVECTOR_UNCONVERGED = GDS_EIGENVECTOR + ", not converged to 1e-10"
GDS_PAGERANK = "power iteration, alpha 0.85 ({engine}), scaled to sum 1 (NetworkX's)"
STREAMED = "Maillage, from neighbourhoods streamed in batches"
GDS_COMMUNITIES = "best modularity of {method} and the other ({engine})"
GDS_LEIDEN = "Leiden (GDS), best of {runs} seeded runs"
GDS_LOUVAIN = "Louvain (GDS)"
EXACT_MIXING = "sector label permutation baseline, exact permutation moments"

# The gap analysis's rules (graph/analytics/gaps.py), one phrase each.
GAP_GRAPH = "ties between the territory's members, parallel ties collapsed, unweighted"
GAP_SHUFFLES = "sector labels shuffled over the actors {permutations} times (seed {seed})"
GAP_EXPECTED = (
    "expected = mean count, z = (observed - expected) / sample sd of the shuffles "
    "(null when the sd is 0), as in the report's sector mixing"
)
GAP_RULE = (
    "two different sectors, both present, with no tie between them, or with "
    "z <= {critical} (two-sided level {alpha}, not corrected for the number of pairs)"
)
GAP_ORDER = "lowest z first"
BRIDGE_RULE = "an actor bridges sectors a and b when it is in a or tied to a, and in b or tied to b"
FRAGILE_RULE = "a gap is fragile when exactly one actor bridges it"
FRAGILE_BRIDGES = (
    "cut vertices and bridge edges whose removal leaves two sectors, both still "
    "present, without any chain of ties between them"
)
INTRODUCTION_CANDIDATES = (
    "untied pairs of actors across a gap, taken from shared partners, then 3-step "
    "chains, then the 3 most connected actors of each sector"
)
INTRODUCTION_LIKELIHOOD = (
    "likelihood = 0.1 + Adamic-Adar + 0.25 per shared partner met at events + 0.5 if "
    "same community + 1/(distance - 1) (0 without a path)"
)
INTRODUCTION_IMPACT = (
    "impact = gain of the summed 1/distance from each actor of the two sectors to the "
    "nearest actor of the other"
)
INTRODUCTION_SCORE = "score = likelihood * (1 + impact)"
INTRODUCTION_KEPT = (
    "the best of each gap always kept, then by decreasing score, at most 3 per actor"
)

METHOD_TEMPLATES: tuple[str, ...] = (
    BETWEENNESS,
    SAMPLED,
    EXACT,
    WEIGHTED_PATHS,
    HOPS,
    CLOSENESS,
    CLOSENESS_SAMPLED,
    EIGENVECTOR,
    EIGENVECTOR_ARPACK,
    NO_ACTORS,
    PAGERANK,
    STRUCTURAL_HOLES,
    BROKERAGE,
    COMMUNITIES,
    EI_INDEX,
    SECTOR_MIXING,
    ASSORTATIVITY,
    LOCAL,
    GDS_BETWEENNESS,
    GDS_SAMPLED,
    GDS_CLOSENESS,
    GDS_UNWEIGHTED,
    GDS_EIGENVECTOR_UNCONVERGED,
    GDS_EIGENVECTOR,
    GDS_PAGERANK,
    STREAMED,
    GDS_COMMUNITIES.replace("{method}", GDS_LEIDEN),
    GDS_COMMUNITIES.replace("{method}", GDS_LOUVAIN),
    EXACT_MIXING,
    GAP_GRAPH,
    GAP_SHUFFLES,
    GAP_EXPECTED,
    GAP_RULE,
    GAP_ORDER,
    BRIDGE_RULE,
    FRAGILE_RULE,
    FRAGILE_BRIDGES,
    INTRODUCTION_CANDIDATES,
    INTRODUCTION_LIKELIHOOD,
    INTRODUCTION_IMPACT,
    INTRODUCTION_SCORE,
    INTRODUCTION_KEPT,
)
"""Every phrase of both engines' methods and of the gap analysis (the catalog's msgids)."""

NUMBER_FIELDS: frozenset[str] = frozenset(
    {"pivots", "runs", "permutations", "sources", "iterations"}
)
"""The fields that are counts (a reader writes them with the locale's digits)."""

DECIMAL_FIELDS: frozenset[str] = frozenset({"critical", "alpha"})
"""The fields that are decimals (written with the locale's decimal sign, digits kept)."""

_KINDS = {
    **dict.fromkeys(NUMBER_FIELDS, r"\d+"),
    **dict.fromkeys(DECIMAL_FIELDS, r"-?\d+(?:\.\d+)?"),
    "seed": r"-?\d+",
}


def method_value(*phrases: str) -> str:
    """One method value: its (already filled-in) phrases joined by ``"; "``."""
    return SEPARATOR.join(phrases)


def method_phrases(value: str) -> list[tuple[str, dict[str, str]] | None]:
    """Each phrase of a stored method ``value`` as ``(template, fields)``, None if unknown.

    >>> method_phrases("exact; computed on a Tuesday")
    [('exact', {}), None]
    """
    return [recognise(phrase, METHOD_TEMPLATES, _KINDS) for phrase in value.split(SEPARATOR)]
