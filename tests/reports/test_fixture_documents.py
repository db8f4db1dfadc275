"""The hand-written results of these tests stay in the shapes the analytics produce.

Each fixture may leave keys out (a test holds what it needs), but no key
or value type the real documents do not have: ``graph/documents.py``
types them, and tests/analytics/test_documents.py holds the real output to
the same types.
"""

from __future__ import annotations

import pytest

from maillage.graph.documents import DOCUMENTS, problems


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_the_fixture_is_a_document_of_its_kind(kind, request):
    document = request.getfixturevalue(kind)
    assert problems(document, DOCUMENTS[kind], partial=True) == []
