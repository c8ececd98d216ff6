"""Speed rewrites in quote extraction give exactly what the plain code they replace gave."""
from __future__ import annotations

import re
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.quotes import orgs, speakers, text

# --- soften_links: the line-by-line version it replaces ------------------------------------------------------


def _soften_links_plain(s: str) -> str:
    """soften_links as first written: every line looked at, the text rebuilt from a list of its characters."""
    if "\n" not in s:
        return s
    lines = s.split("\n")
    breaks: list[int] = []
    starts = list(accumulate((len(x) + 1 for x in lines), initial=0))
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if len(line) > text._ANCHOR_MAX or not line.strip() or text._LINK_STOP.search(line):
            continue
        before = lines[i - 1].rstrip(" \u00a0\t\r")
        if not before or before[-1] in text._ENDS_CLAUSE or not (before[-1].isalnum() or before[-1] in ",—–"):
            continue
        if not text._CONTINUES.match(lines[i + 1]) or not lines[i - 1].endswith(" "):
            continue
        breaks += (starts[i] - 1, starts[i + 1] - 1)
    for i in range(len(lines) - 1):  # a sentence running on after a line break: lowercase on both sides
        line = lines[i][:-1] if lines[i][-1:] in (" ", "\u00a0") else lines[i]  # a space may end the line
        end, nxt = line[-2:], lines[i + 1][:2]
        if len(end) == len(nxt) == 2 and all("а" <= c <= "я" or c == "ё" for c in end + nxt):
            breaks.append(starts[i + 1] - 1)
    if not breaks:
        return s
    out = list(s)
    for at in breaks:
        out[at] = " "
    return "".join(out)


_PIECES = ["пишет газета ", "Financial Times", "CNN", "\n", " \n", "\r\n", " ", "\u00a0", "\t", ",", ".", "—", "–",
           "-", "- ", "«", "»", "!", ")", "a", "б", "Б", "Далее", "далее", "ё", "x" * 30, "y" * 61, "1"]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_soften_links_same_as_line_by_line(s: str) -> None:
    assert text.soften_links(s) == _soften_links_plain(s)


def test_soften_links_joins_link_lines() -> None:
    s = "пишет газета \nFinancial Times\n. Далее всё.\nобозреватель \nCNN\n Дэвид Андельман, — сказал он."
    out = text.soften_links(s)
    assert out == s.replace(" \nFinancial Times\n.", "  Financial Times .").replace(" \nCNN\n ", "  CNN  ")
    assert len(out) == len(s)
    assert text.soften_links("Одна строка.\nДругая строка.") == "Одна строка.\nДругая строка."


# --- orgs: windows scanned where asked, not cut from a tokenised text ----------------------------------------


def test_org_windows_find_the_bodies() -> None:
    s = ("Министерство иностранных дел Пакистана заявило, что ... В ведомстве добавили, что "
         "пресс-служба Южного военного округа сообщила об учениях.")
    reg = orgs.OrgRegistry.build(s)
    names = {o.name() for o in reg.orgs.values()}
    assert "Министерство иностранных дел Пакистана" in names  # (introduced by its long name: see test_org_names)
    assert any(n.startswith("Пресс-служба Южного военного округа") for n in names)
    assert reg.refer(s.index("ведомстве"), "ведомстве").name() == "Министерство иностранных дел Пакистана"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["МИД", "России", "министерство", "Минфин", "заявил", " ", ", ", "\n", "-", "&",
                                 "Ryanair", "компания", "1"]), max_size=25).map("".join), st.integers(0, 40),
       st.integers(0, 60))
def test_scan_is_the_window_of_tokens(s: str, lo: int, width: int) -> None:
    hi = min(len(s), lo + width)
    assert orgs._scan(s, lo, hi) == [(m.start(), m.end(), m.group()) for m in orgs._TOKEN.finditer(s, lo, hi)]


# --- the registry: lone surnames of people named in full ----------------------------------------------------


def _known_plain(reg: speakers.Registry, s: str, groups: list[speakers.Group]) -> list[tuple[int, int]]:
    """_known_surnames as first written: every capitalised word looked up where it stands."""
    from bisect import bisect_left

    starts = [g.start for g in groups]
    out = []
    for m in speakers._CAP_TOKEN.finditer(s):
        key = speakers._lone_surname_key(m.group())
        if key is None or key not in reg.people and speakers._stem(key) not in reg._stems:
            continue
        i = bisect_left(starts, m.start() + 1) - 1
        if i < 0 or m.start() >= groups[i].end:
            out.append((m.start(), m.end()))
    return out


def test_known_surnames_as_first_written() -> None:
    s = ("Юрий Береза возглавил батальон. Береза заявил, что Береза и Береза не уйдут. Москва ждёт, "
         "а Береза молчит. Усик победил, Александра Усика поздравили.")
    reg = speakers.Registry.build(s)
    groups = speakers.find_groups(s)
    found = [(g.start, g.end) for g in reg._known_surnames(s, groups)]
    assert found == _known_plain(reg, s, groups)
    assert [s[a:b] for a, b in found] == ["Береза"] * 4 + ["Усик"]  # "Усика" in "Александра Усика" is a full name


def test_no_known_surnames_without_full_names() -> None:
    s = "Береза растёт у дома. Москва ждёт весны."
    reg = speakers.Registry.build(s)
    assert reg._known_surnames(s, speakers.find_groups(s)) == []
    assert not re.search(r"#", ",".join(reg.people))


# --- find_groups: a word that can only open a name as a foreign first name is read past cheaply -------------

_NAME_PIECES = ["Президент", "Глава", "Сейчас", "Источник", "Деррик", "Уотсон", "Хала", "Джабер", "Владимир", "Путин",
                "Ким", "Чен", "Ын", "Ван", "И", "Де", "Мистура", "аль-", "Рифаи", "судья", "сказал", "в", "Москве", " ",
                " ", "\u00a0", ", ", ". ", "\n", "-", "Жан-Батист"]
name_texts = st.lists(st.sampled_from(_NAME_PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(name_texts)
def test_find_groups_same_without_the_dormant_shortcut(s: str) -> None:
    fast = speakers.find_groups(s)
    saved = speakers._dormant_word
    speakers._dormant_word = lambda word: False  # every word read as find_groups first read it
    try:
        plain = speakers.find_groups(s)
    finally:
        speakers._dormant_word = saved
    assert fast == plain


def test_foreign_first_name_still_found() -> None:
    s = "Как заявил судья Деррик Уотсон, решение окончательное."
    assert [g.tokens for g in speakers.find_groups(s)] == [("Деррик", "Уотсон")]


# --- join_lone_dashes: texts without a dash ending a line are left as they are --------------------------------

_DASH_PIECES = ["—", "–", "-", " ", "\u00a0", "\t", "\n", "\r\n", "На", "вопрос", "«", "A", "а", "?"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DASH_PIECES), max_size=25).map("".join))
def test_join_lone_dashes_same_as_its_pattern(s: str) -> None:
    from presssearch.quotes import extract

    plain = extract._LONE_DASH.sub(lambda m: m.group(0)[:-1] + " ", s) if "\n" in s else s
    assert extract.join_lone_dashes(s) == plain
