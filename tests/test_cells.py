"""The one formula rule (OWASP CSV injection), as every CSV and XLSX writer applies it."""

import pytest

from maillage.graph.cells import neutralise_formula, neutralise_reversibly, restore_formula
from maillage.reports import neutralise_formula as reports_neutralise_formula


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("-5", "'-5"),
        ("=1+1", "'=1+1"),
        ("+x", "'+x"),
        ("@x", "'@x"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ],
)
def test_text_starting_with_a_trigger_gets_one_leading_quote(text, written):
    assert neutralise_formula(text) == written
    assert neutralise_reversibly(text) == written
    assert restore_formula(written) == text


@pytest.mark.parametrize("text", ["", "Mairie de Brest", "1+1", "a=b", " =1", "Ti-Kafe", "5"])
def test_other_text_is_unchanged(text):
    assert neutralise_formula(text) == text
    assert neutralise_reversibly(text) == text
    assert restore_formula(text) == text


@pytest.mark.parametrize("value", [-5, -0.25, 0, True, None])
def test_values_that_are_not_text_are_unchanged(value):
    assert neutralise_formula(value) is value


@pytest.mark.parametrize("text", ["'=already", "''@twice", "'-1", "'\t"])
def test_text_that_already_looks_neutralised_round_trips(text):
    assert neutralise_formula(text) == text  # not a formula: a report leaves it alone
    assert neutralise_reversibly(text) == "'" + text  # a network export escapes it once more
    assert restore_formula(neutralise_reversibly(text)) == text


def test_reports_and_loaders_share_the_one_rule():
    assert reports_neutralise_formula is neutralise_formula
