"""Rules about single spreadsheet cells that both loaders and reports follow."""

from __future__ import annotations

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""


def starts_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula, judging by its first character.

    >>> starts_like_formula("=SUM(A1)"), starts_like_formula("-5"), starts_like_formula("Asso")
    (True, True, False)
    >>> starts_like_formula("")
    False
    """
    return text[:1] in FORMULA_TRIGGERS
