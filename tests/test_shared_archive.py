"""Threads sharing one Archive, cached stored documents, fleeting vowels in snippets."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import presssearch
from presssearch.analysis.russian import word_terms
from presssearch.query import highlight as H

WORDS = ["суд", "Москва", "Путин", "санкции", "экономика", "Сирия", "выборы", "нефть"]


def _articles(n: int) -> list[dict]:
    body = ("Суд в Москве рассмотрел дело. Путин обсудил санкции и экономику. "
            "Выборы прошли в Сирии, нефть подорожала. ")
    return [{"id": f"a{i}", "title": f"Статья {i}", "date": "2020-01-02", "source": "test",
             "text": body * (1 + i % 5) + f"Особое слово{i}."} for i in range(n)]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> presssearch.Archive:
    root = tmp_path_factory.mktemp("thr")
    data = root / "data"
    data.mkdir()
    (data / "a.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in _articles(60)),
                                  encoding="utf-8")
    a = presssearch.open_archive(root / "index")
    a.update([data])
    return a


def test_threads_sharing_an_archive_get_the_answers_of_one_thread(archive) -> None:
    queries = WORDS + [f"слово{i}" for i in range(60)] + [f'"{w} {v}"' for w, v in zip(WORDS, WORDS[1:])]
    expected = {q: _answer(archive, q) for q in queries}
    shared = presssearch.open_archive(archive.root)  # fresh caches: the threads meet cold reads
    errors: list[BaseException] = []
    wrong: list[str] = []

    def work(k: int) -> None:
        try:
            for q in queries[k:] + queries[:k]:
                if _answer(shared, q) != expected[q]:
                    wrong.append(q)
        except BaseException as e:  # noqa: BLE001 - collected for the assertion
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k * 9,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and not wrong


def _answer(archive, q: str) -> tuple:
    r = archive.search(q, limit=5)
    return r.total, [(h.id, round(h.score, 9)) for h in r.hits]


def test_changing_a_hit_does_not_change_the_next_search(archive) -> None:
    first = archive.search("суд", limit=1).hits[0]
    article = archive.article(first.id)
    article.tags.append("изменено") if isinstance(article.tags, list) else None
    again = archive.article(first.id)
    assert "изменено" not in (again.tags or [])


@pytest.mark.parametrize("word, query", [("Льва", "Лев"), ("Льву", "Лев"), ("Сирии", "Сирия")])
def test_a_fleeting_vowel_still_marks_the_word(word: str, query: str) -> None:
    from presssearch.query.parse import parse

    text = f"вспоминали {word} Толстого"
    assert f"<b>{word}</b>" in H.mark(text, H.spans(text, H.matcher_for(parse(query))))
    assert H.shares_head(word, H.heads(frozenset(word_terms(word))))
