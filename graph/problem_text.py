"""What is wrong in an input, in words: one home for the templates of the problems.

Each problem an import finds (a bad cell, a duplicate id, a reference to an unknown actor)
and each refusal (an id that names another actor) is written from one of these English
templates, with named fields. A :class:`~maillage.graph.errors.Problem` keeps its
English ``message``; a reader in another language gets it back as ``(template, fields)``
with :func:`recognise_problem` and reads the template in its catalog (templates are
msgids). The CLI prints the English message; a message no template recognises (one from a
library, say) is shown as it is.

>>> text = render(UNKNOWN_ACTOR, actor="'a9'")
>>> text, recognise_problem(text)
("unknown actor 'a9'", ('unknown actor {actor}', {'actor': "'a9'"}))
>>> recognise_problem("line 4", PLACE_TEMPLATES)
('line {line}', {'line': '4'})
"""

from __future__ import annotations

from collections.abc import Iterable

from .sentences import recognise, render

__all__ = [
    "MISSING",
    "MISSING_COORDINATE",
    "MISSING_ON_EVERY_ROW",
    "BAD_DATE",
    "BAD_WEIGHT",
    "BAD_LATITUDE",
    "BAD_LONGITUDE",
    "BAD_DIRECTED",
    "UNKNOWN_SECTOR",
    "UNKNOWN_TIE_KIND",
    "SELF_TIE",
    "UNTIL_BEFORE_SINCE",
    "ROW_TOO_WIDE",
    "DUPLICATE_ID",
    "DUPLICATE_TIE",
    "CONFLICTING_ACTOR",
    "CONFLICTING_ACTIVITY",
    "UNKNOWN_ACTOR",
    "ACTOR_SET_ASIDE",
    "STORE_UNKNOWN_TIE_END",
    "STORE_UNKNOWN_PARTICIPANT",
    "STORE_UNKNOWN_ACTIVITY",
    "COLUMN_TWICE",
    "MAPPED_COLUMN_MISSING",
    "REQUIRED_COLUMN_MISSING",
    "EMPTY_FILE",
    "EMPTY_SHEET",
    "NO_FILES",
    "UNSUPPORTED_FILE",
    "COLLISION",
    "LINE",
    "EARLIER",
    "PROBLEM_TEMPLATES",
    "PLACE_TEMPLATES",
    "PLACE_FIELDS",
    "render",
    "recognise_problem",
]

MISSING = "missing value"
MISSING_COORDINATE = "missing value (lat and lon go together)"
MISSING_ON_EVERY_ROW = "missing value (on every row of actor {actor})"
BAD_DATE = "bad date {value} (expected {expected})"
BAD_WEIGHT = "weight must be a number > 0, got {value}"
BAD_LATITUDE = "latitude must be a number between {low} and {high}, got {value}"
BAD_LONGITUDE = "longitude must be a number between {low} and {high}, got {value}"
BAD_DIRECTED = "directed must be true or false, got {value}"
UNKNOWN_SECTOR = "unknown sector {value} (expected one of {known}, or an alias)"
UNKNOWN_TIE_KIND = "unknown tie kind {value} (expected one of {known})"
SELF_TIE = "self-tie: source and target are both {actor}"
UNTIL_BEFORE_SINCE = "until {until} is before since {since}"
ROW_TOO_WIDE = "row has {count} fields but the header has {width}"
DUPLICATE_ID = "duplicate id {actor} with different content (first at {first})"
DUPLICATE_TIE = "duplicate {kind} tie {source}–{target} with different content (first at {first})"
CONFLICT_HINT = " (a conflict rule in the mapping can settle it: first or most_common)"
CONFLICTING_ACTOR = "conflicting value for actor {actor}: {mine} here, {theirs} at {first}" + (
    CONFLICT_HINT
)
CONFLICTING_ACTIVITY = "conflicting value for activity {activity}: {mine} here, {theirs} at {first}"
UNKNOWN_ACTOR = "unknown actor {actor}"
ACTOR_SET_ASIDE = "actor {actor} was set aside (its row at {row})"
ELSEWHERE = "it is neither in this import nor in the store"
STORE_UNKNOWN_TIE_END = "unknown actor {actor} in the {kind} tie {source} - {target}: " + ELSEWHERE
STORE_UNKNOWN_PARTICIPANT = "unknown actor {actor} taking part in {activity}: " + ELSEWHERE
STORE_UNKNOWN_ACTIVITY = "unknown activity {activity} of actor {actor}: " + ELSEWHERE
COLUMN_TWICE = "the column appears more than once"
MAPPED_COLUMN_MISSING = "column named by the mapping is missing"
REQUIRED_COLUMN_MISSING = "required column is missing"
EMPTY_FILE = "empty file"
EMPTY_SHEET = "empty sheet"
NO_FILES = "no files to import"
UNSUPPORTED_FILE = "unsupported file type {suffix} (expected {expected})"
COLLISION = "id {id}: stored {stored}, incoming {incoming}"

PROBLEM_TEMPLATES: tuple[str, ...] = (
    MISSING,
    MISSING_COORDINATE,
    MISSING_ON_EVERY_ROW,
    BAD_DATE,
    BAD_WEIGHT,
    BAD_LATITUDE,
    BAD_LONGITUDE,
    BAD_DIRECTED,
    UNKNOWN_SECTOR,
    UNKNOWN_TIE_KIND,
    SELF_TIE,
    UNTIL_BEFORE_SINCE,
    ROW_TOO_WIDE,
    DUPLICATE_ID,
    DUPLICATE_TIE,
    CONFLICTING_ACTOR,
    CONFLICTING_ACTIVITY,
    STORE_UNKNOWN_TIE_END,
    STORE_UNKNOWN_PARTICIPANT,
    STORE_UNKNOWN_ACTIVITY,
    UNKNOWN_ACTOR,
    ACTOR_SET_ASIDE,
    COLUMN_TWICE,
    MAPPED_COLUMN_MISSING,
    REQUIRED_COLUMN_MISSING,
    EMPTY_FILE,
    EMPTY_SHEET,
    NO_FILES,
    UNSUPPORTED_FILE,
    COLLISION,
)
"""Every problem template (the msgids of the catalog), the longer of two alike first."""

LINE = "line {line}"
EARLIER = "earlier"
PLACE_TEMPLATES: tuple[str, ...] = (LINE, EARLIER)
"""Where an earlier row was, inside a problem (``first at line 4``): its own templates."""

PLACE_FIELDS: frozenset[str] = frozenset({"first", "row"})
"""The fields that hold a place (told with :data:`PLACE_TEMPLATES` when they match one)."""

_KINDS = {
    "line": r"\d+",
    "count": r"\d+",
    "width": r"\d+",
    "actor": r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"",
}
"""Fields of a known shape: counts, and actor ids written as Python strings (``'a1'``)."""


def recognise_problem(
    message: str, templates: Iterable[str] = PROBLEM_TEMPLATES
) -> tuple[str, dict[str, str]] | None:
    """The template ``message`` was written from and its fields, else None."""
    return recognise(message, templates, _KINDS)
