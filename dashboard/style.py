"""Colours and sizes of the network drawing and the tables, shared by pages and presenters.

Sector colours are the vocabulary's (``graph.vocabulary.sector_colour``), as in the reports.
"""

from __future__ import annotations

#: The cells of every table of the pages (Dash ``DataTable``'s ``style_cell``).
TABLE_CELL = {"fontFamily": "inherit", "fontSize": "0.85rem", "padding": "4px"}

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


def community_colour(rank: int) -> str:
    """The colour of the community ranked ``rank`` by size (0 = largest)."""
    return COMMUNITY_COLOURS[rank] if 0 <= rank < len(COMMUNITY_COLOURS) else SMALL_COMMUNITY_COLOUR
