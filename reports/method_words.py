"""How a result's method reads in a language: its steps' names and their phrases.

The analytics write each step of a method as English phrases made from the templates
of :mod:`maillage.graph.analytics.method_text`; this module recognises them and tells
them in a :class:`~maillage.reports.i18n.Translator`'s language (the Brokers page and
the HTML report both read them here).
"""

from __future__ import annotations

from collections.abc import Mapping

from maillage.graph.vocabulary import ACTOR_MEASURES

from .i18n import N_, Translator

METHOD_LABELS: Mapping[str, str] = {
    "engine": N_("Engine"),
    "brokerage": N_("Brokerage roles"),
    "structural_holes": N_("Structural holes"),
    "communities": N_("Communities"),
    "sector_mixing": N_("Sector mixing"),
    "assortativity": N_("Assortativity"),
    "graph": N_("Graph"),
    "baseline": N_("Baseline"),
    "gap_rule": N_("Gap rule"),
    "bridge_rule": N_("Bridge rule"),
    "fragile_bridges": N_("Fragile bridges"),
    "introductions": N_("Introductions"),
}
"""Labels of the method's steps that are not a measure of the registry (English msgids)."""


def method_label(key: str, t: Translator) -> str:
    """The name of the method step ``key`` in ``t``'s language."""
    if key in METHOD_LABELS:
        return t.gettext(METHOD_LABELS[key])
    if key in ACTOR_MEASURES:
        return t.gettext(ACTOR_MEASURES[key].label)
    return key.replace("_", " ")


def method_words(value: str, t: Translator) -> str:
    """A method step's ``value`` in ``t``'s language.

    Each phrase that a method template makes is translated (its counts in the locale's
    digits); another phrase is shown as the result has it.

    >>> from maillage.reports.i18n import translator
    >>> method_words("sector label permutation baseline, 1000 permutations", translator("fr"))
    'référence par permutation des secteurs, 1\\u202f000 permutations'
    >>> method_words("sector labels shuffled over the actors 99 times (seed 12345)",
    ...              translator("fr"))
    'étiquettes de secteur mélangées entre les acteurs 99 fois (graine 12345)'
    """
    # imported when first told: the templates' package loads the analytics with them
    from maillage.graph.analytics.method_text import (
        DECIMAL_FIELDS,
        NUMBER_FIELDS,
        SEPARATOR,
        method_phrases,
    )

    def shown(key: str, text: str) -> str:
        if key in NUMBER_FIELDS:
            return t.integer(int(text))
        if key in DECIMAL_FIELDS:
            return t.number(float(text), len(text.partition(".")[2]))
        return text

    phrases = []
    for phrase, found in zip(value.split(SEPARATOR), method_phrases(value), strict=True):
        if found is None:
            phrases.append(phrase)
            continue
        template, fields = found
        values = {key: shown(key, text) for key, text in fields.items()}
        phrases.append(t.gettext(template).format(**values))
    return t.gettext("; ").join(phrases)
