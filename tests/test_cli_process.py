"""The command as its own process: read-only commands end without the interpreter's teardown (cli.main.main),
with their whole output and their documented exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

from presssearch.cli.main import READ_ONLY_COMMANDS


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "presssearch", *args], capture_output=True, text=True, timeout=120)


def test_search_prints_its_whole_output_and_exits_0(bundled_index):
    out = _run("search", "Казахстан", "--index", str(bundled_index), "--json")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits and json.dumps(hits, ensure_ascii=False).count("bk55.ru") >= 1


def test_read_only_command_keeps_its_exit_code_and_message(bundled_index, tmp_path):
    out = _run("search", "(((", "--index", str(bundled_index))
    assert out.returncode == 3 and "Hint:" in out.stderr
    out = _run("show", "no-such-article", "--index", str(bundled_index))
    assert out.returncode == 8 and "Error:" in out.stderr
    out = _run("search", "Казахстан", "--index", str(tmp_path / "none"))
    assert out.returncode == 4 and "presssearch index" in out.stderr


def test_output_piped_into_a_reader_that_stops_early(bundled_index):
    proc = subprocess.Popen([sys.executable, "-m", "presssearch", "quotes", "Казахстан", "--jsonl", "--index",
                             str(bundled_index)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and b"Traceback" not in err


def test_index_is_not_a_read_only_command():
    assert "index" not in READ_ONLY_COMMANDS
    assert {"search", "quotes", "speakers", "show"} <= READ_ONLY_COMMANDS
