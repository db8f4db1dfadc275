"""The as-of slider's play button: the network year by year, from the first year to "all"."""

from __future__ import annotations

from typing import Any

from dash.exceptions import PreventUpdate

from ...reports.i18n import Translator
from .. import ids
from .formatting import reader

PLAY_LABEL = "▶ Play"
PAUSE_LABEL = "❚❚ Pause"
#: Between two years: long enough for the picture of a year to be drawn and read.
PLAY_INTERVAL_MS = 1500


def play_step(
    trigger: Any,
    playing: bool,
    year: int | None,
    first: int | None,
    last: int | None,
    t: Translator | None = None,
) -> tuple[int | Any, bool, str]:
    """The slider's year, whether the timer is off, and the button's label after ``trigger``.

    The button starts (from the first year, when the slider is at its end, "all") or pauses;
    each tick moves one year on, and the last one ("all") stops.

    >>> play_step(ids.PLAY, False, 2021, 2012, 2021)
    (2012, False, '❚❚ Pause')
    >>> play_step(ids.PLAY_TICK, True, 2019, 2012, 2021)
    (2020, False, '❚❚ Pause')
    >>> play_step(ids.PLAY_TICK, True, 2020, 2012, 2021)
    (2021, True, '▶ Play')
    >>> play_step(ids.PLAY, True, 2016, 2012, 2021)[1:]
    (True, '▶ Play')
    >>> from maillage.reports.i18n import translator
    >>> play_step(ids.PLAY, False, 2021, 2012, 2021, translator("fr"))[2]
    '❚❚ Pause'
    >>> play_step(ids.PLAY, True, 2016, 2012, 2021, translator("fr"))[2]
    '▶ Lecture'
    """
    play, pause = reader(t).gettext(PLAY_LABEL), reader(t).gettext(PAUSE_LABEL)
    if first is None or last is None or year is None or first >= last:
        raise PreventUpdate
    if trigger == ids.PLAY:
        if playing:
            return year, True, play
        return (first if year >= last else year), False, pause
    if trigger == ids.PLAY_TICK and playing:
        following = min(year + 1, last)
        done = following >= last
        return following, done, play if done else pause
    raise PreventUpdate
