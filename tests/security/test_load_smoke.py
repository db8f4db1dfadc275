"""The load test, short: 5 signed-in clients, one territory each, against `maillage serve`.

It checks that every request succeeds and that every action ran, never how fast:
a busy machine is slower, not wrong. The full run (20 clients for 60 s) is
``python benchmarks/load_test.py``; its figures are in ``docs/benchmarks.md``.
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


SWITCH = ("sliders", "network", "summary", "card", "path", "pickers")
REPORTS = ("brokers", "gaps")
DOWNLOADS = ("download-csv", "download-xlsx", "download-html")


@pytest.mark.timeout(600)
def test_five_clients_one_territory_each_without_an_error():
    summary = load_test().run(clients=5, turns=1, warm_up=False)

    assert summary["errors"] == 0, summary["error_samples"]
    actions = {name: stats["count"] for name, stats in summary["actions"].items()}
    assert actions.keys() == {"sign-in", *SWITCH, *REPORTS, *DOWNLOADS}
    assert actions["sign-in"] == 5
    for action in (*SWITCH, *REPORTS):
        assert actions[action] == 5, action
    assert sum(actions[d] for d in DOWNLOADS) == 5
    assert summary["requests"] == 5 * (len(SWITCH) + len(REPORTS) + 1)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org"])
def test_the_load_test_refuses_any_host_but_loopback(host):
    with pytest.raises(ValueError, match="loopback only"):
        load_test().run(clients=1, duration=1, host=host)
