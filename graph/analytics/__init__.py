"""Network analytics on NetworkX graphs, with a compiled engine underneath where it wins."""

from .brokerage import ROLES, brokerage
from .centrality import (
    betweenness_centrality,
    closeness_centrality,
    degree_centrality,
    eigenvector_centrality,
    pagerank,
)
from .communities import communities, community_ranks, modularity, partition_sets, ranked_members
from .engine import EngineGraph, engine_graph
from .groups import (
    attribute_assortativity,
    ei_index,
    ei_index_by_group,
    ei_index_by_node,
    mixing_baseline,
    mixing_matrix,
)
from .layout import aggregate_by_community, community_layouts, layout
from .network import territory_arcs, territory_graph
from .report import territory_report
from .streamed import compare_reports, streamed_report
from .structural_holes import constraint, effective_size

__all__ = [
    "ROLES",
    "EngineGraph",
    "aggregate_by_community",
    "attribute_assortativity",
    "betweenness_centrality",
    "brokerage",
    "closeness_centrality",
    "communities",
    "community_layouts",
    "community_ranks",
    "constraint",
    "degree_centrality",
    "effective_size",
    "ei_index",
    "ei_index_by_group",
    "ei_index_by_node",
    "eigenvector_centrality",
    "engine_graph",
    "layout",
    "mixing_baseline",
    "mixing_matrix",
    "modularity",
    "partition_sets",
    "ranked_members",
    "pagerank",
    "territory_arcs",
    "territory_graph",
    "territory_report",
    "streamed_report",
    "compare_reports",
]

# Gaps, introductions, paths, timeline and comparison.
from .compare import compare_territories
from .crossings import territory_crossings
from .follow_up import introduction_funnel
from .gaps import fragile_bridges, gap_report, sector_bridges
from .introductions import reach_gain, suggest_introductions
from .paths import ego_network, introduction_path, path_explanation
from .rates import partnership_rates, wilson
from .timeline import bridge_changes
from .yearly import year_ends, yearly_comparison

__all__ += [
    "bridge_changes",
    "compare_territories",
    "ego_network",
    "fragile_bridges",
    "gap_report",
    "introduction_funnel",
    "introduction_path",
    "partnership_rates",
    "path_explanation",
    "reach_gain",
    "sector_bridges",
    "suggest_introductions",
    "territory_crossings",
    "wilson",
    "year_ends",
    "yearly_comparison",
]
