"""Each run tries at least ``MALFORMED_BUDGET`` generated malformed inputs."""

from __future__ import annotations

import importlib
from pathlib import Path

from robustness_support import MALFORMED_BUDGET


def configured_examples() -> dict[str, int]:
    """``max_examples`` of every property test in the ``test_malformed_*`` modules."""
    counts = {}
    for path in sorted(Path(__file__).parent.glob("test_malformed_*.py")):
        module = importlib.import_module(path.stem)
        for name, test in vars(module).items():
            if name.startswith("test_") and getattr(test, "is_hypothesis_test", False):
                counts[f"{path.stem}.{name}"] = test._hypothesis_internal_use_settings.max_examples
    return counts


def test_every_run_tries_at_least_the_budget_of_malformed_inputs():
    counts = configured_examples()
    assert len(counts) >= 6, counts  # csv, excel, gexf, graphml, mapping, cli
    assert sum(counts.values()) >= MALFORMED_BUDGET, counts
