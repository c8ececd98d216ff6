"""Incremental updates pass over records whose raw bytes are unchanged (kept as hashes in the manifest):
the index and the report are those of the full-parse path, and the index equals a fresh rebuild.

Records without an id of their own are known by file and line ("feed-1a2b3c4d-7"): a line inserted above
them renumbers them, so they are re-indexed under their new ids (removed + added, as a rebuild and the
full-parse path give); records with their own id are untouched by the insertion.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presssearch.engine import current_generation, read_manifest
from presssearch.engine.store import MANIFEST, META
from presssearch.engine.writer import INDEX_NAME, _storage
from presssearch.indexer import run_update
from presssearch.ingest import RAW_VERSION, Record, iter_records
from presssearch.model import Skipped

_clock = [1_700_000_000_000_000_000]


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` with a fresh modification time (so the file's fingerprint always changes)."""
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    _clock[0] += 1_000_000_000
    os.utime(path, ns=(_clock[0], _clock[0]))


def _line(n: int, own_id: bool = True, extra: str = "") -> dict:
    rec = {"title": f"Заголовок {n}", "source": "Газета", "date": "2020-01-02",
           "text": f"Министр Иван Петров{n} заявил: «Мы сделаем это {n}». Текст {n}{extra}."}
    if own_id:
        rec["id"] = f"a{n}"
    return rec


def _jsonl(records: list, newline: str = "\n", bom: bytes = b"") -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return bom + "".join(line + newline for line in lines).encode("utf-8")


def _update(root: Path, corpus: Path, rebuild: bool = False):
    return run_update(root, [corpus], rebuild=rebuild, progress=None, lock_wait=5, procs=1, min_parallel_bytes=0)


def _contents(root: Path) -> list:
    """The stored fields of every live document, in id order."""
    ix = _storage(current_generation(root)).open_index(INDEX_NAME)
    with ix.reader() as reader:
        docs = [dict(d) for d in reader.all_stored_fields()]
    return sorted((sorted(d.items(), key=lambda kv: kv[0]) for d in docs), key=repr)


def _rewrite_manifest(root: Path, manifest: dict) -> None:
    """Replace the live generation's manifest (and its recorded size)."""
    gen = current_generation(root)
    (gen / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    meta = json.loads((gen / META).read_text(encoding="utf-8"))
    meta["files"][MANIFEST] = (gen / MANIFEST).stat().st_size
    (gen / META).write_text(json.dumps(meta), encoding="utf-8")


def _strip_raw(root: Path) -> None:
    """Make the index look as if written by code that kept no raw-record hashes."""
    manifest = read_manifest(current_generation(root))
    manifest.pop("raw_version", None)
    for entry in manifest["files"].values():
        entry.pop("raw", None)
    _rewrite_manifest(root, manifest)


def _summary(report) -> tuple:
    return (report.added, report.updated, report.removed, report.unchanged, report.quotes, report.files,
            sorted((s.path, s.reason) for s in report.skipped))


def _update_both_ways(tmp_path: Path, root: Path, corpus: Path):
    """Update ``root`` with the raw hashes and a copy of it without them (the full-parse path); both must
    give the same report and index, equal to a fresh rebuild. Returns the report."""
    full = tmp_path / "full"
    shutil.rmtree(full, ignore_errors=True)
    shutil.copytree(root, full)
    _strip_raw(full)
    fast, slow = _update(root, corpus), _update(full, corpus)
    assert _summary(fast) == _summary(slow)
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    _update(fresh, corpus, rebuild=True)
    assert _contents(root) == _contents(full) == _contents(fresh)
    return fast


def test_unchanged_records_are_not_parsed(tmp_path):
    feed = tmp_path / "feed.jsonl"
    _write(feed, _jsonl([_line(1), _line(2, own_id=False), "not json"]))
    first = list(iter_records(str(feed), {}))
    records = [r for r in first if isinstance(r, Record)]
    assert [r.own_id for r in records] == ["a1", ""] and all(r.article is not None for r in records)
    known = {r.raw: r.entry("h" + r.own_id) for r in records}
    _write(feed, _jsonl(["", _line(1), _line(2, own_id=False), _line(3), "not json"]))
    again = list(iter_records(str(feed), known))
    recs = [r for r in again if isinstance(r, Record)]
    assert [(r.id, r.chash, r.article is None) for r in recs[:2]] == [("a1", "ha1", True), (records[1].id[:-2] + "-3", "h", True)]
    assert recs[2].article is not None and recs[2].chash is None  # a new line is parsed
    assert recs[1].load().title == "Заголовок 2" and recs[1].load().id.endswith("-3")
    assert [s.reason for s in again if isinstance(s, Skipped)] == ["line 5: not valid JSON (truncated?)"]


def test_text_files_touched_but_unchanged(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    _write(corpus / "a.md", "# Заголовок\nPublished at: **2020-01-02**\n\nМинистр заявил: «Да».\n".encode())
    _write(corpus / "b.txt", "Просто текст\nи ещё строка".encode("cp1251"))
    root = tmp_path / "ix"
    _update(root, corpus)
    _write(corpus / "a.md", (corpus / "a.md").read_bytes())  # touched
    _write(corpus / "b.txt", "Просто текст\nи другая строка".encode("cp1251"))
    r = _update_both_ways(tmp_path, root, corpus)
    assert (r.unchanged, r.updated, r.added, r.removed) == (1, 1, 0, 0)


def test_inserted_line_renumbers_records_without_ids_only(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    rows = [_line(1), _line(2, own_id=False), _line(3), _line(4, own_id=False)]
    _write(corpus / "feed.jsonl", _jsonl(rows))
    root = tmp_path / "ix"
    _update(root, corpus)
    _write(corpus / "feed.jsonl", _jsonl([_line(0, own_id=False)] + rows))
    r = _update_both_ways(tmp_path, root, corpus)
    # the two id-less records move from lines 2, 4 to 3, 5 (new ids); the new one takes line 1
    assert (r.unchanged, r.updated, r.added, r.removed) == (2, 0, 3, 2)


def test_encodings_gzip_and_bad_records(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    cp = json.dumps(_line(7), ensure_ascii=False).encode("cp1251")
    wide = _jsonl([_line(8), _line(9)]).decode("utf-8")
    bad = ["{", "[1]", '{"id": "x"}', '{"text": ""}']
    _write(corpus / "a.jsonl.gz", _jsonl([_line(1), _line(2, own_id=False)] + bad))
    _write(corpus / "b.jsonl", _jsonl([_line(3), _line(4)], newline="\r\n", bom=codecs.BOM_UTF8))
    _write(corpus / "c.jsonl", _jsonl([_line(5)]) + cp + b"\n")
    _write(corpus / "d.jsonl", codecs.BOM_UTF16_LE + wide.encode("utf-16-le"))
    root = tmp_path / "ix"
    _update(root, corpus)
    _write(corpus / "a.jsonl.gz", _jsonl(bad + [_line(1), _line(2, own_id=False, extra="!")] + bad))
    _write(corpus / "b.jsonl", _jsonl([_line(4), _line(3)], newline="\r\n", bom=codecs.BOM_UTF8))
    _write(corpus / "c.jsonl", cp + b"\n" + _jsonl([_line(5, extra="?")]))
    _write(corpus / "d.jsonl", codecs.BOM_UTF16_LE + (wide + json.dumps(_line(10), ensure_ascii=False)).encode("utf-16-le"))
    r = _update_both_ways(tmp_path, root, corpus)
    assert (r.unchanged, r.updated, r.added, r.removed) == (6, 1, 2, 1)
    assert len(r.skipped) == 8


def test_duplicate_ids_and_articles_moving_between_files(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    _write(corpus / "a.jsonl", _jsonl([_line(1), _line(2), _line(1)]))
    _write(corpus / "b.jsonl", _jsonl([_line(2), _line(3)]))
    root = tmp_path / "ix"
    _update(root, corpus)
    _write(corpus / "a.jsonl", _jsonl([_line(1), _line(4)]))  # a2 now only in b, a4 new
    _write(corpus / "b.jsonl", _jsonl([_line(3), _line(2), _line(4)]))  # a4 duplicate across files
    r = _update_both_ways(tmp_path, root, corpus)
    assert any("duplicate id" in s.reason for s in r.skipped)


def test_older_manifest_and_other_reading_rules_fall_back_to_parsing(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    _write(corpus / "a.jsonl", _jsonl([_line(1), _line(2)]))
    root = tmp_path / "ix"
    _update(root, corpus)
    _strip_raw(root)
    _write(corpus / "a.jsonl", _jsonl([_line(1), _line(2), _line(3)]))
    r = _update(root, corpus)
    assert (r.unchanged, r.added) == (2, 1)
    manifest = read_manifest(current_generation(root))
    assert manifest["raw_version"] == RAW_VERSION and len(manifest["files"][str(corpus / "a.jsonl")]["raw"]) == 3
    manifest["raw_version"] = RAW_VERSION - 1
    for entry in manifest["files"].values():  # hashes kept under other rules would claim wrong hashes
        entry["raw"] = {k: [v[0], "0" * 24] for k, v in entry["raw"].items()}
    _rewrite_manifest(root, manifest)
    _write(corpus / "a.jsonl", _jsonl([_line(1), _line(3)]))
    r = _update(root, corpus)
    assert (r.unchanged, r.removed, r.updated) == (2, 1, 0)


_edits = st.lists(st.tuples(st.sampled_from(["edit", "insert", "delete", "dup"]), st.integers(0, 20),
                            st.booleans()), min_size=1, max_size=5)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=_edits, gz=st.booleans())
def test_any_edits_give_the_index_of_a_rebuild(tmp_path, edits, gz):
    case = tmp_path / f"case{_clock[0]}"
    corpus = case / "c"
    corpus.mkdir(parents=True)
    rows = [_line(n, own_id=n % 3 != 0) for n in range(6)]
    name = "feed.jsonl.gz" if gz else "feed.jsonl"
    _write(corpus / name, _jsonl(rows))
    _write(corpus / "other.jsonl", _jsonl([_line(100), _line(101, own_id=False)]))
    root = case / "ix"
    _update(root, corpus)
    fresh_n = 200
    for what, at, own in edits:
        at %= len(rows) + 1
        if what == "insert" or not rows:
            rows.insert(at, _line(fresh_n, own_id=own))
            fresh_n += 1
        elif what == "edit":
            rows[at % len(rows)] = _line(fresh_n, own_id=own) | ({"id": rows[at % len(rows)]["id"]}
                                                                   if "id" in rows[at % len(rows)] else {})
            fresh_n += 1
        elif what == "delete":
            rows.pop(at % len(rows))
        else:
            rows.insert(at, dict(rows[at % len(rows)]))
    _write(corpus / name, _jsonl(rows))
    _update_both_ways(case, root, corpus)
