"""The map of a territory: its actors at their coordinates over France's outlines, offline.

Everything is drawn with plain ``scatter`` traces on projected longitude and
latitude, never ``scattergeo`` or a tile map (those fetch their base map from
the internet): the outlines of the regions and departments ship with the
package (``outlines/``, see its ``NOTICE.md``). The projection is
equirectangular around the actors' mean latitude: ``x = lon × cos(mean lat)``,
``y = lat``, drawn with equal axis scales, so that distances look right at a
territory's scale.

>>> round(project(5.55, 46.67, 46.67)[0], 4), project(5.55, 46.67, 46.67)[1]
(3.8084, 46.67)
>>> [len(outlines(level)) for level in LEVELS]
[13, 96]
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from maillage.graph.model import Actor, Network
from maillage.graph.vocabulary import sector_colour, sector_sort_key

from .figures import base_layout, label_text
from .i18n import Translator, translator
from .labels import sector_label

OUTLINES = Path(__file__).with_name("outlines")
LEVELS: tuple[str, ...] = ("regions", "departements")
"""The outline layers, coarsest first: the file ``outlines/<level>.geojson`` of each."""

FRANCE_LAT = 46.6
"""The latitude the projection centres on when no actor has coordinates."""
FRANCE_EXTENT = (-5.2, 8.3, 41.3, 51.1)
"""Metropolitan France (lon min, lon max, lat min, lat max): the view when no actor is located."""
MARGIN = 0.08
"""The margin around the actors, in degrees of latitude, at least (or 8 % of the extent)."""
OUTLINE_COLOURS = {"regions": "#6b7280", "departements": "#c4c8cf"}
OUTLINE_WIDTHS = {"regions": 1.0, "departements": 0.5}
TIE_COLOUR = "rgba(100, 116, 139, 0.25)"


@dataclass(frozen=True, slots=True)
class Outline:
    """One region or department: its code, its name and its rings of (lon, lat) points."""

    code: str
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]


@cache
def outlines(level: str = "regions") -> tuple[Outline, ...]:
    """The outlines of ``level`` (one of :data:`LEVELS`), read once from the package data.

    Parameters
    ----------
    level : str
        ``"regions"`` (13 metropolitan regions) or ``"departements"`` (96).

    Returns
    -------
    tuple of Outline
        Sorted by code; each ring is a closed list of (lon, lat) points.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown outline level {level!r} (expected one of {', '.join(LEVELS)})")
    data = json.loads((OUTLINES / f"{level}.geojson").read_text(encoding="utf-8"))
    return tuple(
        Outline(
            code=str(feature["properties"]["code"]),
            name=str(feature["properties"]["nom"]),
            rings=tuple(
                tuple((float(x), float(y)) for x, y in ring)
                for polygon in feature["geometry"]["coordinates"]
                for ring in polygon
            ),
        )
        for feature in data["features"]
    )


def project(lon: float, lat: float, mean_lat: float) -> tuple[float, float]:
    """The map coordinates of (``lon``, ``lat``): ``(lon × cos(mean_lat), lat)``.

    Parameters
    ----------
    lon, lat : float
        Degrees (WGS 84).
    mean_lat : float
        The latitude, in degrees, where the map's scales are equal.
    """
    return lon * math.cos(math.radians(mean_lat)), lat


def located(actors: Iterable[Actor]) -> list[Actor]:
    """The actors with both a finite latitude and a finite longitude, in the given order."""
    return [
        actor
        for actor in actors
        if actor.lat is not None
        and actor.lon is not None
        and math.isfinite(actor.lat)
        and math.isfinite(actor.lon)
    ]


def mean_latitude(actors: Sequence[Actor]) -> float:
    """The mean latitude of located ``actors``; :data:`FRANCE_LAT` when there are none."""
    return sum(a.lat for a in actors) / len(actors) if actors else FRANCE_LAT  # type: ignore[misc]


def missing_note(network: Network, t: Translator | None = None) -> str | None:
    """``"12 acteurs sans coordonnées"``: the territory's actors left off the map, or None."""
    t = t or translator()
    missing = len(network.actors) - len(located(network.actors))
    if missing <= 0:
        return None
    message = t.ngettext(
        "{count} actor without coordinates", "{count} actors without coordinates", missing
    )
    return message.format(count=t.integer(missing))


def outline_traces(level: str, mean_lat: float) -> list[dict[str, Any]]:
    """One thin line trace per outline of ``level``, rings separated by gaps (``None``)."""
    traces = []
    for outline in outlines(level):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for ring in outline.rings:
            for lon, lat in ring:
                x, y = project(lon, lat, mean_lat)
                xs.append(x)
                ys.append(y)
            xs.append(None)
            ys.append(None)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "name": label_text(outline.name),
                "x": xs,
                "y": ys,
                "line": {"color": OUTLINE_COLOURS[level], "width": OUTLINE_WIDTHS[level]},
                "hoverinfo": "skip",
                "showlegend": False,
                "meta": {"outline": level, "code": outline.code},
            }
        )
    return traces


def tie_trace(
    network: Network, places: dict[str, tuple[float, float]], t: Translator
) -> dict[str, Any]:
    """Every tie between two located actors, as one trace of thin segments."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for tie in network.ties:
        if tie.source in places and tie.target in places and tie.source != tie.target:
            (x0, y0), (x1, y1) = places[tie.source], places[tie.target]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
    return {
        "type": "scatter",
        "mode": "lines",
        "name": t.gettext("Ties"),
        "x": xs,
        "y": ys,
        "line": {"color": TIE_COLOUR, "width": 0.7},
        "hoverinfo": "skip",
        "showlegend": False,
        "meta": {"ties": len(xs) // 3},
    }


def actor_traces(
    actors: Sequence[Actor], places: dict[str, tuple[float, float]], t: Translator | None = None
) -> list[dict[str, Any]]:
    """One marker trace per sector (in the vocabulary's order and colours); hover: name, sector.

    Sectors are named in ``t``'s language (as the data spells them without ``t``).
    """
    by_sector: dict[str, list[Actor]] = {}
    for actor in actors:
        by_sector.setdefault(str(actor.sector), []).append(actor)
    traces = []
    for sector in sorted(by_sector, key=sector_sort_key):
        members = by_sector[sector]
        name = label_text(sector_label(sector, t) if t is not None else sector)
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": [places[a.id][0] for a in members],
                "y": [places[a.id][1] for a in members],
                "ids": [a.id for a in members],
                "marker": {
                    "color": sector_colour(sector),
                    "size": 8,
                    "line": {"color": "white", "width": 0.5},
                },
                "customdata": [[label_text(a.name, 80), name] for a in members],
                "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
                "meta": {"actors": len(members), "sector": sector},
            }
        )
    return traces


def extent(
    points: Iterable[tuple[float, float]], mean_lat: float
) -> tuple[list[float], list[float]]:
    """The x and y ranges around ``points`` with a margin; metropolitan France when none."""
    points = list(points)
    if not points:
        west, east, south, north = FRANCE_EXTENT
        (x0, y0), (x1, y1) = project(west, south, mean_lat), project(east, north, mean_lat)
        return [x0, x1], [y0, y1]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    pad = max(MARGIN, 0.08 * max(max(xs) - min(xs), max(ys) - min(ys)))
    return [min(xs) - pad, max(xs) + pad], [min(ys) - pad, max(ys) + pad]


def map_figure(
    network: Network,
    *,
    level: str = "regions",
    t: Translator | None = None,
    height: int = 620,
) -> dict[str, Any]:
    """The map of ``network``: outlines, then ties, then actors by sector, fitted to the actors.

    Parameters
    ----------
    network : Network
        The territory; its actors without coordinates are left out (see :func:`missing_note`).
    level : str
        The outlines drawn underneath: ``"regions"``, or ``"departements"`` (the regions'
        outlines are drawn over the departments' then).
    t : Translator, optional
        The language of the figure's words.
    height : int
        The figure's height in pixels.

    Returns
    -------
    dict
        A plotly figure (``data`` and ``layout``), plain ``scatter`` traces only.
    """
    t = t or translator()
    actors = located(network.actors)
    mean_lat = mean_latitude(actors)
    places = {a.id: project(a.lon, a.lat, mean_lat) for a in actors}  # type: ignore[arg-type]
    layers = ["departements", "regions"] if level == "departements" else [level]
    data = [trace for layer in layers for trace in outline_traces(layer, mean_lat)]
    data.append(tie_trace(network, places, t))
    data += actor_traces(actors, places, t)
    x_range, y_range = extent(places.values(), mean_lat)
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    layout = base_layout(
        height,
        t=t,
        xaxis={**hidden, "range": x_range},
        yaxis={**hidden, "range": y_range, "scaleanchor": "x", "scaleratio": 1},
        hovermode="closest",
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        meta={"mean_lat": mean_lat, "located": len(actors)},
    )
    return {"data": data, "layout": layout}
