"""The Method section of the HTML reports: glossary, this computation's settings, references.

The glossary is in the page's language; the references stay as published.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from maillage.graph.vocabulary import ACTOR_MEASURES, NETWORK_MEASURES, Measure

from .export_tables import flatten
from .html_page import esc, section
from .i18n import N_, Translator, translator
from .labels import label, localised
from .method_words import METHOD_LABELS, method_label, method_words

REFERENCES: tuple[str, ...] = (
    "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. "
    "Sociometry, 40(1), 35–41.",
    "Brandes, U. (2001). A faster algorithm for betweenness centrality. "
    "Journal of Mathematical Sociology, 25(2), 163–177.",
    "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. "
    "Harvard University Press.",
    "Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a formal approach to "
    "brokerage in transaction networks. Sociological Methodology, 19, 89–126.",
    "Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises: "
    "an experimental simulation. Social Psychology Quarterly, 51(2), 123–140.",
    "Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). Fast unfolding of "
    "communities in large networks. Journal of Statistical Mechanics, P10008.",
    "Traag, V. A., Waltman, L., & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing "
    "well-connected communities. Scientific Reports, 9, 5233.",
    "Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E, 67, 026126.",
)

GLOSSARY_MEASURES: tuple[Measure, ...] = (
    *ACTOR_MEASURES.values(),
    *(NETWORK_MEASURES[key] for key in ("density", "communities", "modularity", "openness")),
    NETWORK_MEASURES["assortativity"],
)
"""The measures the glossary explains, with the registry's explanations (the app's tooltips)."""

GLOSSARY_TERMS: tuple[tuple[str, str], ...] = (
    (
        N_("Brokerage roles"),
        N_(
            "Gould & Fernandez (1989), sectors as groups: for each pair of partners the actor "
            "links and who are not tied, coordinator (all in one sector), itinerant (the two "
            "partners share a sector, the broker is from another), gatekeeper (the target shares "
            "the broker's sector), representative (the source does), liaison (three sectors)."
        ),
    ),
    (
        N_("Sector mixing"),
        N_(
            "ties between two sectors observed against those expected if ties ignored sectors; "
            "z is the standardised difference (negative: fewer ties than expected, a gap)."
        ),
    ),
)
"""Glossary entries that are not one measure: (term, definition), English msgids."""


def glossary(t: Translator) -> list[tuple[str, str]]:
    """The glossary in ``t``'s language: each measure's registry explanation, then the terms.

    >>> entries = dict(glossary(translator("en")))
    >>> entries["Density"][:40], entries["Betweenness"][-28:]
    ('Share of all the possible ties between m', '(Freeman 1977; Brandes 2001)')
    """
    say = t.gettext
    entries = []
    for measure in GLOSSARY_MEASURES:
        text = say(measure.explanation)
        entries.append(
            (say(measure.label), f"{text} ({measure.source})" if measure.source else text)
        )
    return entries + [(say(term), say(text)) for term, text in GLOSSARY_TERMS]


def _reference_key(text: str) -> tuple[str, str]:
    surname = re.match(r"\W*(\w+)", text)
    year = re.search(r"\b(1[89]|20)\d\d\b", text)
    return (surname.group(1).lower() if surname else text, year.group(0) if year else "")


def step_name(key: str, t: Translator) -> str:
    """A method step's name: its label in a non-English ``t``'s words, else as it always read."""
    if localised(t) is None:
        return label(key)
    if key in METHOD_LABELS or key in ACTOR_MEASURES:
        return method_label(key, t)
    return t.gettext(label(key))


def step_words(value: Any, t: Translator) -> Any:
    """A method step's value, its phrases told in a non-English ``t``'s language."""
    return method_words(value, t) if isinstance(value, str) and localised(t) else value


def method_section(*methods: Mapping[str, Any] | None, t: Translator | None = None) -> str:
    """The glossary, the settings of ``methods`` and the references, in ``t``'s language."""
    t = t or translator("en")
    say = t.gettext
    notes: list[tuple[str, Any]] = []
    extra_references: list[str] = []
    for method in methods:
        for key, value in (method or {}).items():
            if key == "references" and isinstance(value, list | tuple):
                extra_references.extend(str(r) for r in value)
            elif isinstance(value, Mapping):
                notes.extend(
                    (
                        say("{label}: {value}").format(
                            label=step_name(key, t), value=step_name(str(k), t)
                        ),
                        step_words(v, t),
                    )
                    for k, v in flatten(value).items()
                )
            else:
                notes.append((step_name(key, t), step_words(value, t)))
    known = {_reference_key(r) for r in REFERENCES}
    references = list(REFERENCES)
    for ref in extra_references:
        if _reference_key(ref) not in known:
            known.add(_reference_key(ref))
            references.append(ref)
    terms = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in glossary(t))
    settings = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v, t)}</dd>" for k, v in notes)
    refs = "".join(f"<li>{esc(r)}</li>" for r in references)
    return section(
        say("Method"),
        f'<dl class="method">{terms}</dl>',
        f'<h3>{esc(say("This computation"))}</h3><dl class="method">{settings}</dl>'
        if settings
        else "",
        f'<h3>{esc(say("References"))}</h3><ol class="references">{refs}</ol>',
        id="method",
    )
