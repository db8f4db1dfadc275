"""Finding a territory or an actor as people type it.

Names are compared by :func:`name_key`: case, accents and runs of blanks do
not matter (``alsace``, ``ALSACE``, ``FR42  / Alsace``). An exact match
always wins; then a unique match by key; otherwise :class:`UnknownName` (or
:class:`AmbiguousName`) says so and names the closest candidates
(``did you mean …``). Pure functions: the app object passes the candidates
and the front ends print the error's message.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from .errors import NotFound
from .model import fold
from .problem_text import (
    DID_YOU_MEAN,
    NO_ACTOR,
    NO_ACTOR_IN,
    NO_TERRITORY,
    OR,
    SEVERAL_ACTORS,
    SEVERAL_ACTORS_IN,
    SEVERAL_TERRITORIES,
    render,
)

SUGGESTIONS = 3
"""How many candidates a ``did you mean`` names at most."""
CUTOFF = 0.8
"""How similar (``difflib`` ratio, 0 to 1) a candidate or one of its parts must be."""
_PARTS = re.compile(r"[^\w]+")


class UnknownName(NotFound):
    """No territory or actor answers to the typed name; ``suggestions`` are the closest.

    ``suggestions`` are shown as they are (quoted names, or ``'id' (name)``).
    """

    def __init__(self, message: str, suggestions: Sequence[str] = ()) -> None:
        self.suggestions = tuple(suggestions)
        super().__init__(did_you_mean(message, self.suggestions))


class AmbiguousName(UnknownName):
    """Several territories or actors answer to the typed name; ``suggestions`` lists them."""


def name_key(text: str) -> str:
    """``text`` as names are compared: lower case, no accents, single spaces.

    >>> name_key("  FR42  /  Alsace "), name_key("Université du RHIN")
    ('fr42 / alsace', 'universite du rhin')
    """
    return " ".join(fold(text).split())


def resolve_territory(typed: str, names: Iterable[str]) -> str:
    """The stored territory name that ``typed`` means.

    >>> resolve_territory("alsace", ["Alsace", "Lille"])
    'Alsace'
    >>> try:
    ...     resolve_territory("Alsase", ["Alsace", "Lille"])
    ... except UnknownName as exc:
    ...     print(exc)
    no territory named 'Alsase'; did you mean 'Alsace'?
    """
    candidates = list(dict.fromkeys(names))
    if typed in candidates:
        return typed
    key = name_key(typed)
    found = [n for n in candidates if name_key(n) == key]
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousName(render(SEVERAL_TERRITORIES, name=repr(typed)), list(map(repr, found)))
    raise UnknownName(
        render(NO_TERRITORY, territory=repr(typed)), list(map(repr, closest(typed, candidates)))
    )


def resolve_actor(
    typed: str, actors: Iterable[tuple[str, str]], *, where: str | None = None
) -> str:
    """The id of the actor that ``typed`` means: an id, or an unambiguous name.

    ``actors`` gives ``(id, name)`` pairs; ``where`` (a territory) is named in
    the error. Ids win over names: an exact id, then an id by key, then a
    name by key that only one actor has.

    >>> pairs = [("a1", "Mairie de Sélestat"), ("a2", "Les Jardins"), ("a3", "Les jardins")]
    >>> resolve_actor("A1", pairs), resolve_actor("mairie de selestat", pairs)
    ('a1', 'a1')
    >>> try:
    ...     resolve_actor("les jardins", pairs)
    ... except AmbiguousName as exc:
    ...     print(exc)
    'les jardins' could be several actors; did you mean 'a2' (Les Jardins) or 'a3' (Les jardins)?
    """
    pairs = list(actors)
    ids = {actor_id for actor_id, _ in pairs}
    if typed in ids:
        return typed
    key = name_key(typed)
    by_id = [actor_id for actor_id, _ in pairs if name_key(actor_id) == key]
    if len(by_id) == 1:
        return by_id[0]
    by_name = [(actor_id, name) for actor_id, name in pairs if name_key(name) == key]
    if len(by_name) == 1:
        return by_name[0][0]
    if by_id or by_name:
        shown = [_labelled(i, n) for i, n in by_name] or [repr(i) for i in by_id]
        several = SEVERAL_ACTORS_IN if where else SEVERAL_ACTORS
        raise AmbiguousName(render(several, name=repr(typed), territory=where), shown)
    name_of = dict(pairs)
    id_of_name: dict[str, str] = {}
    for actor_id, name in pairs:
        id_of_name.setdefault(name, actor_id)
    near = closest(typed, [*ids, *id_of_name])
    chosen = [text if text in ids else id_of_name[text] for text in near]
    shown = [_labelled(i, name_of[i]) for i in dict.fromkeys(chosen)]
    missing = NO_ACTOR_IN if where else NO_ACTOR
    raise UnknownName(render(missing, actor=repr(typed), territory=where), shown)


def closest(typed: str, candidates: Sequence[str], limit: int = SUGGESTIONS) -> list[str]:
    """The candidates nearest ``typed``: those containing it first, then the most similar.

    A candidate is similar when it, or one of its parts (``FR42 / Alsace`` has
    ``fr42`` and ``alsace``), is close to the typed text.

    >>> closest("alsace", ["FR42 / Alsace", "Lille", "Alsace-Moselle", "Paris"])
    ['FR42 / Alsace', 'Alsace-Moselle']
    >>> closest("Alsase", ["FR42 / Alsace", "Lille"])
    ['FR42 / Alsace']
    """
    key = name_key(typed)
    if not key:
        return []
    containing = [c for c in candidates if key in name_key(c)]
    scored = []
    for rank, candidate in enumerate(candidates):
        candidate_key = name_key(candidate)
        parts = [candidate_key, *(p for p in _PARTS.split(candidate_key) if p)]
        score = max(difflib.SequenceMatcher(None, key, part).ratio() for part in parts)
        if score >= CUTOFF:
            scored.append((-score, rank, candidate))
    similar = [candidate for _, _, candidate in sorted(scored)]
    return list(dict.fromkeys(containing + similar))[:limit]


def _labelled(actor_id: str, name: str) -> str:
    return repr(actor_id) if name == actor_id else f"{actor_id!r} ({name})"


def did_you_mean(problem: str, shown: Sequence[str]) -> str:
    """``problem`` followed by the names it may have meant (none: ``problem`` alone).

    >>> did_you_mean("no actor 'a9'", ["'a1'", "'a2'", "'a3'"])
    "no actor 'a9'; did you mean 'a1', 'a2' or 'a3'?"
    """
    if not shown:
        return problem
    listed = shown[0]
    if len(shown) > 1:
        listed = render(OR, names=", ".join(shown[:-1]), last=shown[-1])
    return render(DID_YOU_MEAN, problem=problem, suggestions=listed)
