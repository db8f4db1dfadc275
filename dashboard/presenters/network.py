"""The Explore network's words: the sector and tie-kind lists and the summary line.

The drawing itself is the ``NetworkView`` component (:mod:`maillage.dashboard.network_view`),
fed by :func:`maillage.dashboard.network_payload.network_payload`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from ...graph.vocabulary import NETWORK_MEASURES, SECTORS, TIE_KINDS
from ...reports.i18n import Translator
from ...reports.labels import sector_label
from .formatting import day, measure_number, number, reader

__all__ = [
    "NETWORK_LABELS",
    "SECTORS",
    "TIE_KINDS",
    "filters_set",
    "network_labels",
    "network_summary",
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
    if report.get("as_of"):
        when = report["as_of"] if t.language == "en" else day(report["as_of"], t)
        parts.append(t.gettext("as of {date}").format(date=when))
    else:
        parts.append(t.gettext("all dates"))
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
