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
"identifiant 'a1' en double, au contenu différent (première occurrence : ligne 4)"
>>> problem_in("something a library said", fr)
'something a library said'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from maillage.graph.errors import Problem
from maillage.graph.problem_text import (
    PLACE_FIELDS,
    PLACE_TEMPLATES,
    WORD_FIELDS,
    recognise_problem,
)

from .i18n import Translator, translator

__all__ = ["problem_in", "problems_in", "located_in"]


def problem_in(message: str, t: Translator | None = None) -> str:
    """``message`` (a problem's or a refusal's English text) in ``t``'s language."""
    t = t or translator()
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
    return t.gettext(template).format(**fields)


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
