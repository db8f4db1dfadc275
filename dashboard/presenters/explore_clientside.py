"""Explore's clientside callbacks: what runs in the browser, with no round trip to the server."""

from __future__ import annotations

from .. import ids

AS_OF_FOR = """
function (year, maximum) {
    if (year === null || year === undefined || maximum === null || maximum === undefined
        || year >= maximum) {
        return [null, null];
    }
    var day = String(Math.trunc(year)).padStart(4, "0") + "-12-31";
    return [day, Math.trunc(year)];
}
"""
"""Clientside :func:`~.explore.as_of_for` and the year the drawing shows (None: every tie).

The drawing changes at once, in the browser; the server is asked once per step, not twice.
"""

SECTORS_IN_SYNC = f"""
function (checked, legend) {{
    var trigger = dash_clientside.callback_context.triggered_id;
    var chosen = trigger === {ids.NETWORK!r} && legend ? legend : checked || [];
    return [chosen, chosen];
}}
"""
"""Clientside: the sector checklist and the drawing's clickable legend show the same sectors."""

DRAWING_OPTIONS = """
function (colourBy, kinds, minWeight) {
    return [colourBy || "sector", kinds, Number(minWeight) || 0];
}
"""
"""Clientside: colouring, tie kinds and minimum weight passed to the drawing as they are."""
