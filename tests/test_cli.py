"""The command line, run in-process with click's CliRunner against real indexes."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
from click.testing import CliRunner

import presssearch
from presssearch.cli.main import cli

from .conftest import ROOT, SAMPLE

BK55 = "bk55.ru-news-article-159616"
TITLE = "Александр Бурков: «Сотрудничество с Казахстаном для нас имеет ключевое значение»"


@pytest.fixture
def run(bundled_index):
    """presssearch ARGS... against the bundled index; returns the click Result."""
    def invoke(*args, index=bundled_index):
        return CliRunner().invoke(cli, [*args, "--index", str(index)], catch_exceptions=False)
    return invoke


def _no_escapes(text: str) -> None:
    assert "\\u04" not in text and "\x1b[" not in text


# --- index ------------------------------------------------------------------------------------------

def test_index_then_nothing_changed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLE, docs / SAMPLE.name)
    ix = tmp_path / "ix"
    runner = CliRunner()
    first = runner.invoke(cli, ["index", str(docs), "--index", str(ix)])
    assert first.exit_code == 0, first.output
    quotes = presssearch.open_archive(ix).stats()["quotes"]
    lines = first.stdout.splitlines()
    assert re.fullmatch(rf"Indexed into {re.escape(str(ix))}: 1 added, 0 updated, 0 removed, 0 unchanged, "
                        rf"0 skipped; {quotes} quotes; \d+\.\d s\.", lines[0]), lines[0]
    assert lines[1] == 'Next: presssearch search "ваш запрос"'
    again = runner.invoke(cli, ["index", str(docs), "--index", str(ix)])
    assert again.exit_code == 0
    assert re.fullmatch(rf"Nothing changed: 1 articles from these files already indexed in {re.escape(str(ix))} \(\d+\.\d s\)\.",
                        again.stdout.splitlines()[0])


def test_index_skipped_input_exits_1(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SAMPLE, docs / SAMPLE.name)
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 10)
    res = CliRunner().invoke(cli, ["index", str(docs), "--index", str(tmp_path / "ix")])
    assert res.exit_code == 1
    assert "1 added" in res.stdout and "1 skipped" in res.stdout
    assert re.search(r"skipped: .*binary\.txt: ", res.stderr)
    assert "Traceback" not in res.output


# --- search -------------------------------------------------------------------------------------------

def test_search_human(run):
    res = run("search", "МГИМО", "-n", "1", "--facets", "source")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0] == "3 articles match 'МГИМО' (showing 1)."
    assert lines[2] == f"1. {TITLE}"
    assert lines[3] == f"   БК55 · 2019-11-06 11:03 UTC · id {BK55}"
    assert "МГИМО" in lines[4] and "<b>" not in res.stdout
    assert lines[-3:] == ["source:", "       2  Meduza", "       1  БК55"]
    _no_escapes(res.stdout)


def test_search_json(run):
    res = run("search", "МГИМО", "--json", "--facets", "date,source", "--date-facet", "year")
    assert res.exit_code == 0
    _no_escapes(res.stdout)
    assert "Бурков" in res.stdout
    data = json.loads(res.stdout)
    assert data["total"] == 3
    assert [h["id"] for h in data["hits"]][0] == BK55
    assert data["hits"][0]["title"] == TITLE and "<b>МГИМО</b>" in data["hits"][0]["snippet"]
    assert data["facets"]["source"] == [{"value": "Meduza", "count": 2}, {"value": "БК55", "count": 1}]
    assert data["facets"]["date"] == [{"value": "2016", "count": 1}, {"value": "2017", "count": 1},
                                      {"value": "2019", "count": 1}]


def test_search_jsonl_and_csv(run):
    jl = run("search", "Казахстан", "--jsonl")
    rows = [json.loads(line) for line in jl.stdout.splitlines()]
    assert len(rows) == 4 and rows[0]["id"] == BK55
    _no_escapes(jl.stdout)
    cs = run("search", "Казахстан", "--csv")
    table = list(csv.DictReader(io.StringIO(cs.stdout)))
    assert [r["id"] for r in table] == [r["id"] for r in rows]
    assert table[0]["title"] == TITLE and table[0]["source"] == "БК55"
    assert "<b>" not in cs.stdout


def test_search_explain(run):
    res = run("search", "Бурков", "--explain", "--json")
    hit = json.loads(res.stdout)["hits"][0]
    assert sum(hit["explain"].values()) == pytest.approx(hit["score"], abs=1e-3)
    human = run("search", "Бурков", "--explain")
    assert re.search(r"score \d+\.\d{3} = title \d+\.\d{3} \+ lead \d+\.\d{3} \+ body \d+\.\d{3}", human.stdout)


def test_sort_option(run):
    res = run("search", "Мединский", "--sort", "-date", "--jsonl")
    dates = [json.loads(line)["date"] for line in res.stdout.splitlines()]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5


@pytest.mark.parametrize("query, options", [
    ("source:БК55", ["--source", "БК55"]),
    ('author:"Иван Голунов" Москва', ["--author", "Иван Голунов", "Москва"]),
    ("speaker:Буркова", ["--speaker", "Буркова"]),
    ("Собянин date:[2018-01 TO 2018-06]", ["Собянин", "--from", "2018-01", "--to", "2018-06"]),
])
def test_options_equal_fields(run, query, options):
    a = json.loads(run("search", query, "--json").stdout)["total"]
    b = json.loads(run("search", *options, "--json").stdout)["total"]
    assert a == b > 0


def test_quotes_formats(run):
    res = run("quotes", "Казахстан", "--speaker", "Бурков", "--json")
    data = json.loads(res.stdout)
    assert data["total"] >= 1
    assert {h["speaker"] for h in data["hits"]} == {"Александр Бурков"}
    assert all(h["kind"] == "quote" and h["article_id"] == BK55 for h in data["hits"])
    cs = run("quotes", "Казахстан", "--speaker", "Бурков", "--csv")
    assert next(csv.DictReader(io.StringIO(cs.stdout)))["speaker"] == "Александр Бурков"
    human = run("quotes", "Казахстан", "--speaker", "Бурков", "-n", "1")
    assert human.stdout.splitlines()[2] == "1. Александр Бурков, губернатор Омской области"
    assert f"   article: presssearch show {BK55}" in human.stdout


def test_colour_only_on_a_terminal(archive):
    from presssearch.cli.output import emit_results

    results = archive.search("МГИМО", limit=1)
    runner = CliRunner()
    with runner.isolation(color=True) as (out, _err, *_):
        emit_results(results, "human", colour=True)
    coloured = out.getvalue().decode()
    assert "\x1b[" in coloured and "<b>" not in coloured
    plain = CliRunner().invoke(cli, ["search", "МГИМО", "--index", str(archive.root)]).stdout
    assert "\x1b[" not in plain and "<b>" not in plain and "МГИМО" in plain


def test_did_you_mean(run):
    res = run("search", "Казахстн")
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0] == "No articles match 'Казахстн'."
    assert re.match(r"Did you mean: .*казахстан", res.stdout.splitlines()[1])


# --- show, stats, speakers, timeline -----------------------------------------------------------------

def test_show_human(run):
    res = run("show", BK55)
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[:3] == [TITLE, "БК55 · 2019-11-06 11:03 UTC · Кирилл Янчицкий", "https://bk55.ru/news/article/159616/"]
    assert re.search(r"^Quotes \(\d+\):$", res.stdout, re.M)
    assert re.search(r"^1\. Александр Бурков \(губернатор Омской области\): «Подписание", res.stdout, re.M)


def test_show_json(run):
    res = run("show", BK55, "--json")
    _no_escapes(res.stdout)
    a = json.loads(res.stdout)
    assert a["title"] == TITLE and a["author"] == "Кирилл Янчицкий"
    assert a["quotes"] and set(a["quotes"][0]) == {"text", "speaker", "role", "start", "end"}
    for q in a["quotes"]:
        assert a["text"][q["start"]:q["end"]] == q["text"]
    assert "Александр Бурков" in {q["speaker"] for q in a["quotes"]}


def test_stats(run, archive):
    res = run("stats")
    st = archive.stats()
    lines = res.stdout.splitlines()
    assert re.fullmatch(r"Index:    .* \(\d+\.\d MB\)", lines[0])
    assert lines[1:] == [
        "Articles: 101",
        f"Quotes:   {st['quotes']} from {st['speakers']} named speakers",
        "Dates:    2016-11-07 … 2019-11-06",
        "Sources:  2",
        "      100  Meduza",
        "        1  БК55",
    ]
    data = json.loads(run("stats", "--json").stdout)
    assert data["articles"] == 101 and data["sources"][0] == {"value": "Meduza", "count": 100}


def test_speakers(run, archive):
    top = archive.speakers("", limit=3)
    res = run("speakers", "-n", "3")
    assert res.stdout.splitlines() == [f"{c:>6}  {s}" for s, c in top]
    data = json.loads(run("speakers", "-n", "3", "--json").stdout)
    assert data == [{"speaker": s, "quotes": c} for s, c in top]
    cs = run("speakers", "-n", "3", "--csv").stdout.splitlines()
    assert cs[0] == "speaker,quotes" and len(cs) == 4
    assert run("speakers", "Казахстан", "--speaker", "Бурков").stdout.split()[-2:] == ["Александр", "Бурков"]


def test_timeline(run):
    res = run("timeline", "Мединский OR МГИМО", "--by", "year")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0] == "7 matches, by year:"
    bars = {m.group(1): (len(m.group(2)), int(m.group(3)))
            for m in (re.fullmatch(r"\s*(\d{4}) (█+) (\d+)", line) for line in lines[1:]) if m}
    assert len(bars) == len(lines) - 1 and sum(c for _, c in bars.values()) == 7
    widest = max(bars.values())
    assert widest[0] == 50 and all(w <= 50 for w, _ in bars.values())
    data = json.loads(run("timeline", "Мединский OR МГИМО", "--by", "year", "--json").stdout)
    assert data["total"] == 7 and {d["value"]: d["count"] for d in data["date"]} == {k: c for k, (_, c) in bars.items()}
    assert run("timeline", "Мединский", "--by", "month", "--csv").stdout.splitlines()[0] == "value,count"


# --- errors ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["(Казахстан", "ка*", "date:2019-13", 'title:', "а" * 1200])
def test_bad_query_exit_3(run, query):
    res = run("search", query)
    assert res.exit_code == 3
    err = res.stderr.splitlines()
    assert err[0].startswith("Error: ") and err[1].startswith("Hint: ")
    assert "Traceback" not in res.output


def test_bad_option_value_exit_3(run):
    res = run("search", "x", "--from", "2019-02-30")
    assert res.exit_code == 3 and res.stderr.startswith("Error: ")


def test_missing_index_exit_4(tmp_path):
    res = CliRunner().invoke(cli, ["search", "x", "--index", str(tmp_path / "none")])
    assert res.exit_code == 4
    assert res.stderr.splitlines()[1] == f"Hint: Build it first: presssearch index --index {tmp_path / 'none'} data/"


def test_unknown_article_exit_8(run):
    res = run("show", "no-such-id")
    assert res.exit_code == 8
    assert res.stderr.startswith("Error: No article with id 'no-such-id'")


def test_missing_path_exit_2(tmp_path):
    res = CliRunner().invoke(cli, ["index", str(tmp_path / "nope"), "--index", str(tmp_path / "ix")])
    assert res.exit_code == 2 and "Traceback" not in res.output


# --- the README -----------------------------------------------------------------------------------------

def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"presssearch (\w+)", readme))
    missing = sorted(set(cli.commands) - documented)
    assert not missing, f"commands missing from README.md: {missing}"


def test_nothing_changed_still_counts_skipped_files(tmp_path) -> None:
    good, broken = tmp_path / "good.jsonl", tmp_path / "broken.jsonl"
    good.write_text('{"id": "g", "title": "Новость", "text": "Текст новости о погоде."}\n', encoding="utf-8")
    broken.write_text('{"id": "a", "text": "обрыв', encoding="utf-8")
    ix = str(tmp_path / "ix")
    assert CliRunner().invoke(cli, ["index", str(good), "--index", ix]).exit_code == 0
    result = CliRunner().invoke(cli, ["index", str(good), str(broken), "--index", ix])
    assert result.exit_code == 1
    assert "Nothing changed: 1 articles from these files already indexed in" in result.output and ", 1 skipped (" in result.output


def test_only_broken_input_says_nothing_was_indexed(tmp_path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "обрыв', encoding="utf-8")
    ix = tmp_path / "ix"
    result = CliRunner().invoke(cli, ["index", str(broken), "--index", str(ix)])
    assert result.exit_code == 1
    assert re.search(rf"^Nothing indexed into {re.escape(str(ix))}: no article could be read, 1 skipped \(\d+\.\d s\)\.$",
                     result.output, re.M)
    assert "fix those files and run the same command again" in result.output


def test_filters_alone_that_match_nothing_say_what_to_check(run):
    res = run("quotes", "--speaker", "Никтоневыступалов")
    assert res.stdout.splitlines()[:2] == [
        "No quotes match these filters.",
        "Check the names and dates given; `presssearch speakers` and `presssearch stats` list what the index holds."]
