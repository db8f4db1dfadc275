"""Colours and sizes of the network drawing, shared by the presenters and the legend."""

from __future__ import annotations

from types import MappingProxyType

from ..reports.html_page import SECTOR_COLOURS as REPORT_SECTOR_COLOURS

# Okabe & Ito's colour-blind safe palette, one colour per sector.
SECTOR_COLOURS = MappingProxyType(REPORT_SECTOR_COLOURS)
"""One palette (colour-blind safe) for the app and the reports it downloads."""
UNKNOWN_COLOUR = "#BBBBBB"

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


def sector_colour(sector: str | None) -> str:
    """The colour of ``sector`` (grey for an unknown one)."""
    return SECTOR_COLOURS.get(sector or "", UNKNOWN_COLOUR)


def community_colour(rank: int) -> str:
    """The colour of the community ranked ``rank`` by size (0 = largest)."""
    return COMMUNITY_COLOURS[rank] if 0 <= rank < len(COMMUNITY_COLOURS) else SMALL_COMMUNITY_COLOUR
