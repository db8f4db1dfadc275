"""Amplification: small files that would cost a lot are refused whole, naming the limit.

Shared-string and row bombs, workbooks that unzip to far more than they
weigh, long multi-line values in GEXF, GraphML and CSV, and hostile request
bodies. The file cases run under small limits (``AMPLIFICATION_LIMITS``) so
that each bomb stays a small file; the defaults are checked in
``test_amplification.py``.
"""

from __future__ import annotations

import logging

import pytest
from hypothesis import given
from malformed_inputs import (
    AMPLIFICATION_LIMITS,
    amplified_workbook,
    hostile_body,
    long_csv,
    long_text_graph,
)
from robustness_support import OUTCOMES, SeededStore, fuzz_settings, import_outcome, workdir

from maillage.app import Maillage
from maillage.loaders.limits import FileLimits
from maillage.serving.web import web_app
from maillage.settings import Limits, Settings

LIMITS = FileLimits(**AMPLIFICATION_LIMITS)


@fuzz_settings(60)
@given(book=amplified_workbook())
def test_workbook_bombs_are_refused_whole(seeded: SeededStore, book: bytes):
    with workdir() as folder:
        path = folder / "bomb.xlsx"
        path.write_bytes(book)
        import_outcome(seeded, [path], limits=LIMITS)


@fuzz_settings(60)
@given(document=long_text_graph("graphml"))
def test_long_graphml_values_load_or_are_refused_whole(seeded: SeededStore, document: bytes):
    with workdir() as folder:
        path = folder / "long.graphml"
        path.write_bytes(document)
        import_outcome(seeded, [path], limits=LIMITS)


@fuzz_settings(60)
@given(document=long_text_graph("gexf"))
def test_long_gexf_values_load_or_are_refused_whole(seeded: SeededStore, document: bytes):
    with workdir() as folder:
        path = folder / "long.gexf"
        path.write_bytes(document)
        import_outcome(seeded, [path], limits=LIMITS)


@fuzz_settings(60)
@given(document=long_csv())
def test_long_csv_cells_and_many_rows_load_or_are_refused_whole(
    seeded: SeededStore, document: bytes
):
    with workdir() as folder:
        path = folder / "actors.csv"
        path.write_bytes(document)
        import_outcome(seeded, [path], limits=LIMITS)


class Records(logging.Handler):
    """Every record logged while the web app answers, kept for the checks."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def served(seeded: SeededStore):
    """The web app over the seeded store, request bodies limited to 64 KiB, and its log."""
    settings = Settings(store_url=seeded.url, limits=Limits(request_bytes=64 * 1024))
    instance = Maillage(settings)
    app = web_app(instance)
    records = Records()
    logging.getLogger().addHandler(records)
    yield app, records
    logging.getLogger().removeHandler(records)
    instance.close()


@fuzz_settings(100)
@given(body=hostile_body())
def test_hostile_bodies_get_a_clear_answer_never_a_traceback(served, body):
    app, log = served
    data, headers = body
    answer = app.server.test_client().post("/_dash-update-component", data=data, headers=headers)
    assert answer.status_code in (200, 204, 400, 413), (answer.status_code, answer.data[:200])
    assert b"Traceback" not in answer.data
    assert not [r for r in log.records if r.exc_info], "a traceback in the log"
    OUTCOMES["rejected" if answer.status_code >= 400 else "loaded"] += 1
