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
from .store_text import STORE_TEMPLATES

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
    "NO_SHEET",
    "NO_CANONICAL_SHEET",
    "NO_FILES",
    "UNSUPPORTED_FILE",
    "COLLISION",
    "FIELDS_NOT_EDITABLE",
    "ACTOR_NEEDS_NAME",
    "TIE_NEEDS_TWO_ACTORS",
    "TIE_TO_ITSELF",
    "EDIT_UNKNOWN_TIE_KIND",
    "TIE_ENDS_BEFORE_START",
    "NEW_ACTOR_NEEDS_ID",
    "ID_TAKEN",
    "NEW_ACTOR_NEEDS_TERRITORY",
    "NEW_ACTOR_NEEDS_SECTOR",
    "NAME_TAKEN",
    "PARTICIPANT_NEEDED",
    "TAKES_PART_ALREADY",
    "NEW_ACTIVITY_NEEDS_ID",
    "ACTIVITY_NEEDED",
    "ACTIVITY_NAME_TAKEN",
    "NO_ACTOR",
    "NO_ACTOR_WITH_ID",
    "NO_TIE",
    "NO_ACTIVITY",
    "NO_TERRITORY",
    "NO_ACTOR_NAMED",
    "NO_ACTOR_IN",
    "SEVERAL_TERRITORIES",
    "SEVERAL_ACTORS",
    "SEVERAL_ACTORS_IN",
    "NOT_IN_NETWORK",
    "DID_YOU_MEAN",
    "OR",
    "NO_INTRODUCTION",
    "LATER_CHANGE",
    "MOVED_MEANWHILE",
    "NOTHING_TO_UNDO",
    "NO_SUCH_REVISION",
    "UNKNOWN_STATUS",
    "PARTNERSHIP_IS_FINAL",
    "NO_GOING_BACK",
    "INTRODUCTION_NEEDS_STATUS",
    "INTRODUCTION_NEEDS_TWO",
    "NEW_INTRODUCTION_STATUS",
    "INTERMEDIARY_IS_AN_END",
    "BEFORE_LAST_STEP",
    "CANNOT_READ",
    "CANNOT_DECODE",
    "CANNOT_READ_DAMAGED_WORKBOOK",
    "CANNOT_READ_WORKBOOK",
    "OUT_OF_MEMORY",
    "CANNOT_TELL_ROLE",
    "OVER_FILE_BYTES",
    "OVER_UNZIPPED_BYTES",
    "OVER_ROWS_AT_LINE",
    "OVER_ROWS",
    "OVER_CELL_CHARS",
    "EXTRACT_MISMATCH",
    "MAPPING_UNKNOWN_SECTOR",
    "CANNOT_READ_MAPPING",
    "NOT_TOML",
    "MAPPING_NOT_UTF8",
    "FILES_NOT_TABLES",
    "FILE_NEEDS_MATCH",
    "UNKNOWN_KEY",
    "UNKNOWN_FIELD",
    "MUST_BE_BOOLEAN",
    "MUST_BE_TEXTS",
    "MUST_BE_STRING",
    "MUST_BE_TABLE",
    "MUST_NOT_BE_EMPTY",
    "UNKNOWN_ROLE",
    "BAD_DELIMITER",
    "UNKNOWN_ENCODING",
    "UNUSABLE_ENCODING",
    "UNKNOWN_RULE",
    "MUST_BE_SECTOR",
    "BLANKS_BY_DEFAULT",
    "MUST_BE_REGEX",
    "BAD_REGEX",
    "ONE_GROUP",
    "SEVERAL_COLUMNS",
    "MUST_BE_COLUMN_NAME",
    "MUST_BE_RULE",
    "MUST_BE_TIE_KIND",
    "NOT_WELL_FORMED",
    "DOCTYPE_REFUSED",
    "XML_ENCODING",
    "EMPTY_DOCUMENT",
    "NOT_A_GRAPH_DOCUMENT",
    "NO_GRAPH_ELEMENT",
    "GRAPH_OWN_IDS",
    "JOINED_KEYS_IN_TABLES",
    "GRAPH_NO_PARTICIPATIONS",
    "GRAPH_OWN_NODE_IDS",
    "GRAPH_ATTRIBUTE_MISSING",
    "PARTICIPATION_ATTRIBUTES_MISPLACED",
    "NOT_A_DATE_FORMAT",
    "UNUSABLE_DATE_FORMAT",
    "LINE",
    "EARLIER",
    "UPLOAD_MISSING",
    "UPLOAD_TYPE_REFUSED",
    "UPLOAD_NOT_WHOLE",
    "UPLOAD_TOO_LARGE",
    "PROBLEM_TEMPLATES",
    "PLACE_TEMPLATES",
    "PLACE_FIELDS",
    "WORD_FIELDS",
    "render",
    "recognise_problem",
    "recognise_choice",
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
NO_SHEET = "no sheet named {sheet} (sheets: {sheets})"
NO_CANONICAL_SHEET = (
    "no sheet named actors, ties or participations (sheets: {sheets}); name one in a mapping file"
)
NO_FILES = "no files to import"
UNSUPPORTED_FILE = "unsupported file type {suffix} (expected {expected})"
COLLISION = "id {id}: stored {stored}, incoming {incoming}"

# Refusals of an edit, an introduction or an undo (the web app's forms, the CLI)
FIELDS_NOT_EDITABLE = "these fields cannot be edited here: {fields}"
ACTOR_NEEDS_NAME = "an actor needs a name"
TIE_NEEDS_TWO_ACTORS = "pick the two actors of the tie"
TIE_TO_ITSELF = "an actor cannot be tied to itself"
EDIT_UNKNOWN_TIE_KIND = "unknown tie kind {value}: one of {known}"
TIE_ENDS_BEFORE_START = "a tie cannot end ({until}) before it began ({since})"
NEW_ACTOR_NEEDS_ID = "a new actor needs an id"
ID_TAKEN = "the id {actor} names another actor already: choose another"
NEW_ACTOR_NEEDS_TERRITORY = "choose the territory of the new actor"
NEW_ACTOR_NEEDS_SECTOR = "choose the sector of the new actor"
NAME_TAKEN = (
    "{name} is on {territory} already (id {id}): select it, or give the new actor another name"
)
PARTICIPANT_NEEDED = "select the actor who took part"
TAKES_PART_ALREADY = "{actor} takes part in {activity} already"
NEW_ACTIVITY_NEEDS_ID = "choose an activity, or give a new one an id"
ACTIVITY_NEEDED = "choose an activity, or name a new one"
ACTIVITY_NAME_TAKEN = (
    "an activity named {name} is on {territory} already (id {id}): "
    "choose it in the list, or give the new one another name"
)
NO_ACTOR = "no actor {actor}"
NO_ACTOR_WITH_ID = "no actor with id {actor}"
NO_TIE = "no {kind} tie between {source} and {target}"
NO_ACTIVITY = "no activity {activity}"
NO_TERRITORY = "no territory named {territory}"
NO_ACTOR_NAMED = "no actor named {actor}"
NO_ACTOR_IN = "no actor {actor} in {territory}"
SEVERAL_TERRITORIES = "{name} could be several territories"
SEVERAL_ACTORS_IN = "{name} could be several actors in {territory}"
SEVERAL_ACTORS = "{name} could be several actors"
NOT_IN_NETWORK = "actor {actor} is not in the network"
NO_INTRODUCTION = "no introduction with id {id}"
LATER_CHANGE = "a later change was made since: see the history to undo both"
MOVED_MEANWHILE = "introduction {id} was moved on meanwhile: reload it and try again"
NOTHING_TO_UNDO = "there is nothing to undo: the store has no revision"
NO_SUCH_REVISION = "revision {revision} does not exist or is already undone"
UNKNOWN_STATUS = "unknown status {value} (expected one of {known})"
PARTNERSHIP_IS_FINAL = "a partnership is final: the introduction cannot move any more"
NO_GOING_BACK = "an introduction cannot go back from {current} to {new}"
INTRODUCTION_NEEDS_STATUS = "an introduction needs at least one status"
INTRODUCTION_NEEDS_TWO = "an introduction needs two different actors"
NEW_INTRODUCTION_STATUS = "a new introduction is proposed or made, not {status}"
INTERMEDIARY_IS_AN_END = "an intermediary cannot be one of the two actors"
BEFORE_LAST_STEP = "the date {day} is before the last step ({last})"

# Files that cannot be read, files over a limit, mapping files and graph files
CANNOT_READ = "cannot read: {reason}"
CANNOT_DECODE = "cannot decode as {encoding}: {reason}"
CANNOT_READ_DAMAGED_WORKBOOK = "cannot read as an Excel workbook (damaged?): {reason}"
CANNOT_READ_WORKBOOK = "cannot read as an Excel workbook: {reason}"
OUT_OF_MEMORY = (
    "not enough memory to read this workbook: it expands far beyond its size on disk "
    "(lower MAILLAGE_MAX_EXPANDED_BYTES or MAILLAGE_MAX_CELL_CHARS, or give the import more memory)"
)
CANNOT_TELL_ROLE = (
    "cannot tell what this file holds: expected the columns id, name, sector, territory "
    "(actors), source, target (ties) or actor, activity (participations), "
    "or a mapping file naming them"
)
RAISE_IT = " is over the limit of {limit} (raise it with {env}=...)"
OVER_FILE_BYTES = "a file size in bytes of {size}" + RAISE_IT
OVER_UNZIPPED_BYTES = "an unzipped size in bytes of {size}" + RAISE_IT
OVER_ROWS_AT_LINE = "a row count of at least {size}" + RAISE_IT + " (line {line} is row {row})"
OVER_ROWS = "a row count of at least {size}" + RAISE_IT
OVER_CELL_CHARS = "a value in characters of {size}" + RAISE_IT
EXTRACT_MISMATCH = "{value} does not match the mapping's extract '{pattern}'"
MAPPING_UNKNOWN_SECTOR = (
    "unknown sector {value} (not in the mapping's [sectors], nor a sector or alias)"
)
CANNOT_READ_MAPPING = "cannot read the mapping file: {reason}"
NOT_TOML = "not a valid TOML mapping file: {reason}"
MAPPING_NOT_UTF8 = "this mapping file is not UTF-8 text"
FILES_NOT_TABLES = "must be an array of tables ([[file]])"
FILE_NEEDS_MATCH = "each [[file]] needs a match pattern, e.g. '*.csv'"
UNKNOWN_KEY = "unknown key (expected one of {known})"
UNKNOWN_FIELD = "unknown field (expected one of {known})"
MUST_BE_BOOLEAN = "must be true or false"
MUST_BE_TEXTS = 'must be a list of texts, e.g. null = ["n/a", "-"]'
MUST_BE_STRING = "must be a string"
MUST_BE_TABLE = "must be a table"
MUST_NOT_BE_EMPTY = "must not be empty"
UNKNOWN_ROLE = "unknown type {value} (expected {known})"
BAD_DELIMITER = "a delimiter is one character, got {value}"
UNKNOWN_ENCODING = "unknown encoding {value} ({reason})"
UNUSABLE_ENCODING = "encoding {value} cannot be used ({reason})"
UNKNOWN_RULE = "unknown rule {value} (expected {known})"
MUST_BE_SECTOR = 'must be a sector name (or "" for a blank cell)'
BLANKS_BY_DEFAULT = "blank cells are set by default_sector"
MUST_BE_REGEX = "must be a regular expression (a text)"
BAD_REGEX = "not a valid regular expression: {reason}"
ONE_GROUP = "use at most one group ( ): its text is kept"
SEVERAL_COLUMNS = "a key of several columns is a list of 2 or more names"
MUST_BE_COLUMN_NAME = "must be a column name (a non-empty string)"
MUST_BE_RULE = "must be a rule (a non-empty string)"
MUST_BE_TIE_KIND = "must be a tie kind (a non-empty string)"
NOT_WELL_FORMED = "not well-formed XML: {reason}"
DOCTYPE_REFUSED = "document type declarations (DOCTYPE, ENTITY) are refused for safety"
XML_ENCODING = "unsupported encoding in the XML declaration: {reason}"
EMPTY_DOCUMENT = "empty document"
NOT_A_GRAPH_DOCUMENT = "expected a <gexf> or <graphml> document, got <{tag}>"
NO_GRAPH_ELEMENT = "no <graph> element in this <{tag}> document: nothing to import"
GRAPH_OWN_IDS = "a graph file's node ids and edge ends are its own; the mapping cannot name them"
JOINED_KEYS_IN_TABLES = "keys of several columns apply to tables only"
GRAPH_NO_PARTICIPATIONS = "graph files have no participations"
GRAPH_OWN_NODE_IDS = "a graph file's node ids are its own"
GRAPH_ATTRIBUTE_MISSING = "{kind} attribute named by the mapping is missing"
PARTICIPATION_ATTRIBUTES_MISPLACED = (
    "participation_attributes apply to two-mode and participations files, not {role} files"
)
NOT_A_DATE_FORMAT = "expected a strptime format such as '%d/%m/%Y', got {value}"
UNUSABLE_DATE_FORMAT = (
    "{value} is not a usable date format ({reason}); expected a strptime format such as '%d/%m/%Y'"
)

UPLOAD_MISSING = "no file was received: choose a file to import"
UPLOAD_TYPE_REFUSED = "{name}: this type of file cannot be imported (expected {expected})"
UPLOAD_NOT_WHOLE = "{name}: the file was not received whole; send it again"
UPLOAD_TOO_LARGE = (
    "{name}: {size} bytes is over the limit of {limit} bytes for a file sent from the browser "
    "(an operator can raise it with {variable}=..., or import it with `maillage import`)"
)

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
    NO_CANONICAL_SHEET,
    NO_SHEET,
    NO_FILES,
    UNSUPPORTED_FILE,
    COLLISION,
    FIELDS_NOT_EDITABLE,
    ACTOR_NEEDS_NAME,
    TIE_NEEDS_TWO_ACTORS,
    TIE_TO_ITSELF,
    EDIT_UNKNOWN_TIE_KIND,
    TIE_ENDS_BEFORE_START,
    NEW_ACTOR_NEEDS_ID,
    ID_TAKEN,
    NEW_ACTOR_NEEDS_TERRITORY,
    NEW_ACTOR_NEEDS_SECTOR,
    NAME_TAKEN,
    PARTICIPANT_NEEDED,
    TAKES_PART_ALREADY,
    NEW_ACTIVITY_NEEDS_ID,
    ACTIVITY_NEEDED,
    ACTIVITY_NAME_TAKEN,
    NO_ACTOR,
    NO_ACTOR_WITH_ID,
    NO_TIE,
    NO_ACTIVITY,
    NO_TERRITORY,
    NO_ACTOR_NAMED,
    NO_ACTOR_IN,
    SEVERAL_TERRITORIES,
    SEVERAL_ACTORS_IN,
    SEVERAL_ACTORS,
    NOT_IN_NETWORK,
    NO_INTRODUCTION,
    LATER_CHANGE,
    MOVED_MEANWHILE,
    NOTHING_TO_UNDO,
    NO_SUCH_REVISION,
    UNKNOWN_STATUS,
    PARTNERSHIP_IS_FINAL,
    NO_GOING_BACK,
    INTRODUCTION_NEEDS_STATUS,
    INTRODUCTION_NEEDS_TWO,
    NEW_INTRODUCTION_STATUS,
    INTERMEDIARY_IS_AN_END,
    BEFORE_LAST_STEP,
    CANNOT_READ,
    CANNOT_DECODE,
    CANNOT_READ_DAMAGED_WORKBOOK,
    CANNOT_READ_WORKBOOK,
    OUT_OF_MEMORY,
    CANNOT_TELL_ROLE,
    OVER_FILE_BYTES,
    OVER_UNZIPPED_BYTES,
    OVER_ROWS_AT_LINE,
    OVER_ROWS,
    OVER_CELL_CHARS,
    EXTRACT_MISMATCH,
    MAPPING_UNKNOWN_SECTOR,
    CANNOT_READ_MAPPING,
    NOT_TOML,
    MAPPING_NOT_UTF8,
    FILES_NOT_TABLES,
    FILE_NEEDS_MATCH,
    UNKNOWN_KEY,
    UNKNOWN_FIELD,
    MUST_BE_BOOLEAN,
    MUST_BE_TEXTS,
    MUST_BE_STRING,
    MUST_BE_TABLE,
    MUST_NOT_BE_EMPTY,
    UNKNOWN_ROLE,
    BAD_DELIMITER,
    UNKNOWN_ENCODING,
    UNUSABLE_ENCODING,
    UNKNOWN_RULE,
    MUST_BE_SECTOR,
    BLANKS_BY_DEFAULT,
    MUST_BE_REGEX,
    BAD_REGEX,
    ONE_GROUP,
    SEVERAL_COLUMNS,
    MUST_BE_COLUMN_NAME,
    MUST_BE_RULE,
    MUST_BE_TIE_KIND,
    NOT_WELL_FORMED,
    DOCTYPE_REFUSED,
    XML_ENCODING,
    EMPTY_DOCUMENT,
    NOT_A_GRAPH_DOCUMENT,
    NO_GRAPH_ELEMENT,
    GRAPH_OWN_IDS,
    JOINED_KEYS_IN_TABLES,
    GRAPH_NO_PARTICIPATIONS,
    GRAPH_OWN_NODE_IDS,
    GRAPH_ATTRIBUTE_MISSING,
    PARTICIPATION_ATTRIBUTES_MISPLACED,
    NOT_A_DATE_FORMAT,
    UNUSABLE_DATE_FORMAT,
    UPLOAD_MISSING,
    UPLOAD_TYPE_REFUSED,
    UPLOAD_NOT_WHOLE,
    UPLOAD_TOO_LARGE,
    *STORE_TEMPLATES,
)
"""Every problem template (the msgids of the catalog), the longer of two alike first."""

LINE = "line {line}"
EARLIER = "earlier"
PLACE_TEMPLATES: tuple[str, ...] = (LINE, EARLIER)
"""Where an earlier row was, inside a problem (``first at line 4``): its own templates."""

PLACE_FIELDS: frozenset[str] = frozenset({"first", "row"})
"""The fields that hold a place (told with :data:`PLACE_TEMPLATES` when they match one)."""

DID_YOU_MEAN = "{problem}; did you mean {suggestions}?"
OR = "{names} or {last}"
"""A name not found and the closest names: the problem, then the suggestions listed."""

WORD_FIELDS: frozenset[str] = frozenset({"current", "new", "status"})
"""The fields that hold a word of the vocabulary (an introduction's status): catalog msgids."""

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


_CHOICE = {"names": r".+", "last": r"['\"].*"}
"""The last name of a ``did you mean`` is quoted and follows the last "or"."""


def recognise_choice(suggestions: str) -> tuple[str, str] | None:
    """The names before the last ``or`` of ``suggestions`` and the last, else None (one name).

    >>> recognise_choice("'a1' (Bois or Pré), 'a2' or 'a3'")
    ("'a1' (Bois or Pré), 'a2'", "'a3'")
    """
    found = recognise(suggestions, (OR,), _CHOICE)
    return None if found is None else (found[1]["names"], found[1]["last"])
