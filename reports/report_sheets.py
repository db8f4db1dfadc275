"""The brokers report's workbook in the reader's language: sheet names, column heads, labels.

The English workbook (:func:`maillage.reports.export_tables.report_sheets`) names its sheets
and columns with the data's keys (``actors``, ``betweenness``), as scripts read them; a
reader in another language gets the same sheets, values untouched, with their names, heads
and the network sheet's labels in its language, the words the Brokers page shows. Keys
(indicator names, sectors) stay as the data has them, as in the comparison's workbook.

>>> from maillage.reports.i18n import translator
>>> report = {"territory": "Brest", "network": {"density": 0.25}, "actors": [
...     {"id": "a1", "name": "Asso", "sector": "association", "betweenness": 0.5}]}
>>> [(s.name, s.columns) for s in report_sheets_in(report, translator("fr"))][1]
('acteurs', ('Identifiant', 'Nom', 'Secteur', 'Intermédiarité'))
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from maillage.graph.vocabulary import ACTOR_MEASURES, ROLE_LIST

from .export_tables import ExportTable, report_sheets
from .i18n import N_, Translator

SHEET_NAMES: Mapping[str, str] = {
    "network": N_("network"),
    "actors": N_("actors"),
    "sector_mixing": N_("sector mixing"),
    "sectors": N_("sectors"),
    "method": N_("method"),
}
"""The sheets of the workbook, named in the reader's language (the msgids of the catalog)."""

COLUMN_HEADS: Mapping[str, str] = {
    "id": N_("Identifier"),
    "name": N_("Name"),
    "sector": N_("Sector"),
    "community": N_("Community"),
    **{key: measure.label for key, measure in ACTOR_MEASURES.items()},
    **{f"brokerage_{role.key}": role.label for role in ROLE_LIST},
    "indicator": N_("Indicator"),
    "label": N_("Label"),
    "value": N_("Value"),
    "key": N_("Key"),
    "actors": N_("Actors"),
    "ei_index": ACTOR_MEASURES["ei_index"].label,
    "sector_a": N_("Sector A"),
    "sector_b": N_("Sector B"),
    "observed": N_("Observed"),
    "expected": N_("Expected"),
    "z": "z",
}
"""Column heads by key: the Brokers page's words (the measure registry's labels)."""

TITLE = N_("Maillage report: {territory}")


def report_sheets_in(report: Mapping[str, Any], t: Translator) -> list[ExportTable]:
    """The sheets of ``report``'s workbook, named and headed in ``t``'s language."""
    sheets = report_sheets(report)
    if t.language == "en":
        return sheets
    return [_sheet_in(sheet, t) for sheet in sheets]


def report_title(report: Mapping[str, Any], t: Translator) -> str:
    """The workbook's title in ``t``'s language."""
    return t.gettext(TITLE).format(territory=report.get("territory", ""))


def _sheet_in(sheet: ExportTable, t: Translator) -> ExportTable:
    rows = sheet.rows
    if sheet.name == "network":  # indicator, label, value: the label is read
        rows = [(key, t.gettext(str(label)), value) for key, label, value in rows]
    return dataclasses.replace(
        sheet,
        name=t.gettext(SHEET_NAMES.get(sheet.name, sheet.name)),
        columns=tuple(t.gettext(COLUMN_HEADS.get(c, c)) for c in sheet.columns),
        rows=list(rows),
    )
