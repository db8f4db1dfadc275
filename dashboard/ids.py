"""Every component id of the app, declared once.

Layouts and callbacks name components through these constants only, so a
typo is an ``AttributeError`` at import time rather than a callback that
silently never fires. Ids that occur once per row of data (introduction
buttons, actor pickers) are pattern-matching dicts built by the helpers below.
"""

from __future__ import annotations

from typing import Any

# Shell
URL = "url"
PAGE = "page"
NAV = "nav"
LANGUAGE_SWITCH = "language-switch"
TERRITORY = "territory"
#: The Explore view's last query (``presenters.view_state``), kept for the session.
VIEW_STATE = "view-state"
#: Where the address is rewritten to ``VIEW_STATE`` (the browser does it; nothing to read).
VIEW_STATE_SHOWN = "view-state-shown"
NAV_EXPLORE = "nav-explore"

# Explore: the network and its controls
NETWORK = "network"
COPY_LINK = "copy-link"
COPY_LINK_NOTE = "copy-link-note"
COPY_LINK_DONE = "copy-link-done"
# Explore: saved views (choose: everyone; save and delete: facilitators and admins)
SAVED_VIEW_PICK = "saved-view-pick"
#: Each saved view's address, by name (the browser opens the one chosen).
SAVED_VIEW_LINKS = "saved-view-links"
#: Where the chosen view's address is written once the browser opens it (nothing to read).
SAVED_VIEW_OPENED = "saved-view-opened"
SAVED_VIEW_WRITE = "saved-view-write"
SAVED_VIEW_NAME = "saved-view-name"
SAVED_VIEW_SAVE = "saved-view-save"
SAVED_VIEW_DELETE = "saved-view-delete"
SAVED_VIEW_MESSAGE = "saved-view-message"
SAVED_VIEW_ALERT = "saved-view-alert"
NETWORK_ALERT = "network-alert"
NETWORK_SUMMARY = "network-summary"
NETWORK_PROGRESS = "network-progress"
NETWORK_PROGRESS_TICK = "network-progress-tick"
YEAR = "as-of-year"
PLAY = "as-of-play"
PLAY_TICK = "as-of-play-tick"
AS_OF = "as-of-store"
SECTOR_FILTER = "sector-filter"
KIND_FILTER = "kind-filter"
MIN_WEIGHT = "min-weight"
SIZE_BY = "size-by"
COLOUR_BY = "colour-by"
SELECTED = "selected-store"
HOPS = "ego-hops"
CARD = "actor-card"
CARD_ALERT = "actor-card-alert"
#: The card's "open the community" button (pattern id: ``{"type": ..., "number": n}``).
OPEN_COMMUNITY = "open-community"
# Explore: correcting the selected actor (facilitators and admins)
EDIT_PANEL = "actor-edit"
EDIT_NAME = "actor-edit-name"
EDIT_SECTOR = "actor-edit-sector"
EDIT_KIND = "actor-edit-kind"
EDIT_CITY = "actor-edit-city"
EDIT_SAVE = "actor-edit-save"
EDIT_UNDO = "actor-edit-undo"
EDIT_MESSAGE = "actor-edit-message"
EDIT_ALERT = "actor-edit-alert"
EDIT_TIE_KIND = "actor-edit-tie-kind"
EDIT_TIE_DATE = "actor-edit-tie-date"
EDIT_TIE_NOTE = "actor-edit-tie-note"
EDIT_TIE_ADD = "actor-edit-tie-add"
EDIT_TIE_END = "actor-edit-tie-end"
#: The part of the edit panel about the selected actor (hidden while none is selected).
EDIT_ACTOR_PART = "actor-edit-selected"
# Explore: adding an actor to the territory shown (same panel, same Undo)
ADD_NAME = "actor-add-name"
ADD_SECTOR = "actor-add-sector"
ADD_KIND = "actor-add-kind"
ADD_CITY = "actor-add-city"
ADD_SUBMIT = "actor-add-submit"
# Explore: recording a participation of the selected actor (same panel, same Undo)
PART_ACTIVITY = "actor-part-activity"
PART_NAME = "actor-part-name"
PART_DATE = "actor-part-date"
PART_SUBMIT = "actor-part-submit"
#: The last edit written from this page (its revision): the pictures redraw, Undo targets it.
EDITED = "actor-edited"
PATH_STEPS = "path-steps"
PATH_ALERT = "path-alert"
SHELL_ALERT = "shell-alert"

# Explore: actor pickers share one option-search callback (pattern matching)
PICKER = "actor-picker"
SEARCH_ROLE = "search"
SOURCE_ROLE = "source"
TARGET_ROLE = "target"
PARTNER_ROLE = "partner"

# Brokers
BROKERS_TABLE = "brokers-table"
BROKERS_CHART = "brokers-chart"
BROKERS_MEASURE = "brokers-measure"
BROKERS_WEIGHTED = "brokers-weighted"
BROKERS_ALERT = "brokers-alert"
BROKERS_SUMMARY = "brokers-summary"
DOWNLOAD = "download"
DOWNLOAD_BUTTON = "download-button"

# Gaps
GAPS_HEATMAP = "gaps-heatmap"
GAPS_LIST = "gaps-list"
GAPS_FRAGILE = "gaps-fragile"
GAPS_INTRODUCTIONS = "gaps-introductions"
GAPS_METHOD = "gaps-method"
GAPS_ALERT = "gaps-alert"
INTRODUCTION = "introduction"

# Map
MAP_GRAPH = "map-graph"
MAP_LEVEL = "map-level"
MAP_NOTE = "map-note"
MAP_ALERT = "map-alert"

# Compare
COMPARE_PICK = "compare-territories"
COMPARE_TABLE = "compare-table"
COMPARE_CHART = "compare-chart"
COMPARE_RAW_CHART = "compare-raw-chart"
COMPARE_ALERT = "compare-alert"
COMPARE_KIND = "compare-kind"
COMPARE_RATES_TABLE = "compare-rates-table"
COMPARE_RATES_CHART = "compare-rates-chart"
COMPARE_Z_TABLE = "compare-z-table"
COMPARE_SUMMARY = "compare-summary"
COMPARE_CROSSINGS_TABLE = "compare-crossings-table"
COMPARE_CROSSINGS_CHART = "compare-crossings-chart"
COMPARE_BY_YEAR = "compare-by-year"
COMPARE_YEARLY_CHART = "compare-yearly-chart"
COMPARE_BRIDGES_TABLE = "compare-bridges-table"
COMPARE_YEARLY_ALERT = "compare-yearly-alert"


def picker(role: str) -> dict[str, str]:
    """The id of an actor picker: the search box or a path-finder end."""
    return {"type": PICKER, "role": role}


def open_community(number: int) -> dict[str, Any]:
    """The id of the card's button that opens community ``number`` (1 = the largest)."""
    return {"type": OPEN_COMMUNITY, "number": number}


def download_button(fmt: str) -> dict[str, str]:
    """The id of the button that downloads the brokers report as ``fmt``."""
    return {"type": DOWNLOAD_BUTTON, "fmt": fmt}


def introduction(index: int) -> dict[str, str | int]:
    """The id of the "show in the network" button of the ``index``-th introduction."""
    return {"type": INTRODUCTION, "index": index}


# Introductions
INTRO_TABLE = "intro-table"
INTRO_FUNNEL = "intro-funnel"
INTRO_ALERT = "intro-alert"
INTRO_FILTER_STATUS = "intro-filter-status"
INTRO_FILTER_DUE = "intro-filter-due"
INTRO_FORMS = "intro-forms"
INTRO_SOURCE = "intro-source"
INTRO_TARGET = "intro-target"
INTRO_VIA = "intro-via"
INTRO_DATE = "intro-date"
INTRO_NOTE = "intro-note"
INTRO_FOLLOW_UP = "intro-follow-up"
INTRO_PROPOSED = "intro-proposed"
INTRO_RECORD = "intro-record"
INTRO_MOVE_STATUS = "intro-move-status"
INTRO_MOVE_DATE = "intro-move-date"
INTRO_MOVE_NOTE = "intro-move-note"
INTRO_MOVE_FOLLOW_UP = "intro-move-follow-up"
INTRO_MOVE = "intro-move"
INTRO_CHANGED = "intro-changed"
INTRO_MESSAGE = "intro-message"
INTRO_FORM_ALERT = "intro-form-alert"
INTRO_PICK_ALERT = "intro-pick-alert"

# History (facilitators and admins; undo: admins)
HISTORY_TABLE = "history-table"
HISTORY_SCOPE = "history-scope"
HISTORY_UNDO = "history-undo"
HISTORY_MESSAGE = "history-message"
HISTORY_ALERT = "history-alert"
HISTORY_UNDO_ALERT = "history-undo-alert"
HISTORY_CHANGED = "history-changed"

# Import (facilitators and admins)
IMPORT_UPLOAD = "import-upload"
IMPORT_LIMIT = "import-limit"
IMPORT_FILE = "import-file"
IMPORT_NEEDS_MAPPING = "import-needs-mapping"
IMPORT_BUILDER = "import-builder"
IMPORT_COLUMN = "import-column"
IMPORT_SECTORS = "import-sectors"
IMPORT_MAPPING = "import-mapping"
IMPORT_MAPPING_TEXT = "import-mapping-text"
IMPORT_MAPPING_BUTTON = "import-mapping-button"
IMPORT_MAPPING_FILE = "import-mapping-file"
IMPORT_MAPPING_UPLOAD = "import-mapping-upload"
IMPORT_SAVED_SECTORS = "import-saved-sectors"
IMPORT_MERGE = "import-merge"
IMPORT_MERGE_ROW = "import-merge-row"
IMPORT_DEFAULT_TERRITORY = "import-default-territory"
IMPORT_DEFAULT_TERRITORY_ROW = "import-default-territory-row"
IMPORT_PREFIX = "import-prefix"
IMPORT_PREVIEW = "import-preview"
IMPORT_PROBLEMS = "import-problems"
IMPORT_PLAN = "import-plan"
IMPORT_RUN = "import-run"
IMPORT_RUN_SET_ASIDE = "import-run-set-aside"
IMPORT_RESULT = "import-result"
IMPORT_REJECTS = "import-rejects"
IMPORT_REJECTS_BUTTON = "import-rejects-button"
IMPORT_REJECTS_FILE = "import-rejects-file"
IMPORT_ALERT = "import-alert"
IMPORT_PREVIEW_ALERT = "import-preview-alert"
IMPORT_RUN_ALERT = "import-run-alert"


def import_column(field: str) -> dict[str, str]:
    """The id of the mapping builder's dropdown that picks the column of ``field``."""
    return {"type": IMPORT_COLUMN, "field": field}
