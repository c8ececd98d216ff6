"""Quote-extraction shortcuts keep results: the organisations built on demand answer as the full registry,
and find_groups' one-look pass over plain capitalised words finds the same names."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from presssearch.quotes.orgs import OrgRegistry, OrgsOnDemand, may_name_org
from presssearch.quotes.speakers import find_groups

DATA = Path(__file__).resolve().parents[1] / "data"

TEXT = ("Министерство иностранных дел России (МИД) заявило, что Правовое управление ООН не ответило. "
        "Компания Ryanair Holdings сообщила о рейсах. Пресс-служба мэрии Москвы передала, что в ведомстве "
        "ждут ответа. По словам Стаффана де Мистуры, Си Цзиньпин и Владимир Путин встретятся.")


def _texts() -> list[str]:
    with gzip.open(DATA / "meduza.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f.read().splitlines()[:20]]
    return [TEXT, *(r.get("text") or "" for r in rows)]


def _ranges(text: str, reg: OrgRegistry) -> list[tuple[int, int]]:
    """Ranges around every mention (starting on it, just before it, just past it) and a sweep over the text."""
    out = [(max(0, m.start - d), m.start + e) for m in reg.mentions for d in (0, 1, 7) for e in (1, 2, 40)]
    out += [(max(0, m.start - 30), m.start) for m in reg.mentions]
    out += [(a, a + w) for w in (5, 60, 300) for a in range(0, len(text), 37)]
    return out


def test_org_prefilter_never_hides_a_mention() -> None:
    for text in _texts():
        reg = OrgRegistry.build(text)
        for a, b in _ranges(text, reg):
            if not may_name_org(text, a, b):
                assert reg.at(a, b) is None and reg.at(a, b, last=True) is None, (a, b, text[a:b])


def test_orgs_on_demand_answer_as_the_registry() -> None:
    for text in _texts():
        reg = OrgRegistry.build(text)
        lazy = OrgsOnDemand(text)
        for a, b in _ranges(text, reg)[:200]:
            assert lazy.at(a, b) is reg.at(a, b) or lazy.at(a, b).key == reg.at(a, b).key
        assert sorted(lazy.orgs) == sorted(reg.orgs) and lazy.mentions == reg.mentions


def test_find_groups_finds_names_after_plain_words() -> None:
    groups = find_groups(TEXT)
    names = [" ".join(g.tokens) for g in groups]
    assert "Владимир Путин" in names and "Си Цзиньпин" in names
    assert any(n.endswith("Мистуры") for n in names)
    sub = find_groups(TEXT, TEXT.index("По словам"), len(TEXT))
    assert [" ".join(g.tokens) for g in sub] == [n for n in names if n in {" ".join(g.tokens) for g in sub}]
