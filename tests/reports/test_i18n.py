"""The translator: catalogs, language negotiation, numbers and dates in the locale."""

from datetime import date

import pytest

from maillage.reports.i18n import LANGUAGES, negotiate, supported, translator


def test_french_numbers_dates_and_plurals():
    fr = translator("fr")
    assert fr.number(0.38) == "0,38"
    assert fr.number(-1.0, 3) == "\u22121,000"  # the minus sign, not a hyphen
    assert fr.integer(600) == "600"
    assert fr.percent(0.38) == "38\u202f%"
    assert fr.date(date(2026, 12, 2)) == "2 déc. 2026"
    assert fr.ngettext("actor", "actors", 1) == "acteur"
    assert fr.ngettext("actor", "actors", 0) == "acteur"
    assert fr.ngettext("actor", "actors", 2) == "acteurs"
    assert fr.number(None) == fr.number(float("nan")) == "non disponible"


def test_english_is_the_msgid():
    en = translator("en")
    assert en.gettext("n/a") == "n/a"
    assert en.number(0.38) == "0.38"
    assert en.percent(0.383, 1) == "38.3%"
    assert en.date(date(2026, 12, 2)) == "Dec 2, 2026"
    assert en.ngettext("actor", "actors", 0) == "actors"


def test_an_unknown_message_stays_english():
    assert (
        translator("fr").gettext("A sentence nobody translated") == "A sentence nobody translated"
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "fr"),
        ("en-GB,en;q=0.9,fr;q=0.8", "en"),
        ("de-DE,de;q=0.9", "fr"),
        ("de;q=1,en;q=0.2", "en"),
        ("", "fr"),
        (None, "fr"),
        ("garbage;;;q=zz,,,", "fr"),
        ("en;q=abc", "fr"),
    ],
)
def test_negotiate(header, expected):
    assert negotiate(header) == expected


def test_supported_tags():
    assert [supported(t) for t in ("fr-FR", "en_GB", "EN", "xx", None)] == [
        "fr",
        "en",
        "en",
        "fr",
        "fr",
    ]
    assert LANGUAGES[0] == "fr"
