"""Shared fixtures: the bundled data, the shared corpus (skipped when absent), built indexes."""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

import presssearch

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SAMPLE = DATA / "000_9d904e1d1d708883.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def corpus_file(name: str) -> Path:
    p = CORPUS / name
    if not p.exists():
        pytest.skip(f"{p} is not here (the shared corpus is optional)")
    return p


@pytest.fixture(scope="session")
def bundled_index(tmp_path_factory) -> Path:
    """An index of the bundled data/ folder, built once per test session (read-only for tests)."""
    root = tmp_path_factory.mktemp("bundled") / "index"
    presssearch.open_archive(root).update([DATA])
    return root


@pytest.fixture
def archive(bundled_index):
    with presssearch.open_archive(bundled_index) as a:
        yield a


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    shutil.copy(SAMPLE, d / SAMPLE.name)
    return d


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The sample article and 40 bundled Meduza articles in three files (the sample's and two JSON Lines)."""
    d = tmp_path / "corpus"
    d.mkdir()
    shutil.copy(SAMPLE, d)
    with gzip.open(DATA / "meduza.jsonl.gz", "rt", encoding="utf-8") as f:
        lines = f.read().splitlines()[:40]
    for n in range(2):
        (d / f"part{n}.jsonl").write_text("\n".join(lines[n::2]) + "\n", encoding="utf-8")
    return d


def speakers_of(text: str, **kw: str | None) -> list[str | None]:
    """The speakers of the quotes ``extract_quotes(text, **kw)`` finds, in order."""
    from presssearch.quotes import extract_quotes

    return [q.speaker for q in extract_quotes(text, **kw)]


def speaker_of(text: str, start: str, **kw: str) -> str | None:
    """The speaker of the first quote ``extract_quotes(text, **kw)`` finds that starts with ``start``."""
    from presssearch.quotes import extract_quotes

    found = [q for q in extract_quotes(text, **kw) if q.text.startswith(start)]
    assert found, f"no quote starts with {start!r}: {[q.text[:30] for q in extract_quotes(text, **kw)]}"
    return found[0].speaker
