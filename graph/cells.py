"""The one rule against spreadsheet formula injection, for every CSV and XLSX the project writes.

OWASP's guidance on CSV injection: a spreadsheet (Excel, LibreOffice, Google
Sheets) evaluates a cell whose text begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return, so such text is written with a leading ``'``, which
the spreadsheet reads as "this is text". The rule is judged on the first
character only, with no exception: ``"-5"`` as *text* becomes ``"'-5"`` (a
number stays a number; only text is ever changed).

Report exports (``reports``) are read by people and use :func:`neutralise_formula`.
Network exports (``loaders``) are read back by the loaders too: they use
:func:`neutralise_reversibly`, and the readers :func:`restore_formula`, so that
an export imports as exactly the network it came from.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = [
    "FORMULA_TRIGGERS",
    "neutralise_formula",
    "neutralise_reversibly",
    "restore_formula",
    "starts_like_formula",
]

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""

Value = TypeVar("Value")


def starts_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula, judging by its first character.

    >>> starts_like_formula("=SUM(A1)"), starts_like_formula("-5"), starts_like_formula("Asso")
    (True, True, False)
    >>> starts_like_formula("")
    False
    """
    return text[:1] in FORMULA_TRIGGERS


def neutralise_formula(value: Value) -> Value:
    """Return ``value`` with a leading ``'`` when it is text that starts like a formula.

    Numbers, booleans, ``None`` and any other non-text value are returned as they are.

    Examples
    --------
    >>> neutralise_formula("=1+1"), neutralise_formula("+x"), neutralise_formula("@x")
    ("'=1+1", "'+x", "'@x")
    >>> neutralise_formula("-5"), neutralise_formula(-5)
    ("'-5", -5)
    >>> neutralise_formula("\\t=1"), neutralise_formula("Mairie de Brest")
    ("'\\t=1", 'Mairie de Brest')
    """
    if isinstance(value, str) and starts_like_formula(value):
        return "'" + value  # type: ignore[return-value]  # str in, str out
    return value


def neutralise_reversibly(text: str) -> str:
    """As :func:`neutralise_formula`, and undone exactly by :func:`restore_formula`.

    Text that already looks neutralised (``'`` marks, then a trigger) gets one
    more ``'``, so that reading it back restores its own ``'`` too.

    >>> neutralise_reversibly("=HYPERLINK(1)"), neutralise_reversibly("'-1")
    ("'=HYPERLINK(1)", "''-1")
    >>> neutralise_reversibly("'tis")
    "'tis"
    """
    if starts_like_formula(text.lstrip("'")):
        return "'" + text
    return text


def restore_formula(text: str) -> str:
    """Undo :func:`neutralise_reversibly`: drop one ``'`` before (more ``'`` and) a trigger.

    >>> restore_formula("'=HYPERLINK(1)"), restore_formula("'tis"), restore_formula("''-1")
    ('=HYPERLINK(1)', "'tis", "'-1")
    """
    if text[:1] == "'" and starts_like_formula(text.lstrip("'")):
        return text[1:]
    return text
