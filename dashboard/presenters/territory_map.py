"""The Map page: the territory's located actors and their ties, over region outlines."""

from __future__ import annotations

from ...reports.i18n import N_, Translator
from ...reports.map_figure import LEVELS, map_figure, missing_note
from ..sources import Source
from .guard import guarded, require_territory

LEVEL_LABELS = {"regions": N_("Regions"), "departements": N_("Departments")}
"""The label of each outline layer of :data:`~maillage.reports.map_figure.LEVELS`."""


def level_options(t: Translator) -> list[dict[str, str]]:
    """The outline layers as radio options, coarsest first."""
    return [{"label": f" {t.gettext(LEVEL_LABELS[level])}", "value": level} for level in LEVELS]


@guarded(dict, None)
def map_view(
    source: Source, t: Translator, territory: str | None, level: str | None
) -> tuple[dict, str | None]:
    """The map of ``territory`` with the outlines of ``level``, and the note of actors left off.

    Parameters
    ----------
    source : Source
        The request's data (citizens have no coordinates when pseudonymised).
    t : Translator
        The request's language.
    territory : str or None
        The territory picked in the navigation bar.
    level : str or None
        ``"regions"`` or ``"departements"``; anything else draws the regions.

    Returns
    -------
    tuple
        The figure (a plain dict: plotly's validation of ~20,000 outline points
        would take a second), the note (None when every actor is located) and the alert (None).
    """
    territory = require_territory(territory, t)
    network = source.network(territory)
    level = level if level in LEVELS else LEVELS[0]
    return map_figure(network, level=level, t=t), missing_note(network, t)
