"""What is wrong in an input, in the reader's language: problems and refusals.

The loaders and the stores write each problem from an English template (see
:mod:`maillage.graph.problem_text`); here the message is recognised back into its template
and fields, the template looked up in the catalog and the fields put back. A message no
template recognises is shown as written. File, line and column are never part of the
message: they stay in their own columns.

>>> fr = translator("fr")
>>> problem_in("missing value", fr)
'valeur manquante'
>>> problem_in("duplicate id 'a1' with different content (first at line 4)", fr)
"identifiant 'a1' en double, au contenu différent (première occurrence\\u202f: ligne 4)"
>>> problem_in("something a library said", fr)
'something a library said'
>>> problem_in("no territory named 'Alsase'; did you mean 'Alsace' or 'Alsace-Moselle'?", fr)
"aucun territoire nommé 'Alsase'\\u202f; vouliez-vous dire 'Alsace' ou 'Alsace-Moselle'\\u202f?"
>>> warning_in("a.csv: skipped 2 rows without id (lines 3, 4)", fr)
'a.csv\\u202f: 2 lignes sans id ignorées (lignes 3, 4)'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from maillage.graph.errors import Problem
from maillage.graph.problem_text import (
    DID_YOU_MEAN,
    OR,
    PLACE_FIELDS,
    PLACE_TEMPLATES,
    WORD_FIELDS,
    recognise_choice,
    recognise_problem,
)
from maillage.graph.warning_text import recognise_warning

from .i18n import Translator, translator

__all__ = ["problem_in", "problems_in", "located_in", "warning_in"]

_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
"""A whole number written with English digit groups (``40,000``): a size or a limit."""


def problem_in(message: str, t: Translator | None = None) -> str:
    """``message`` (a problem's or a refusal's English text) in ``t``'s language."""
    t = t or translator()
    suggested = recognise_problem(message, (DID_YOU_MEAN,))
    if suggested is not None:
        return _suggesting(suggested[1]["problem"], suggested[1]["suggestions"], t)
    found = recognise_problem(message)
    if found is None:
        return message
    template, fields = found
    for name in PLACE_FIELDS & fields.keys():
        place = recognise_problem(fields[name], PLACE_TEMPLATES)
        if place is not None:
            fields[name] = t.gettext(place[0]).format(**place[1])
    for name in WORD_FIELDS & fields.keys():
        fields[name] = t.gettext(fields[name])
    for name, value in fields.items():
        if _GROUPED.fullmatch(value):
            fields[name] = t.integer(int(value.replace(",", "")))
    return t.gettext(template).format(**fields)


def warning_in(message: str, t: Translator | None = None) -> str:
    """``message`` (an import's warning, or a problem) in ``t``'s language; a count in its forms.

    >>> en = translator("en")
    >>> warning_in("a.csv: 1 self-loop dropped (an edge from a node to itself; line 4)", en)
    'a.csv: 1 self-loop dropped (an edge from a node to itself; line 4)'
    """
    t = t or translator()
    found = recognise_warning(message)
    if found is None:
        return problem_in(message, t)
    template, fields = found
    if isinstance(template, str):
        return t.gettext(template).format(**fields)
    count = int(fields["count"])
    fields["count"] = t.integer(count)
    return t.ngettext(*template, count).format(**fields)


def _suggesting(problem: str, suggestions: str, t: Translator) -> str:
    """A name not found and the names it may have meant, in ``t``'s language."""
    listed = suggestions
    choice = recognise_choice(suggestions)
    if choice is not None:
        listed = t.gettext(OR).format(names=choice[0], last=choice[1])
    return t.gettext(DID_YOU_MEAN).format(problem=problem_in(problem, t), suggestions=listed)


def problems_in(messages: Iterable[str], t: Translator | None = None) -> str:
    """Several problems of one row, each in ``t``'s language, joined as a list is."""
    t = t or translator()
    return t.gettext("; ").join(problem_in(m, t) for m in messages)


def located_in(problem: Problem, t: Translator | None = None) -> str:
    """``problem`` as ``file:line: column: message``, its message in ``t``'s language.

    >>> located_in(Problem("a.csv", 3, "name", "missing value"), translator("fr"))
    'a.csv:3: name: valeur manquante'
    """
    return str(dataclasses.replace(problem, message=problem_in(problem.message, t)))
