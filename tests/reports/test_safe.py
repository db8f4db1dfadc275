"""The one rule against spreadsheet formula injection, and JSON-ready values."""

import math
from datetime import date

import numpy as np
import pytest

from maillage.reports import neutralise_formula
from maillage.reports.safe import cell, json_ready


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.test","x")',
        "+33 2 98 00 00 00",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_text_that_a_spreadsheet_would_evaluate_gets_a_leading_quote(text):
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize(
    "text", ["Mairie de Brest", "", "1+1", "a=b", " =1", "'=already", "Ti-Kafe"]
)
def test_other_text_is_unchanged(text):
    assert neutralise_formula(text) == text


@pytest.mark.parametrize("value", [-5, -0.25, 0, 3.5, True, None])
def test_numbers_booleans_and_missing_values_are_unchanged(value):
    assert neutralise_formula(value) is value


def test_cell_values():
    assert cell(float("nan")) is None
    assert cell(float("-inf")) is None
    assert cell(np.float64(0.5)) == 0.5 and type(cell(np.float64(0.5))) is float
    assert cell(np.int64(7)) == 7 and type(cell(np.int64(7))) is int
    assert cell(date(2024, 6, 30)) == "2024-06-30"
    assert cell(["Mairie de Morlaix", "Le Télégramme"]) == "Mairie de Morlaix; Le Télégramme"
    assert cell(["=cmd", "x"]) == "'=cmd; x"
    assert cell({"business": 3, "public": 1}) == "business: 3; public: 1"
    assert cell("nul\x00 byte\x1b") == "nul byte"
    assert cell("tab\tinside") == "tab\tinside"
    assert cell(-1.0) == -1.0


def test_json_ready_keeps_the_structure_and_drops_what_json_cannot_hold():
    data = {
        "as_of": date(2024, 6, 30),
        "network": {"density": float("nan"), "openness": math.inf, "actors": np.int64(3)},
        "pair": ("a", "b"),
        1: {"x": np.float32(0.5)},
    }
    assert json_ready(data) == {
        "as_of": "2024-06-30",
        "network": {"density": None, "openness": None, "actors": 3},
        "pair": ["a", "b"],
        "1": {"x": 0.5},
    }
