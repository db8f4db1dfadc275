"""Colours and sizes of the network drawing, shared by the presenters and the legend.

Sector colours are the vocabulary's (``graph.vocabulary.sector_colour``), as in the reports.
"""

from __future__ import annotations

# Communities are ranked by size; the largest twelve get distinct colours, the rest grey.
COMMUNITY_COLOURS = (
    "#1F77B4",
    "#FF7F0E",
    "#2CA02C",
    "#D62728",
    "#9467BD",
    "#8C564B",
    "#E377C2",
    "#17BECF",
    "#BCBD22",
    "#7F7F7F",
    "#393B79",
    "#AD494A",
)
SMALL_COMMUNITY_COLOUR = "#D0D0D0"

NODE_MIN_PX = 8
NODE_MAX_PX = 44
SUPERNODE_MIN_PX = 24
SUPERNODE_MAX_PX = 110
EDGE_MIN_PX = 0.6
EDGE_MAX_PX = 5
EDGE_COLOUR = "#9AA5B1"
PATH_COLOUR = "#C0392B"
SELECTED_BORDER = "#111111"
FADED_OPACITY = 0.12


def community_colour(rank: int) -> str:
    """The colour of the community ranked ``rank`` by size (0 = largest)."""
    return COMMUNITY_COLOURS[rank] if 0 <= rank < len(COMMUNITY_COLOURS) else SMALL_COMMUNITY_COLOUR
