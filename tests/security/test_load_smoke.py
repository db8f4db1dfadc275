"""The load test, short: 5 signed-in clients for 5 s against `maillage serve`, no error.

The full run (20 clients for 60 s) is ``python benchmarks/load_test.py``; its
figures are in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "load_test.py"


def load_test():
    spec = importlib.util.spec_from_file_location("maillage_load_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.timeout(300)
def test_five_clients_for_five_seconds_without_an_error():
    summary = load_test().run(clients=5, duration=5, warm_up=False)

    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["actions"]["sign-in"]["count"] == 5
    assert summary["requests"] >= 25
    for action in ("network", "brokers", "gaps", "sliders"):
        assert summary["actions"][action]["count"] >= 1, action
    assert summary["p95_ms"] > 0


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org"])
def test_the_load_test_refuses_any_host_but_loopback(host):
    with pytest.raises(ValueError, match="loopback only"):
        load_test().run(clients=1, duration=1, host=host)
