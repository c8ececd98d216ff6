"""The benchmark harness's measurement tasks run (each is a script the harness starts in its own process)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TASKS = ROOT / "benchmarks" / "tasks.py"


def run_task(*args: object) -> dict:
    proc = subprocess.run([sys.executable, str(TASKS), *map(str, args)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_profile_task_reports_every_share():
    p = run_task("profile", ROOT / "data", 30)
    assert p["articles"] == 30 and p["quotes"] > 0
    assert p["quotes_s"] > 0 and p["analysis_s"] >= p["analysis_no_names_s"] > 0


def test_index_task_builds_the_bundled_data(tmp_path):
    r = run_task("index", tmp_path / "ix", ROOT / "data", 1)
    assert r["added"] > 30 and r["quotes"] > 0 and r["index_bytes"] > 0 and r["cpu_s"] > 0
