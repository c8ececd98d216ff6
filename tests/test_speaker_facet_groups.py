"""The speaker facet shows one name per person across articles: spellings with ё and е, and a name with a
patronymic or middle name beside the same name without it, count as one person; two patronymics stay two
people. Checked on a real index built from made-up articles."""
from __future__ import annotations

import numpy as np
import pytest

from presssearch.engine.facets import MultiColumn, _count_groups, speaker_groups

from .test_search import _index


def _article(n: int, said: str) -> dict:
    return {"id": f"a{n}", "title": f"Новость {n}", "date": "2019-11-06", "source": "Тест",
            "text": f"«Мы обсудили газ и договорились о следующих шагах», — {said}.\n"}


ARTICLES = [
    *(_article(n, "заявил Пётр Порошенко") for n in range(3)),
    *(_article(n, "заявил Петр Порошенко") for n in range(3, 5)),
    *(_article(n, "заявил Дмитрий Медведев") for n in range(5, 8)),
    _article(8, "заявил Дмитрий Анатольевич Медведев"),
    _article(9, "заявил Леонид Слуцкий"),
    _article(10, "заявил Леонид Эдуардович Слуцкий"),
    _article(11, "заявил Леонид Викторович Слуцкий"),
    _article(12, "говорится в заявлении МИД России"),
    _article(13, "говорится в заявлении МИД РФ"),
    _article(14, "заявили в Министерстве иностранных дел России"),
    _article(15, "говорится в заявлении МИД России"),
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    with _index(tmp_path_factory.mktemp("groups"), ARTICLES) as a:
        yield a


def test_one_name_per_person_in_the_speaker_facet(archive):
    assert [q.speaker for q in archive.quotes("договорились", limit=20)].count("Петр Порошенко") == 2
    assert dict(archive.speakers(limit=0)) == {
        "Пётр Порошенко": 5,  # ё and е: one person, shown as most documents write him
        "Дмитрий Медведев": 4,  # with and without the patronymic
        "Леонид Слуцкий": 1, "Леонид Эдуардович Слуцкий": 1, "Леонид Викторович Слуцкий": 1,  # two patronymics
        "МИД России": 4,  # a body's long and short names, shown by the most frequent
    }


def test_article_facet_counts_each_article_once(archive):
    res = archive.search("договорились", facets=["speaker"], limit=0)
    assert dict(res.facets["speaker"])["Пётр Порошенко"] == 5


def test_an_article_naming_one_person_two_ways_counts_once():
    sp = MultiColumn(np.array([0, 2, 3]), np.array([0, 1, 0], dtype=np.int32), ["Пётр Порошенко", "Петр Порошенко"])
    groups = speaker_groups(sp)
    assert groups.shown == ["Пётр Порошенко"] and groups.group.tolist() == [0, 0]
    assert _count_groups(groups.group[sp.indices], np.array([2, 1]), groups.merged).tolist() == [2]


@pytest.mark.parametrize("names", [
    ["Европейский союз", "Европейский вещательный союз"],  # lowercase words: no person's name
    ["Служба Украины", "Служба безопасности Украины"],
    ["Иван Петров", "Иван Сергеевич Петров", "Иван Игоревич Петров"],
])
def test_names_that_are_not_one_person_stay_apart(names):
    sp = MultiColumn(np.arange(len(names) + 1), np.arange(len(names), dtype=np.int32), names)
    assert speaker_groups(sp).shown == names


@pytest.mark.parametrize("name, total", [("Петр Порошенко", 5), ("Пётр Порошенко", 5),
                                         ("Дмитрий Анатольевич Медведев", 4), ("Леонид Викторович Слуцкий", 1)])
def test_a_facet_entry_selects_all_its_spellings(archive, name, total):
    assert archive.quotes("", speaker=name, limit=0).total == total


def test_saving_groups_bodies_even_after_counting(tmp_path):
    from presssearch.archive import body_key
    from presssearch.engine.facets import Column, FacetTable

    names = ["МИД РФ", "МИД России", "Министерство иностранных дел России"]
    sp = MultiColumn(np.arange(4), np.arange(3, dtype=np.int32), names)
    cols = {c: Column(np.zeros(3, dtype=np.int32), [""]) for c in ("kind", "source", "author", "date", "utc")}
    table = FacetTable(cols, sp)
    assert len(table.count("speaker", np.arange(3))) == 3  # (grouped without bodies, and cached)
    table.save(tmp_path / "f.npz", body_key)
    assert FacetTable.load(tmp_path / "f.npz").count("speaker", np.arange(3)) == [("МИД РФ", 3)]
