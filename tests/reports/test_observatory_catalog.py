"""Every word of the comparison and the brief has its French, and the catalog says each once."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

from maillage.graph.analytics.compare import INDICATORS
from maillage.graph.analytics.standouts import MEANINGS, SIMILAR
from maillage.graph.model import TieKind
from maillage.reports.compare_tables import GROUPS, RATE_FIELDS
from maillage.reports.export_tables import BRIDGE_COLUMNS
from maillage.reports.i18n import translator

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "reports" / "locales" / "fr" / "LC_MESSAGES" / "maillage.po"
MODULES = ("brief.py", "summary.py", "compare_tables.py", "compare_figures.py")


def literal_msgids(path: Path) -> set[str]:
    """The constant strings given to ``gettext`` or ``N_`` in ``path``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            first = node.args[0]
            if name in ("gettext", "N_") and isinstance(first, ast.Constant):
                found.add(first.value)
    return found


def test_the_catalog_has_no_duplicate_msgid():
    text = CATALOG.read_text(encoding="utf-8")
    ids = re.findall(r'^msgid "(.*)"$', text, flags=re.MULTILINE)
    assert [msgid for msgid, n in Counter(ids).items() if n > 1 and msgid] == []


@pytest.mark.parametrize("module", MODULES)
def test_every_message_of_the_comparison_is_in_french(module):
    fr = translator("fr")
    missing = sorted(m for m in literal_msgids(ROOT / "reports" / module) if fr.gettext(m) == m)
    assert missing == [] or all(fr.messages.get(m) == m for m in missing), missing


def test_the_words_that_come_from_the_data_are_in_french():
    fr = translator("fr")
    words = [
        *GROUPS.values(),
        *(text for pair in MEANINGS.values() for text in pair),
        SIMILAR,
        *(indicator.label for indicator in INDICATORS),
        *(indicator.description for indicator in INDICATORS),
        *(kind.value for kind in TieKind if kind is not TieKind.OTHER),
        *RATE_FIELDS,
        *BRIDGE_COLUMNS,
        "gained",
        "lost",
    ]
    assert [word for word in words if word not in fr.messages] == []
