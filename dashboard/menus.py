"""What the dashboard's menus say, built from the measure registry of ``graph.vocabulary``."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..graph.vocabulary import ACTOR_MEASURES, ROLE, Measure
from ..reports.i18n import Translator


def _menu_label(measure: Measure, t: Translator | None = None) -> str:
    label = t.gettext(measure.label) if t else measure.label
    hint = t.gettext(measure.hint) if t and measure.hint else measure.hint
    return f"{label} ({hint})" if hint else label


SIZE_KEYS = (
    "degree",
    "betweenness",
    "pagerank",
    "eigenvector",
    "closeness",
    "effective_size",
    "brokerage",
)
SIZE_METRICS: Mapping[str, str] = MappingProxyType(
    {key: _menu_label(ACTOR_MEASURES[key]) for key in SIZE_KEYS}
)
"""Measures a node can be sized by: report key -> menu label."""


def size_options(t: Translator) -> list[dict[str, str]]:
    """The "Size by" dropdown's options, labelled in ``t``'s language, each explained on hover."""
    return [
        {
            "label": _menu_label(ACTOR_MEASURES[key], t),
            "value": key,
            "title": t.gettext(ACTOR_MEASURES[key].explanation),
        }
        for key in SIZE_KEYS
    ]


BROKER_MEASURES: Mapping[str, str] = MappingProxyType(
    {
        "betweenness": ACTOR_MEASURES["betweenness"].label,
        "brokerage": ACTOR_MEASURES["brokerage"].label,
        "effective_size": ACTOR_MEASURES["effective_size"].label,
        **{key: f"{ROLE[key].label} role" for key in ("liaison", "gatekeeper", "representative")},
        "itinerant": f"{ROLE['itinerant'].label} role",
        "coordinator": f"{ROLE['coordinator'].label} role",
        "degree": ACTOR_MEASURES["degree"].label,
    }
)
"""Measures the brokers chart ranks by: report key -> menu label."""


def broker_options(t: Translator) -> list[dict[str, str]]:
    """The "Rank by" dropdown's options in ``t``'s language; a measure's explained on hover."""
    options = []
    for key, label in BROKER_MEASURES.items():
        option = {"label": t.gettext(label), "value": key}
        if key in ACTOR_MEASURES:
            option["title"] = t.gettext(ACTOR_MEASURES[key].explanation)
        options.append(option)
    return options


DOWNLOAD_FORMATS = MappingProxyType({"csv": "CSV", "xlsx": "Excel", "html": "HTML"})
