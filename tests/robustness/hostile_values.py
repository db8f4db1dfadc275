"""Values that must stay plain data everywhere: never code, never markup, never a formula."""

from __future__ import annotations

import re

from hypothesis import strategies as st

QUOTES = ("'", '"', "`", 'O\'Brien & "fils" `ltd`')
CYPHER = ("}) DETACH DELETE n //", "' OR 1=1 //", "x'}) MATCH (n) DETACH DELETE n //")
SQL = ("'); DROP TABLE actors;--", "1; DELETE FROM ties WHERE 1=1 --", '" OR ""="')
HTML = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "&lt;b&gt; &amp; <!-- -->",
)
BIDI = ("\u202etxt.exe", "a\u2066b\u2069c", "\u200f\u200e")
ZERO_WIDTH = ("zero\u200bwidth", "join\u200d\u200c\ufeffer")
EMOJI = ("🚀", "👩‍👩‍👧‍👦 famille", "🇫🇷")
FORMULAS = (
    '=HYPERLINK("http://evil.test")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "=1+1",
    "-2+3+cmd' /C calc'!A0",
    "-12.5",
)
ESCAPE_LOOKALIKES = ("'=already quoted", "''@twice", "'-1", "'")
"""Text that already starts like an export's escape: the exports must escape it once more."""

HOSTILE: tuple[str, ...] = (
    *QUOTES,
    *CYPHER,
    *SQL,
    *HTML,
    *BIDI,
    *ZERO_WIDTH,
    *EMOJI,
    *FORMULAS,
)
"""Each on its own is a valid id, name, territory, note, reference, kind or attribute."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

RAW_SCRIPT = "<script>alert(1)</script>"
RAW_IMG = "<img src=x onerror=alert(1)>"


def hostile_text() -> st.SearchStrategy[str]:
    """Hostile fragments glued together, as an attacker would combine them.

    No surrounding blanks (cells are trimmed), no ``|`` (it separates territories
    and activities), and no ``'`` in front of a formula trigger, which the CSV and
    Excel readers take for an export's escape.
    """
    return (
        st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=3)
        .map("".join)
        .map(lambda text: text.strip())
        .filter(lambda text: text and not _looks_escaped(text))
    )


def _looks_escaped(text: str) -> bool:
    core = text.lstrip("'")
    return text.startswith("'") and core[:1] in FORMULA_TRIGGERS


PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def is_number(text: str) -> bool:
    """True for text a spreadsheet reads as a plain number (``-1``, ``+2.5``, ``1e3``)."""
    return PLAIN_NUMBER.fullmatch(text) is not None


def assert_not_a_formula(value: object, where: str) -> None:
    """No spreadsheet may run ``value``: text starting with a trigger must be a number."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        assert is_number(value), f"{where}: {value!r} would run as a formula"
