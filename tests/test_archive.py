"""The library API end to end on a real on-disk index: update, search, facets, incremental runs."""
from __future__ import annotations

import gzip
import json
import os
import shutil

import pytest

import presssearch
from presssearch.errors import IndexMissing, NotFound, QueryError

from .conftest import DATA, SAMPLE

BK55 = "Александр Бурков: «Сотрудничество с Казахстаном для нас имеет ключевое значение»"


@pytest.mark.parametrize("query", ["сотрудничество с Казахстаном", "Казахстана", "сотрудничеству", "МГИМО",
                                   "казахстаном", "Омск", "вице-министр", "министр торговли"])
def test_morphology_finds_the_sample(archive, query):
    res = archive.search(query, limit=20)
    assert BK55 in [h.title for h in res], query


def test_top_hit_and_fields(archive):
    res = archive.search("сотрудничество с Казахстаном", limit=3)
    top = res[0]
    assert top.title == BK55
    assert top.source == "БК55"
    assert top.date == "2019-11-06T11:03:00+00:00"
    assert top.kind == "article"
    assert "<b>" in top.snippet


def test_article_round_trip(archive):
    hit = archive.search("МГИМО")[0]
    a = archive.article(hit.id)
    assert a.title == BK55
    assert a.author == "Кирилл Янчицкий"
    assert a.url == "https://bk55.ru/news/article/159616/"
    assert a.lead.startswith("Омский губернатор")
    for q in a.quotes:
        assert a.text[q.start:q.end] == q.text


def test_meduza_bundled(archive):
    assert archive.search("липы").total >= 1
    st = archive.stats()
    assert st["articles"] == 101
    assert dict(st["sources"])["Meduza"] == 100


def test_ё_folding(archive):
    assert archive.search("партнёр").total == archive.search("партнер").total >= 1


def test_missing_article(archive):
    with pytest.raises(NotFound):
        archive.article("no-such-id")


def test_search_without_index(tmp_path):
    with pytest.raises(IndexMissing):
        presssearch.open_archive(tmp_path / "nothing").search("x")


def test_bad_query_is_a_query_error(archive):
    with pytest.raises(QueryError) as e:
        archive.search("(Казахстан")
    assert e.value.hint


def test_filters_and_facets(archive):
    res = archive.search("", facets=["source", "date"], limit=0)
    assert res.total == 101
    assert dict(res.facets["source"]) == {"Meduza": 100, "БК55": 1}
    assert sum(c for _, c in res.facets["date"]) == 101
    only = archive.search("", source="БК55", limit=5)
    assert only.total == 1
    dated = archive.search("", date_from="2019-11-01", date_to="2019-11-30")
    assert BK55 in [h.title for h in dated]


def _write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def test_incremental_updates(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLE, docs / SAMPLE.name)
    recs = [{"id": f"n{i}", "title": f"Новость {i}", "text": f"Губернатор открыл мост номер {i}.", "date": "2020-01-0%d" % (i + 1)}
            for i in range(3)]
    _write_jsonl(docs / "news.jsonl", recs)
    a = presssearch.open_archive(tmp_path / "ix")
    r1 = a.update([docs])
    assert (r1.added, r1.updated, r1.removed) == (4, 0, 0)
    r2 = a.update([docs])
    assert not r2.changed and r2.unchanged == 4
    recs[1]["text"] = "Губернатор закрыл тоннель."
    _write_jsonl(docs / "news.jsonl", recs[:2])
    os.utime(docs / "news.jsonl", ns=(1, 1))  # a different fingerprint even within the same second
    r3 = a.update([docs])
    assert (r3.added, r3.updated, r3.removed, r3.unchanged) == (0, 1, 1, 2)
    assert a.search("тоннель").total == 1
    assert a.search("мост").total == 1
    (docs / SAMPLE.name).unlink()
    r4 = a.update([docs])
    assert r4.removed == 1
    assert a.search("МГИМО").total == 0
    r5 = a.rebuild([docs])
    assert r5.added == 2 and a.search("").total == 2


def test_bad_inputs_cost_nothing_else(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLE, docs / SAMPLE.name)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (docs / "cp1251.txt").write_bytes("# Заголовок в cp1251\n\nТекст статьи о выборах в Госдуму.".encode("cp1251"))
    (docs / "broken.jsonl").write_text('{"id": "ok1", "text": "Целая строка про выборы"}\n{"id": "bad", "text": "обор',
                                       encoding="utf-8")
    (docs / "odd.jsonl").write_text(json.dumps({"id": "odd", "text": "Статья без заголовка", "date": "2020-02-31"},
                                               ensure_ascii=False) + "\n", encoding="utf-8")
    with gzip.open(docs / "z.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "gz1", "text": "Архивная заметка", "date": "2010"}, ensure_ascii=False) + "\n")
    a = presssearch.open_archive(tmp_path / "ix")
    r = a.update([docs])
    assert r.added == 5  # sample, cp1251, ok1, odd, gz1
    reasons = " | ".join(s.reason for s in r.skipped)
    assert len(r.skipped) == 3, reasons
    assert a.search("выборы").total == 2
    assert a.article("odd").date is None
    assert a.article("gz1").date == "2010"
    assert a.search("", date_from="2010", date_to="2010").total == 1


def test_an_article_moved_to_another_file_is_kept(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    rec = {"id": "m1", "title": "Переезд", "text": "Статья о переезде редакции."}
    _write_jsonl(docs / "b.jsonl", [rec, {"id": "m2", "text": "Вторая статья."}])
    a = presssearch.open_archive(tmp_path / "ix")
    a.update([docs])
    _write_jsonl(docs / "b.jsonl", [{"id": "m2", "text": "Вторая статья."}])
    _write_jsonl(docs / "a.jsonl", [rec])  # read before b.jsonl
    r = a.update([docs])
    assert r.removed == 0 and not r.skipped
    assert a.article("m1").title == "Переезд"
    assert a.search("переезд").total == 1
