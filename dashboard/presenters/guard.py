"""Failures become panels: the guard every view wears, and "nothing to show yet"."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
from dash import html
from dash.exceptions import PreventUpdate

from ...graph.errors import MaillageError
from ...reports.i18n import Translator, translator
from ...reports.problems import problem_in
from ..sources import Sources

log = logging.getLogger(__name__)


class NothingToShow(Exception):
    """Not an error: there is simply nothing to show yet (shown as an info panel)."""


# ---------------------------------------------------------------------------
# Errors and small formatting helpers


def error_alert(exc: BaseException, t: Translator | None = None) -> dbc.Alert:
    """The panel shown in place of a result that could not be computed (in ``t``'s language).

    >>> error_alert(ValueError("x"), translator("fr")).children[0].children
    "Cette analyse n'a pas pu être affichée. "
    """
    t = t or translator()
    if isinstance(exc, NothingToShow):
        return dbc.Alert(str(exc), color="info", className="mb-2")
    if isinstance(exc, MaillageError):
        message = problem_in(str(exc), t)
    else:
        message = f"{type(exc).__name__}: {exc}"
    return dbc.Alert(
        [html.Strong(t.gettext("This analysis could not be shown. ")), html.Span(message)],
        color="danger",
        className="mb-2",
    )


def guarded(*fallback: Callable[[], Any] | None) -> Callable:
    """Make a view return its outputs plus ``None``, or the fallbacks plus an error panel.

    The decorated view returns a tuple of outputs; the wrapper appends one more
    output, the content of the view's alert container. Each fallback is a
    factory (``list``, ``go.Figure``) called on failure, or None. The panel speaks
    the language of the view's ``Translator`` argument (the default one without).
    """

    def empty() -> tuple:
        return tuple(make() if make is not None else None for make in fallback)

    def decorate(view: Callable[..., tuple]) -> Callable[..., tuple]:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> tuple:
            try:
                return (*view(*args, **kwargs), None)
            except PreventUpdate:
                raise
            except NothingToShow as exc:
                return (*empty(), error_alert(exc, _translator_of(args, kwargs)))
            except Exception as exc:
                log.exception("%s failed", view.__name__)
                return (*empty(), error_alert(exc, _translator_of(args, kwargs)))

        return wrapper

    return decorate


def _translator_of(args: tuple, kwargs: dict[str, Any]) -> Translator | None:
    """The first ``Translator`` a view was given (or its ``Sources``' one), if any."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, Translator):
            return value
        if isinstance(value, Sources):
            return value.translator()
    return None


def require_territory(territory: str | None, t: Translator | None = None) -> str:
    """``territory``, or "nothing to show" in ``t``'s language (English without it)."""
    if not territory:
        t = t or translator()
        raise NothingToShow(
            t.gettext(
                "No territory yet: import data with `maillage import`, or run `maillage demo`."
            )
        )
    return territory
