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
)
"""Every phrase of both engines' methods (the msgids of the catalog)."""

NUMBER_FIELDS: frozenset[str] = frozenset(
    {"pivots", "runs", "permutations", "sources", "iterations"}
)
"""The fields that are counts (a reader writes them with the locale's digits)."""

_KINDS = dict.fromkeys(NUMBER_FIELDS, r"\d+")


def method_value(*phrases: str) -> str:
    """One method value: its (already filled-in) phrases joined by ``"; "``."""
    return SEPARATOR.join(phrases)


def method_phrases(value: str) -> list[tuple[str, dict[str, str]] | None]:
    """Each phrase of a stored method ``value`` as ``(template, fields)``, None if unknown.

    >>> method_phrases("exact; computed on a Tuesday")
    [('exact', {}), None]
    """
    return [recognise(phrase, METHOD_TEMPLATES, _KINDS) for phrase in value.split(SEPARATOR)]
