"""What a visitor reads while a territory's first-paint results are still being computed."""

from __future__ import annotations

from ...reports.i18n import Translator
from ..sources import Source


def progress_message(t: Translator, territory: str | None, percent: int | None) -> str | None:
    """ "Computing the network of Lille… 40 % done", or None when nothing is being computed.

    >>> from maillage.reports.i18n import translator
    >>> progress_message(translator("en"), "Lille", 40)
    'Computing the network of Lille… 40% done'
    >>> progress_message(translator("en"), "Lille", None) is None
    True
    """
    if not territory or percent is None:
        return None
    done = t.percent(percent / 100)
    return t.gettext("Computing the network of {territory}… {done} done").format(
        territory=territory, done=done
    )


def progress_view(source: Source, t: Translator, territory: str | None) -> tuple[str | None, bool]:
    """The message and whether to stop asking again (the results are ready)."""
    percent = source.precompute_progress(territory) if territory else None
    return progress_message(t, territory, percent), percent is None
