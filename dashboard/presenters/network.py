"""The Explore network's words: the sector and tie-kind lists and the summary line.

The drawing itself is the ``NetworkView`` component (:mod:`maillage.dashboard.network_view`),
fed by :func:`maillage.dashboard.network_payload.network_payload`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ...graph.vocabulary import SECTORS, TIE_KINDS
from ...reports.formats import slug
from ...reports.i18n import Translator
from ...reports.labels import sector_label
from .formatting import day, number, reader

__all__ = [
    "NETWORK_LABELS",
    "SECTORS",
    "TIE_KINDS",
    "date_words",
    "network_labels",
    "network_summary",
    "picture_caption",
    "picture_name",
]

NETWORK_LABELS: Mapping[str, str] = {
    "zoomIn": "Zoom in",
    "zoomOut": "Zoom out",
    "fit": "Fit the whole network",
    "png": "Download the picture as PNG",
    "svg": "Download the picture as SVG",
    "show": "Show {label}",
    "hide": "Hide {label}",
    "community": "community {n}",
    "smaller": "smaller",
}
"""The drawing's toolbar and legend words in English (``NetworkView``'s ``labels`` prop)."""


def network_labels(t: Translator | None = None) -> dict[str, Any]:
    """The drawing's words in ``t``'s language, the locale its counts are written in, and
    the legend's name of each sector (``sectors``: code -> name; the legend's keys, and
    what it writes back, stay the codes).

    >>> from maillage.reports.i18n import translator
    >>> labels = network_labels(translator("fr"))
    >>> labels["fit"], labels["community"], labels["locale"], labels["sectors"]["business"]
    ('Voir tout le réseau', 'communauté {n}', 'fr', 'Entreprise')
    """
    t = reader(t)
    return {
        **{key: t.gettext(text) for key, text in NETWORK_LABELS.items()},
        "locale": t.language,
        "sectors": {sector: sector_label(sector, t) for sector in SECTORS},
    }


def network_summary(
    report: Mapping[str, Any], drawn: Mapping[str, int] | None = None, t: Translator | None = None
) -> str:
    """One line on the network drawn: size, cohesion, communities, date, what the filter shows.

    Without any tie, modularity, the E-I index and openness say nothing: they read "n/a".

    >>> empty = {"network": {"actors": 3, "ties": 0, "modularity": 0.0, "ei_index": 0.0,
    ...          "communities": 3}}
    >>> network_summary(empty)
    '3 actors · 0 ties · 3 communities (modularity n/a) · E-I index n/a · all dates'
    >>> network_summary({"network": {"actors": 3, "ties": 2}}, {"actors": 2, "ties": 1})
    '3 actors · 2 ties · all dates · shown: 2 actors, 1 tie (sector filter)'
    >>> from maillage.reports.i18n import translator
    >>> network_summary({"network": {"actors": 3, "ties": 2, "density": 0.38}}, t=translator("fr"))
    '3 acteurs · 2 liens · densité 0,380 · toutes dates'
    """
    t = reader(t)
    net = report.get("network", {})
    tied = bool(net.get("ties"))

    def measure(key: str) -> str:
        return number(net.get(key), t) if tied else t.gettext("n/a")

    def count(singular: str, plural: str, n: Any) -> str:
        return f"{number(n, t)} {t.ngettext(singular, plural, int(n or 0))}"

    parts = [count("actor", "actors", net.get("actors")), count("tie", "ties", net.get("ties"))]
    if net.get("density") is not None:
        parts.append(t.gettext("density {value}").format(value=number(net.get("density"), t)))
    if net.get("communities") is not None:
        parts.append(
            t.ngettext(
                "{count} community (modularity {value})",
                "{count} communities (modularity {value})",
                int(net.get("communities") or 0),
            ).format(count=number(net.get("communities"), t), value=measure("modularity"))
        )
    if net.get("ei_index") is not None:
        parts.append(t.gettext("E-I index {value}").format(value=measure("ei_index")))
    if net.get("openness") is not None:
        parts.append(t.gettext("openness {value}").format(value=measure("openness")))
    parts.append(date_words(report.get("as_of"), t))
    if drawn is not None and (
        drawn["actors"] != net.get("actors") or drawn["ties"] != net.get("ties")
    ):
        shown = t.gettext("shown: {actors}, {ties} (sector filter)").format(
            actors=count("actor", "actors", drawn["actors"]),
            ties=count("tie", "ties", drawn["ties"]),
        )
        parts.append(shown)
    return " · ".join(parts)


def date_words(as_of: Any, t: Translator | None = None) -> str:
    """The date a network is drawn at, in words: "as of <date>", or "all dates" without one.

    >>> from maillage.reports.i18n import translator
    >>> date_words("2019-12-31"), date_words(None, translator("fr"))
    ('as of 2019-12-31', 'toutes dates')
    """
    t = reader(t)
    if not as_of:
        return t.gettext("all dates")
    when = str(as_of) if t.language == "en" else day(as_of, t)
    return t.gettext("as of {date}").format(date=when)


def picture_caption(territory: str, as_of: str | None, t: Translator | None = None) -> str:
    """The caption under an exported picture of the network: territory and date.

    >>> from maillage.reports.i18n import translator
    >>> picture_caption("Alsace", None, translator("fr"))
    'Alsace · toutes dates'
    """
    return f"{territory} · {date_words(as_of, t)}"


def picture_name(
    territory: str, as_of: str | None, t: Translator | None = None, today: date | None = None
) -> str:
    """The file name (without extension) of an exported picture, ascii, in ``t``'s language:
    the territory and the date drawn, else the day of the export.

    >>> from maillage.reports.i18n import translator
    >>> picture_name("Alsace", None, translator("fr"), today=date(2026, 12, 6))
    'reseau-alsace-2026-12-06'
    >>> picture_name("Pays de Léon", "2019-12-31")
    'network-pays-de-leon-2019-12-31'
    """
    t = reader(t)
    when = as_of or (today or date.today()).isoformat()
    return f"{slug(t.gettext('network'))}-{slug(territory)}-{when}"
