"""Reading article files: walking folders, encodings, the seed format, JSON Lines, hostile input."""
from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.errors import InputError
from presssearch.ingest import Source, decode_bytes, iter_articles, iter_sources, normalize_date, read_source
from presssearch.ingest.encoding import BINARY, UNKNOWN_ENCODING, DecodeFailure
from presssearch.ingest.ids import path_id, url_id
from presssearch.model import Article, Skipped

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "000_9d904e1d1d708883.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

RUSSIAN = "Президент России провёл встречу с губернаторами. Обсуждались вопросы экономики и образования."


def one_article(path: Path) -> Article:
    articles, skipped = read_source(path)
    assert skipped == []
    assert len(articles) == 1
    return articles[0]


def skipped_reasons(path: Path) -> list[str]:
    articles, skipped = read_source(path)
    assert articles == []
    return [s.reason for s in skipped]


def write_jsonl(path: Path, records: list[object], *, gz: bool = False) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def sources(paths) -> list[Source]:
    return [s for s in iter_sources(paths) if isinstance(s, Source)]


# --- the seed sample, field by field ---------------------------------------------------------


def test_sample_fields():
    a = one_article(SAMPLE)
    assert a.title == "Александр Бурков: «Сотрудничество с Казахстаном для нас имеет ключевое значение»"
    assert a.date == "2019-11-06T11:03:00+00:00"
    assert a.author == "Кирилл Янчицкий"
    assert a.source == "БК55"
    assert a.url == "https://bk55.ru/news/article/159616/"
    assert a.id == "bk55.ru-news-article-159616"
    assert a.path == str(SAMPLE.resolve())
    assert a.lead.startswith("Омский губернатор")
    assert "\n" not in a.lead and a.lead.endswith("Казахстана.")


def test_sample_body_keeps_speaker_lines():
    a = one_article(SAMPLE)
    lines = a.text.split("\n")
    assert lines[0].startswith("Сегодня в первый день работы")
    assert "Александр Бурков:" in lines and "Кайрат Торебаев:" in lines
    after = lines[lines.index("Александр Бурков:") + 1]
    assert after.startswith("— Подписание сегодня соглашений")
    assert all(line == line.strip() and line for line in lines)
    assert a.lead not in a.text


def test_sample_id_is_stable(tmp_path):
    copy = tmp_path / "elsewhere.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    assert one_article(copy).id == one_article(SAMPLE).id  # from the URL, not the path


# --- the seed format's variations ------------------------------------------------------------


def test_seed_without_lead_opening_with_interview(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("# Заголовок\n\nPublished at: **2020-05-04**\n\n        Иван Петров:\n      \n— Ответ.\nЕщё.\n")
    a = one_article(p)
    assert (a.title, a.lead, a.date) == ("Заголовок", "", "2020-05-04")
    assert a.text == "Иван Петров:\n— Ответ.\nЕщё."


def test_seed_impossible_date_keeps_article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("# Заголовок\nPublished at: **2020-02-31T10:00:00+03:00**\n\n        Лид.\nТело.\n")
    a = one_article(p)
    assert a.date is None and a.lead == "Лид." and a.text == "Тело."


def test_seed_partial_date_and_missing_fields(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("Published at: **2010-05**\n\n        Лид.\nТело.\n")
    a = one_article(p)
    assert (a.title, a.date, a.author, a.source, a.url) == ("", "2010-05", None, None, None)
    assert a.id == path_id(str(p.resolve()))
    assert a.id.startswith("notes-")


def test_seed_plain_url_header(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("# T\nOriginal: https://www.example.com/a/b?id=5\n\nТело.\n")
    a = one_article(p)
    assert a.url == "https://www.example.com/a/b?id=5" and a.id == "example.com-a-b-id-5"


def test_plain_text_article(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("\n\n## Морозы в Сибири  \n\nПервый абзац.\n\n   Второй абзац.\n")
    a = one_article(p)
    assert (a.title, a.text, a.lead, a.date) == ("Морозы в Сибири", "Первый абзац.\nВторой абзац.", "", None)


def test_plain_long_first_line_stays_in_body(tmp_path):
    p = tmp_path / "a.txt"
    first = "Слово " * 80
    p.write_text(first + "\nвторая строка")
    a = one_article(p)
    assert len(a.title) <= 200 and a.title.endswith("…")
    assert a.text == first.strip() + "\nвторая строка"


# --- encodings -------------------------------------------------------------------------------


def test_cp1251_file():
    a = one_article(FIXTURES / "cp1251_seed.txt")
    assert a.title == "Губернатор открыл новую школу"
    assert (a.author, a.source, a.date) == ("Мария Иванова", "Омск Онлайн", "2021-09-01T09:30:00+06:00")
    assert a.lead.startswith("Новая школа на тысячу мест")
    assert a.text.split("\n")[1:] == ["Александр Бурков:", "— Это важный день для всего города."]


def test_koi8r_file():
    a = one_article(FIXTURES / "koi8r_plain.txt")
    assert a.title == "Морозы в Сибири"
    assert a.text.startswith("Синоптики обещают")


def test_utf16_file_with_bom():
    a = one_article(FIXTURES / "utf16_seed.txt")
    assert a.title == "Губернатор открыл новую школу" and "Александр Бурков:" in a.text


def test_utf8_bom_and_crlf():
    a = one_article(FIXTURES / "utf8_bom_crlf.md")
    assert a.title == "Губернатор открыл новую школу"
    assert "\r" not in a.text + a.lead + a.title and "\ufeff" not in a.title


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1251", "koi8_r"])
def test_decode_round_trip(codec):
    data = RUSSIAN.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_bytes(data) == RUSSIAN


def test_decode_normalises_line_breaks_and_controls():
    assert decode_bytes(b"a\r\nb\rc\nd\x07e\xef\xbb\xbff") == "a\nb\nc\ndef"
    assert decode_bytes("x\u2028y\x0cz".encode()) == "x\ny\nz"


def test_decode_refuses_mojibake():
    with pytest.raises(DecodeFailure, match="cannot tell the text encoding"):
        decode_bytes("Müller grüßt aus München, schöne Grüße".encode("latin-1"))


def test_decode_binary():
    with pytest.raises(DecodeFailure, match=BINARY):
        decode_bytes(bytes(range(256)) * 4)


def test_random_bytes_after_a_utf16_bom_are_no_text(tmp_path):
    with pytest.raises(DecodeFailure, match="not UTF-16 text"):
        decode_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "bin.md").write_bytes(b"\xff\xfe\x00garbage")
    assert skipped_reasons(tmp_path / "bin.md") == [
        "not UTF-16 text: the bytes after its byte-order mark read as no language"]


def test_bomless_utf16_of_text_is_read():
    assert decode_bytes(RUSSIAN.encode("utf-16-le")) == RUSSIAN


# --- unreadable text files -------------------------------------------------------------------


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "b.md").write_bytes(b"  \n\t\n")
    (tmp_path / "e.jsonl").write_bytes(b"\n\n")
    (tmp_path / "e.jsonl.gz").write_bytes(gzip.compress(b""))
    for name in ["e.txt", "b.md", "e.jsonl", "e.jsonl.gz"]:
        assert skipped_reasons(tmp_path / name) == ["empty file"]


def test_binary_files(tmp_path):
    blob = bytes(range(256)) * 40
    (tmp_path / "x.txt").write_bytes(blob)
    (tmp_path / "x.jsonl").write_bytes(blob)
    (tmp_path / "x.jsonl.gz").write_bytes(gzip.compress(blob))
    for name in ["x.txt", "x.jsonl", "x.jsonl.gz"]:
        assert skipped_reasons(tmp_path / name) == [BINARY]


def test_undecodable_text_file(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes("Grüße aus München".encode("latin-1"))
    assert skipped_reasons(p) == [UNKNOWN_ENCODING]


def test_text_file_too_large_for_one_article(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as out:
        out.write(("Заголовок\n" + "текст " * 1000 + "\n").encode() * 2000)  # ~23 MB
    (reason,) = skipped_reasons(p)
    assert reason.startswith("too large for one article")


def test_file_gone_or_unreadable(tmp_path):
    p = tmp_path / "gone.txt"
    assert skipped_reasons(p)[0].startswith("cannot read")
    assert skipped_reasons(tmp_path / "gone.jsonl")[0].startswith("file not found")


# --- JSON Lines ------------------------------------------------------------------------------

RECORD = {
    "id": "rec-1",
    "source": "Meduza",
    "url": "https://meduza.io/x",
    "title": "  Заголовок\r\nв две строки ",
    "date": "2016-11-07",
    "author": "Иван Голунов",
    "lead": "Лид.",
    "text": "Первый абзац.\r\nВторой абзац.\rТретий.",
    "tags": ["экономика", "", 5, None, " Москва "],
}


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_record(tmp_path, gz):
    p = write_jsonl(tmp_path / ("a.jsonl.gz" if gz else "a.jsonl"), [RECORD])
    if gz:
        p = write_jsonl(p, [RECORD], gz=True)
    a = one_article(p)
    assert a.id == "rec-1" and a.source == "Meduza" and a.url == "https://meduza.io/x"
    assert a.title == "Заголовок в две строки"
    assert a.text == "Первый абзац.\nВторой абзац.\nТретий."
    assert (a.date, a.author, a.lead) == ("2016-11-07", "Иван Голунов", "Лид.")
    assert a.tags == ("экономика", "5", "Москва")
    assert a.path == str(p.resolve())


def test_jsonl_nulls_and_missing_fields(tmp_path):
    p = write_jsonl(tmp_path / "feed.jsonl", [{"text": "Т", "title": None, "date": None, "tags": None}, {"text": "У"}])
    a, b = read_source(p)[0]
    assert (a.title, a.lead, a.date, a.author, a.source, a.url, a.tags) == ("", "", None, None, None, None, ())
    assert a.id == path_id(str(p.resolve()), 1) and b.id == path_id(str(p.resolve()), 2)
    assert a.id.startswith("feed-") and a.id.endswith("-1") and a.id != b.id
    assert read_source(p)[0][0].id == a.id  # stable


def test_jsonl_dates(tmp_path):
    dates = ["2010", "2020-02-31", "2016-12-20T14:37:10Z", "2016-12-20T05:16:13+0300", "вчера", 2011]
    p = write_jsonl(tmp_path / "d.jsonl", [{"id": str(i), "text": "т", "date": d} for i, d in enumerate(dates)])
    got = [a.date for a in read_source(p)[0]]
    assert got == ["2010", None, "2016-12-20T14:37:10+00:00", "2016-12-20T05:16:13+03:00", None, "2011"]


def test_jsonl_bad_lines_are_skipped_one_by_one(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "один"}),
        "",
        '{"id": "b", "text": "обрыв',  # truncated
        "[1, 2]",
        json.dumps({"id": "c", "title": "без текста"}),
        json.dumps({"id": "d", "text": None, "title": "T"}),
        json.dumps({"id": "e", "text": 5}),
        "[" * 100_000 + "]" * 100_000,  # nested deeper than any parser allows
        json.dumps({"id": "f", "text": ""}),
        json.dumps({"id": "g", "text": "два"}),
    ]
    p = tmp_path / "bad.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, skipped = read_source(p)
    assert [a.id for a in articles] == ["a", "g"]
    assert [s.reason for s in skipped] == [
        "line 3: not valid JSON (truncated?)",
        "line 4: not a JSON object (found a list)",
        'line 5: no "text" field; record skipped',
        'line 6: "text" is null; record skipped',
        'line 7: "text" is a number, not a string; record skipped',
        "line 8: JSON nested too deeply",
        "line 9: empty record (no text, title or lead); record skipped",
    ]
    assert {s.path for s in skipped} == {str(p.resolve())}


def test_jsonl_title_only_record_is_kept(tmp_path):
    a = one_article(write_jsonl(tmp_path / "t.jsonl", [{"id": "x", "text": "", "title": "Только заголовок"}]))
    assert (a.title, a.text) == ("Только заголовок", "")


def test_jsonl_utf8_bom_utf16_and_cp1251_lines(tmp_path):
    rec = json.dumps({"id": "r", "text": RUSSIAN}, ensure_ascii=False) + "\n"
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + rec.encode())
    (tmp_path / "u16.jsonl").write_bytes((rec * 2).encode("utf-16"))
    (tmp_path / "cp.jsonl").write_bytes(rec.encode("cp1251"))
    for name, count in [("bom.jsonl", 1), ("u16.jsonl", 2), ("cp.jsonl", 1)]:
        articles, skipped = read_source(tmp_path / name)
        assert skipped == [] and [a.text for a in articles] == [RUSSIAN] * count


def test_jsonl_undecodable_line(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_bytes(b'{"id": "a", "text": "ok"}\n' + '{"text": "Grüße"}\n'.encode("latin-1"))
    articles, skipped = read_source(p)
    assert [a.id for a in articles] == ["a"]
    assert [s.reason for s in skipped] == ["line 2: not UTF-8 text; record skipped"]


def test_truncated_gzip_keeps_lines_before_the_damage(tmp_path):
    records = [{"id": f"n{i}", "text": f"текст номер {i} " * 20} for i in range(3000)]
    whole = write_jsonl(tmp_path / "whole.jsonl.gz", records, gz=True).read_bytes()
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(whole[: len(whole) // 2])
    articles, skipped = read_source(p)
    assert 0 < len(articles) < 3000
    assert [a.id for a in articles] == [f"n{i}" for i in range(len(articles))]
    assert len(skipped) == 1
    assert skipped[0].reason.startswith("compressed data ends early (truncated file?)")
    assert f"kept the {len(articles)} articles" in skipped[0].reason


def test_not_gzip_at_all(tmp_path):
    p = tmp_path / "x.jsonl.gz"
    p.write_bytes(b'{"id": "a", "text": "plain"}\n')
    assert skipped_reasons(p) == ["not gzip data"]


def test_damaged_gzip_does_not_flood_the_report(tmp_path):
    records = [{"id": f"n{i}", "text": "текст " * 50} for i in range(2000)]
    whole = write_jsonl(tmp_path / "w.jsonl.gz", records, gz=True).read_bytes()
    p = tmp_path / "bad.jsonl.gz"
    p.write_bytes(whole[:200] + b"\xff" * 50 + whole[250:])
    articles, skipped = read_source(p)
    assert len(skipped) <= 22
    assert all(a.text.startswith("текст") for a in articles)


def test_line_over_10_mb_is_skipped_without_loading_the_file(tmp_path):
    p = tmp_path / "big.jsonl"
    with p.open("wb") as out:
        out.write(b'{"id": "a", "text": "before"}\n')
        out.write(b'{"id": "huge", "text": "' + b"x" * (12 * 1024 * 1024) + b'"}\n')
        for i in range(2000):
            out.write(json.dumps({"id": f"after{i}", "text": "y" * 5000}).encode() + b"\n")
    tracemalloc.start()
    try:
        items = [(type(x).__name__, x.id if isinstance(x, Article) else x.reason) for x in iter_articles(p)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert items[0] == ("Article", "a")
    assert items[1] == ("Skipped", "line 2: longer than 10 MB; record skipped")
    assert len(items) == 2002
    assert peak < 30 * 1024 * 1024  # ~22 MB of file, never all in memory at once


# --- walking folders -------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "b.txt").write_text("B\nbody")
    (root / "a.md").write_text("A\nbody")
    (root / "README.md").write_text("# About this folder")
    (root / "Sources.md").write_text("# Where the data came from")
    (root / ".hidden.txt").write_text("x")
    (root / ".git").mkdir()
    (root / ".git" / "c.txt").write_text("x")
    (root / "photo.jpg").write_bytes(b"\xff\xd8")
    (root / "sub" / "c.jsonl").write_text('{"text": "c"}\n')
    (root / "sub" / "deeper" / "d.jsonl.gz").write_bytes(gzip.compress(b'{"text": "d"}\n'))
    (root / "sub" / "E.TXT").write_text("E\nbody")


def test_walk_finds_supported_files_sorted(tmp_path):
    make_tree(tmp_path)
    got = [Path(s.path).relative_to(tmp_path.resolve()).as_posix() for s in sources([tmp_path])]
    assert got == ["a.md", "b.txt", "sub/E.TXT", "sub/c.jsonl", "sub/deeper/d.jsonl.gz"]


def test_source_fields(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("A\nbody")
    (s,) = sources([p])
    st_ = os.stat(p)
    assert (s.path, s.size, s.mtime_ns) == (str(p.resolve()), st_.st_size, st_.st_mtime_ns)
    assert s.fingerprint == f"{st_.st_size}:{st_.st_mtime_ns}"
    with pytest.raises(AttributeError):
        s.size = 5  # type: ignore[misc]


def test_walk_accepts_one_path_and_strings(tmp_path):
    make_tree(tmp_path)
    assert sources(str(tmp_path)) == sources([tmp_path])


def test_explicit_files(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "x.json.gz").write_bytes(b"")
    items = list(iter_sources([tmp_path / "README.md", tmp_path / "photo.jpg", tmp_path / "x.json.gz"]))
    assert isinstance(items[0], Source)  # given explicitly: read even if it is a README
    assert items[1] == Skipped(
        str((tmp_path / "photo.jpg").resolve()),
        "unsupported file type (.jpg); presssearch reads .txt, .md, .jsonl, .jsonl.gz",
    )
    assert isinstance(items[2], Skipped) and items[2].reason.startswith("unsupported file type (.json.gz)")


def test_missing_path_raises_input_error(tmp_path):
    make_tree(tmp_path)
    with pytest.raises(InputError) as info:
        next(iter_sources([tmp_path, tmp_path / "nope"]))  # checked before anything is yielded
    assert "nope" in str(info.value) and info.value.hint


def test_symlinked_folder_is_followed(tmp_path):
    real = tmp_path / "real"
    make_tree(real)
    data = tmp_path / "data"
    data.mkdir()
    (data / "link").symlink_to(real, target_is_directory=True)
    got = sources([data])
    assert len(got) == 5 and all(s.path.startswith(str(real.resolve())) for s in got)


def test_symlink_cycle_and_duplicates_are_read_once(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "deeper" / "up").symlink_to(tmp_path / "sub", target_is_directory=True)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "b.txt")
    got = [s.path for s in sources([tmp_path, tmp_path / "sub", tmp_path / "b.txt"])]
    assert len(got) == len(set(got)) == 5


def test_broken_link_and_fifo_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    items = list(iter_sources([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Source", "Skipped", "Skipped"]
    assert [i.reason for i in items[1:]] == ["broken symbolic link", "not a regular file"]


def test_every_source_reads_without_raising(tmp_path):
    make_tree(tmp_path)
    for s in sources([tmp_path]):
        articles, skipped = read_source(s)
        assert len(articles) == 1 and skipped == []


# --- invariants ------------------------------------------------------------------------------


@given(st.one_of(st.text(max_size=40), st.integers(), st.none(), st.booleans(), st.floats()))
def test_normalize_date_never_raises(value):
    result = normalize_date(value)
    assert result is None or (isinstance(result, str) and normalize_date(result) == result)


@given(st.from_regex(r"\d{4}(-\d{1,2}(-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?)?)?)?", fullmatch=True))
def test_normalize_date_on_date_like_text(value):
    result = normalize_date(value)
    assert result is None or result[:4] == value[:4]


@pytest.mark.parametrize(
    ("given_", "expected"),
    [
        ("2019-11-06T11:03:00+00:00", "2019-11-06T11:03:00+00:00"),
        ("2019-11-06 11:03", "2019-11-06T11:03"),
        ("2019-11-06", "2019-11-06"),
        ("2019-11", "2019-11"),
        ("2019", "2019"),
        ("06.11.2019", "2019-11-06"),
        (" 2019-1-6 ", "2019-01-06"),
        ("2020-02-29", "2020-02-29"),
        ("2019-02-29", None),
        ("2020-02-31", None),
        ("2019-13", None),
        ("2019-11-06T24:00", None),
        ("0000", None),
        ("вчера", None),
        ("", None),
    ],
)
def test_normalize_date_examples(given_, expected):
    assert normalize_date(given_) == expected


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ".jsonl", ".jsonl.gz"]))
def test_read_source_never_raises(tmp_path_factory, data, suffix):
    p = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    p.write_bytes(data)
    articles, skipped = read_source(p)
    assert articles or skipped
    for a in articles:
        assert "\r" not in a.text and "\x00" not in a.text and a.id


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={k: JSON_VALUES | st.text(max_size=40) for k in ("id", "title", "date", "author", "lead", "text", "tags")},
)


@settings(max_examples=150, deadline=None)
@given(records=st.lists(RECORDS | JSON_VALUES, max_size=6))
def test_jsonl_any_values_never_raise(tmp_path_factory, records):
    p = write_jsonl(tmp_path_factory.mktemp("fuzz") / "f.jsonl", records)
    articles, skipped = read_source(p)
    assert len(articles) + len(skipped) == max(len(records), 1)
    for a in articles:
        assert isinstance(a.text, str) and isinstance(a.title, str) and a.id
        assert all(isinstance(t, str) and t for t in a.tags)


SEED_LINES = st.sampled_from(
    ["# Заголовок", "Published at: **2019**", "Author: ** **", "Original: [](x)",
     "        Имя Фамилия:", "      ", "", "— Ответ.", "Текст.", "        Лид."]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(SEED_LINES | st.text(), max_size=12))
def test_text_files_never_raise(tmp_path_factory, lines):
    p = tmp_path_factory.mktemp("fuzz") / "f.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    articles, skipped = read_source(p)
    assert len(articles) + len(skipped) == 1
    for a in articles:
        assert a.text == "\n".join(line.strip() for line in a.text.split("\n") if line.strip())


@given(st.text(max_size=200))
def test_url_ids_are_short_and_stable(url):
    got = url_id(url)
    assert got is None or (0 < len(got) <= 80 and got == url_id(url) and " " not in got)


# --- the shared corpus -----------------------------------------------------------------------


@pytest.mark.corpus
def test_corpus_every_record_is_read():
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not here (the shared corpus is optional)")
    found = list(iter_sources([CORPUS]))
    files = [s for s in found if isinstance(s, Source)]
    assert [Path(s.path).name for s in files] == sorted(p.name for p in CORPUS.glob("*.jsonl.gz"))
    total = lines = 0
    ids: set[str] = set()
    for s in files:
        articles, skipped = read_source(s)
        assert skipped == [], skipped[:3]
        total += len(articles)
        ids.update(a.id for a in articles)
        with gzip.open(s.path, "rb") as f:
            lines += sum(1 for _ in f)
    assert total == lines == len(ids)
