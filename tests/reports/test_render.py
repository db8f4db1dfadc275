"""The entry point: every kind in every format, media types, extensions, file names."""

import pytest

from maillage.reports import EXTENSIONS, FORMATS, KINDS, MEDIA_TYPES, filename, render

ALL = [(kind, fmt) for kind in KINDS for fmt in FORMATS]


@pytest.mark.parametrize(("kind", "fmt"), ALL)
def test_every_kind_renders_in_every_format(kind, fmt, request):
    content = render(kind, request.getfixturevalue(kind), fmt)
    assert isinstance(content, bytes)
    assert len(content) > 100


def test_each_format_has_a_media_type_and_an_extension():
    assert set(MEDIA_TYPES) == set(EXTENSIONS) == set(FORMATS)
    assert (
        MEDIA_TYPES["xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert MEDIA_TYPES["csv"].startswith("text/csv")
    assert MEDIA_TYPES["html"].startswith("text/html")
    assert MEDIA_TYPES["json"] == "application/json"
    assert EXTENSIONS == {
        "table": ".txt",
        "csv": ".csv",
        "json": ".json",
        "xlsx": ".xlsx",
        "html": ".html",
    }


def test_unknown_kind_or_format_is_refused_with_the_choices(report):
    with pytest.raises(ValueError, match="unknown report format 'pdf'.*table, csv, json"):
        render("report", report, "pdf")
    with pytest.raises(ValueError, match="unknown report kind 'ego'.*report, gaps, compare"):
        render("ego", report, "json")


def test_file_names(report, gaps, compare, bridges):
    assert filename("report", report, "xlsx") == "report-pays-de-morlaix-2024-06-30.xlsx"
    assert filename("gaps", {**gaps, "as_of": None}, "csv") == "gaps-pays-de-morlaix.csv"
    assert filename("compare", compare, "html") == "compare-pays-de-morlaix-pays-de-brest.html"
    assert filename("bridges", bridges, "json") == "bridges-2023-01-01-2024-06-30.json"
    hostile = {"territory": "../../etc/<passwd>", "as_of": None}
    assert filename("report", hostile, "csv") == "report-etc-passwd.csv"
