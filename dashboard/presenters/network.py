"""The Explore network's words: the sector and tie-kind lists and the summary line.

The drawing itself is the ``NetworkView`` component (:mod:`maillage.dashboard.network_view`),
fed by :func:`maillage.dashboard.network_payload.network_payload`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Any

from ...graph.vocabulary import NETWORK_MEASURES, SECTORS, TIE_KINDS
from ...reports.formats import slug
from ...reports.i18n import N_, Translator
from ...reports.labels import sector_label
from .formatting import day, measure_number, number, reader

__all__ = [
    "COMMUNITY_NAME",
    "NETWORK_LABELS",
    "SECTORS",
    "TIE_KINDS",
    "community_name",
    "date_words",
    "filters_set",
    "network_labels",
    "network_summary",
    "picture_caption",
    "picture_name",
]

COMMUNITY_NAME = N_("Community {n}")
"""How a community is named to the user: ``{n}`` is its number, 1 for the largest (its rank
by size, :func:`maillage.graph.analytics.communities.community_ranks`, plus one). The card,
the legend, its titles and the address (``community=``) all use that number."""


def community_name(rank: int, t: Translator | None = None) -> str:
    """The name of the community of ``rank`` (0 = the largest) in ``t``'s language.

    >>> from maillage.reports.i18n import translator
    >>> community_name(0), community_name(10, translator("fr"))
    ('Community 1', 'Communauté 11')
    """
    return reader(t).gettext(COMMUNITY_NAME).format(n=rank + 1)


NETWORK_LABELS: Mapping[str, str] = {
    "zoomIn": "Zoom in",
    "zoomOut": "Zoom out",
    "fit": "Fit the whole network",
    "png": "Download the picture as PNG",
    "svg": "Download the picture as SVG",
    "show": "Show {label}",
    "hide": "Hide {label}",
    "community": COMMUNITY_NAME,
    "smaller": "smaller",
    "open": "Open {label}: its actors only, with a layout of their own",
    "whole": "Whole territory",
    "legend": "Legend",
    "hideLegend": "Hide the legend",
}
"""The drawing's toolbar and legend words in English (``NetworkView``'s ``labels`` prop)."""


def network_labels(t: Translator | None = None) -> dict[str, Any]:
    """The drawing's words in ``t``'s language, the locale its counts are written in, and
    the legend's name of each sector (``sectors``: code -> name; the legend's keys, and
    what it writes back, stay the codes).

    >>> from maillage.reports.i18n import translator
    >>> labels = network_labels(translator("fr"))
    >>> labels["fit"], labels["community"], labels["locale"], labels["sectors"]["business"]
    ('Voir tout le réseau', 'Communauté {n}', 'fr', 'Entreprise')
    """
    t = reader(t)
    return {
        **{key: t.gettext(text) for key, text in NETWORK_LABELS.items()},
        "locale": t.language,
        "sectors": {sector: sector_label(sector, t) for sector in SECTORS},
    }


def filters_set(
    sectors: Collection[str] | None,
    kinds: Collection[str] | None,
    min_weight: float | None,
    t: Translator | None = None,
) -> list[str]:
    """The drawing's filters that hide something, in words: sectors, tie kinds, weight.

    A checklist with every box ticked (or None) and a minimum weight of 0 filter nothing.

    >>> filters_set(None, list(TIE_KINDS), 0)
    []
    >>> filters_set(["public"], ["funding"], 2)
    ['sectors', 'tie kinds', 'weight ≥ 2']
    """
    t = reader(t)
    words = []
    if sectors is not None and not set(SECTORS) <= set(sectors):
        words.append(t.gettext("sectors"))
    if kinds is not None and not set(TIE_KINDS) <= set(kinds):
        words.append(t.gettext("tie kinds"))
    if min_weight:
        words.append(t.gettext("weight ≥ {n}").format(n=number(min_weight, t)))
    return words


def network_summary(
    report: Mapping[str, Any],
    drawn: Mapping[str, int] | None = None,
    t: Translator | None = None,
    filters: Sequence[str] = (),
) -> str:
    """One line on the network: size, cohesion, communities, date, what the filters show.

    ``ties`` are the ties between members (``report``'s), parallel ties of several kinds
    counted one each, as the territory's counts do; the drawing joins each pair of actors
    by one line, so when some pairs have several ties the line says how many pairs
    (``linked_pairs``). With ``filters`` (:func:`filters_set`), ``drawn`` says how many
    actors, ties and pairs they leave drawn (``network_payload.drawn_counts``). Without
    any tie, modularity, the E-I index and openness say nothing: they read "n/a".

    >>> empty = {"network": {"actors": 3, "ties": 0, "modularity": 0.0, "ei_index": 0.0,
    ...          "communities": 3}}
    >>> network_summary(empty)
    '3 actors · 0 ties · 3 communities (modularity n/a) · E-I index n/a · all dates'
    >>> network_summary({"network": {"actors": 3, "ties": 2}}, {"actors": 2, "ties": 1},
    ...                 filters=["sectors", "weight ≥ 2"])
    '3 actors · 2 ties · all dates · shown: 2 actors, 1 tie (filters: sectors, weight ≥ 2)'
    >>> network_summary({"network": {"actors": 3, "ties": 3, "linked_pairs": 2}},
    ...                 {"actors": 3, "ties": 3, "pairs": 2})
    '3 actors · 3 ties between 2 pairs · all dates'
    >>> from maillage.reports.i18n import translator
    >>> network_summary({"network": {"actors": 3, "ties": 2, "density": 0.38}}, t=translator("fr"))
    '3 acteurs · 2 liens · densité 0,380 · toutes dates'
    """
    t = reader(t)
    net = report.get("network", {})
    tied = bool(net.get("ties"))

    def measure(key: str) -> str:
        return measure_number(net.get(key), NETWORK_MEASURES[key], t) if tied else t.gettext("n/a")

    def count(singular: str, plural: str, n: Any) -> str:
        return f"{number(n, t)} {t.ngettext(singular, plural, int(n or 0))}"

    def ties(n: Any, pairs: Any) -> str:
        """``n`` ties, and the pairs they join when parallel ties make these fewer."""
        text = count("tie", "ties", n)
        if pairs is None or pairs == n:
            return text
        joined = t.ngettext("{n} pair", "{n} pairs", int(pairs)).format(n=number(pairs, t))
        return t.gettext("{ties} between {pairs}").format(ties=text, pairs=joined)

    parts = [
        count("actor", "actors", net.get("actors")),
        ties(net.get("ties"), net.get("linked_pairs")),
    ]
    if net.get("density") is not None:
        parts.append(t.gettext("density {value}").format(value=measure("density")))
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
    if drawn is not None and filters:
        shown = t.ngettext(
            "shown: {actors}, {ties} (filter: {filters})",
            "shown: {actors}, {ties} (filters: {filters})",
            len(filters),
        ).format(
            actors=count("actor", "actors", drawn["actors"]),
            ties=ties(drawn["ties"], drawn.get("pairs")),
            filters=", ".join(filters),
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


SUMMARY_MEASURES = ("density", "communities", "modularity", "ei_index", "openness")
"""The territory's measures the summary line names, in its order."""


def summary_explanations(t: Translator | None = None) -> str:
    """What the summary line's measures mean, one per line: the summary's tooltip.

    The registry's explanations, and what "n/a" stands for.

    >>> lines = summary_explanations().splitlines()
    >>> lines[0][:50], lines[-1][:20]
    ('Density: Share of all the possible ties between me', 'n/a: not available: ')
    """
    t = reader(t)
    line = t.gettext("{label}: {value}")
    lines = [
        line.format(label=t.gettext(m.label), value=t.gettext(m.explanation))
        for m in (NETWORK_MEASURES[key] for key in SUMMARY_MEASURES)
    ]
    missing = t.gettext("not available: the territory has no tie at this date")
    lines.append(line.format(label=t.gettext("n/a"), value=missing))
    return "\n".join(lines)
