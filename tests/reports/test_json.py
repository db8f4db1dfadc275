"""JSON: exactly the analytics document, valid JSON, in the schema of DATA-FORMAT.md."""

import json
import math
from datetime import date

from maillage.reports import render

ROLES = {"coordinator", "itinerant", "gatekeeper", "representative", "liaison"}
NETWORK_INTS = ("actors", "ties", "components", "communities")
NETWORK_FLOATS = (
    "density",
    "largest_component_share",
    "average_clustering",
    "modularity",
    "ei_index",
    "openness",
)
ACTOR_FLOATS = ("betweenness", "closeness", "eigenvector", "pagerank")


def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def check_report_schema(doc):
    """The ``report --format json`` schema of DATA-FORMAT.md, as plain asserts."""
    assert isinstance(doc["territory"], str)
    assert doc["as_of"] is None or date.fromisoformat(doc["as_of"])
    network = doc["network"]
    for key in NETWORK_INTS:
        assert isinstance(network[key], int) and not isinstance(network[key], bool), key
    for key in NETWORK_FLOATS:
        assert is_number(network[key]), key
    assert isinstance(doc["actors"], list)
    for actor in doc["actors"]:
        for key in ("id", "name", "sector"):
            assert isinstance(actor[key], str), key
        assert isinstance(actor["degree"], int) and not isinstance(actor["degree"], bool)
        for key in ACTOR_FLOATS:
            assert is_number(actor[key]), key
        for key in ("constraint", "effective_size"):
            assert actor[key] is None or is_number(actor[key]), key
        assert set(actor["brokerage"]) == ROLES
        assert all(type(n) is int for n in actor["brokerage"].values())
        assert type(actor["community"]) is int


def test_report_json_is_the_document_in_the_spec_schema(report):
    content = render("report", report, "json")
    doc = json.loads(content.decode("utf-8"))
    check_report_schema(doc)
    assert doc == report
    assert list(doc) == list(report)
    assert list(doc["actors"][0]) == list(report["actors"][0])


def test_json_is_utf8_indented_and_keeps_accents(report):
    text = render("report", report, "json").decode("utf-8")
    assert '"name": "Université de Bretagne Occidentale"' in text
    assert '\n  "network": {\n    "actors": 9,' in text
    assert text.endswith("}\n")


def test_nan_and_infinity_become_null_and_dates_iso(report, compare):
    report["as_of"] = date(2024, 6, 30)
    report["actors"][0]["closeness"] = float("inf")
    doc = json.loads(render("report", report, "json"))
    assert doc["as_of"] == "2024-06-30"
    assert doc["actors"][0]["closeness"] is None

    doc = json.loads(render("compare", compare, "json"))
    openness = next(i for i in doc["indicators"] if i["name"] == "openness")
    assert openness["values"] == {"Pays de Morlaix": 0.1818, "Pays de Brest": None}


def test_every_kind_is_valid_strict_json(gaps, compare, bridges):
    def refuse(constant):
        raise ValueError(constant)

    for kind, data in (("gaps", gaps), ("compare", compare), ("bridges", bridges)):
        doc = json.loads(render(kind, data, "json"), parse_constant=refuse)
        assert set(doc) == set(data)
    assert json.loads(render("gaps", gaps, "json"))["gaps"] == gaps["gaps"]


def test_hostile_names_stay_data_in_json(hostile_report):
    doc = json.loads(render("report", hostile_report, "json"))
    assert doc["actors"][0]["name"] == "<script>alert(1)</script>"
    assert doc["actors"][2]["name"].startswith("=HYPERLINK(")
