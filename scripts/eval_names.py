"""Person search across cases: recall and result counts of one-word surname queries over BSNLP.

For every person entity of the BSNLP gold mentioned in two or more articles, the surname (last word of
its base form) is searched over the articles (title + text): an article is found when its set of index
terms contains any of the query word's terms, which is what a one-word query on the index does.
Compares (a) plain Snowball stems, (b) stem-or-dictionary-lemma, (c) the project's analyzer.

    python scripts/eval_names.py [--corpus DIR] [--gold FILE] [--min-articles N] [--misses]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from presssearch.analysis import russian
from presssearch.analysis.tokenize import fold, hyphen_parts, normalize_hyphens, words

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_CORPUS = SHARED / "corpus"
DEFAULT_GOLD = SHARED / "gold" / "bsnlp_persons.jsonl.gz"

WordTerms = Callable[[str], tuple[str, ...]]
_ROMAN = re.compile(r"^[IVXLC]+$")
_PARENS = re.compile(r"\([^)]*\)")


class Person(NamedTuple):
    entity: str
    surname: str
    articles: frozenset[str]


class Score(NamedTuple):
    recall: float  # mean share of a person's articles found
    results: float  # mean number of articles a query returns
    people: int
    misses: tuple[tuple[str, int, int], ...]  # (surname, found, mentioned) for people not fully found


@dataclass(frozen=True)
class Analyzer:
    """How a word is indexed and how a query word is looked up."""

    name: str
    index_word: WordTerms
    query_word: WordTerms


# --- data ------------------------------------------------------------------------------------


def load_articles(corpus: Path) -> dict[str, str]:
    """BSNLP articles by id: title and text joined."""
    out: dict[str, str] = {}
    with gzip.open(corpus / "bsnlp.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            out[a["id"]] = f"{a.get('title') or ''}\n{a['text']}"
    return out


def surname_of(base: str) -> str | None:
    """The last word of a base form, skipping regnal numerals ("Бенедикт XVI") and parentheses."""
    tokens = [w.text for w in words(_PARENS.sub(" ", base)) if not _ROMAN.match(w.text)]
    return tokens[-1] if tokens else None


def _surname(bases: Counter[str]) -> str | None:
    """The commonest last word over an entity's base forms (weighted by mentions)."""
    last: Counter[str] = Counter()
    for base, n in bases.items():
        word = surname_of(base)
        if word:
            last[word] += n
    return last.most_common(1)[0][0] if last else None


def load_people(gold: Path, min_articles: int = 2) -> list[Person]:
    """Person entities (``PER-`` ids) mentioned in at least ``min_articles`` articles."""
    articles: dict[str, set[str]] = defaultdict(set)
    bases: dict[str, Counter[str]] = defaultdict(Counter)
    with gzip.open(gold, "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for p in doc["persons"]:
                if p["entity"].startswith("PER-"):
                    articles[p["entity"]].add(doc["id"])
                    bases[p["entity"]][p["base"].strip()] += 1
    people = []
    for entity in sorted(articles):
        surname = _surname(bases[entity])
        if surname and len(articles[entity]) >= min_articles:
            people.append(Person(entity, surname, frozenset(articles[entity])))
    return people


# --- analyzers -------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def plain_word_terms(word: str) -> tuple[str, ...]:
    """Snowball stems only: the analyzer without the names layer."""
    folded = normalize_hyphens(fold(word))
    if folded in russian.STOP_WORDS:
        return ()
    out = [russian.stem(folded)]
    out += [russian.stem(p) for p in hyphen_parts(folded) if p not in russian.STOP_WORDS]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def stem_or_lemma_terms(word: str) -> tuple[str, ...]:
    """Stems plus every dictionary lemma pymorphy3 gives a capitalised word (no name rules)."""
    out = list(plain_word_terms(word))
    if out and word[:1].isupper():
        from presssearch.analysis.names import morph

        out += [fold(p.normal_form) for p in morph().parse(word)]
    return tuple(dict.fromkeys(out))


MARK = "\u2261"  # prefix of name lemmas in the marked variant: they then meet only other lemmas


@lru_cache(maxsize=None)
def marked_index_terms(word: str) -> tuple[str, ...]:
    """The names layer with lemmas kept apart from stems by a marker prefix."""
    from presssearch.analysis import names

    lemmas = names.lemma_terms(word.replace("ё", "е").replace("Ё", "Е")) if word[:1].isupper() else ()
    return plain_word_terms(word) + tuple(MARK + t for t in lemmas)


@lru_cache(maxsize=None)
def marked_query_terms(word: str) -> tuple[str, ...]:
    from presssearch.analysis import names

    named = names.query_name_terms(word.replace("ё", "е").replace("Ё", "Е"))
    return tuple(MARK + t for t in named) or marked_index_terms(word)


def analyzers() -> list[Analyzer]:
    return [
        Analyzer("(a) plain Snowball", plain_word_terms, plain_word_terms),
        Analyzer("(b) stem or lemma", stem_or_lemma_terms, stem_or_lemma_terms),
        Analyzer("(c') marked lemmas", marked_index_terms, marked_query_terms),
        Analyzer("(c) presssearch", russian.word_terms, russian.query_terms),
    ]


# --- evaluation ------------------------------------------------------------------------------


def index_terms(text: str, word_terms: WordTerms) -> set[str]:
    """The set of index terms of a text (what ``analyze`` yields when ``word_terms`` is the analyzer's)."""
    return {t for w in words(text) for t in word_terms(w.text)}


def evaluate(people: Iterable[Person], texts: dict[str, str], analyzer: Analyzer, lowercase: bool = False) -> Score:
    """Mean recall and mean result count of the surname queries of ``people`` (typed lowercase if asked)."""
    docs = {i: index_terms(t, analyzer.index_word) for i, t in texts.items()}
    recalls, counts, misses = [], [], []
    for person in people:
        q = set(analyzer.query_word(person.surname.lower() if lowercase else person.surname))
        hits = {i for i, terms in docs.items() if q & terms}
        mentioned = person.articles & docs.keys()
        found = len(hits & mentioned)
        recalls.append(found / len(mentioned) if mentioned else 1.0)
        counts.append(len(hits))
        if found < len(mentioned):
            misses.append((person.surname, found, len(mentioned)))
    n = len(recalls)
    return Score(sum(recalls) / n, sum(counts) / n, n, tuple(misses))


def analyze_agrees(texts: dict[str, str]) -> bool:
    """True if the final analyzer's per-word terms are exactly what ``russian.analyze`` indexes."""
    return all({t.term for t in russian.analyze(text)} == index_terms(text, russian.word_terms)
               for text in list(texts.values())[:50])


def time_analyze(texts: Iterable[str], with_names: bool) -> float:
    """Seconds to run ``analyze`` over ``texts`` from cold caches, with or without the names layer."""
    from presssearch.analysis import names

    saved = names.lemma_terms
    russian.word_terms.cache_clear()
    if not with_names:
        names.lemma_terms = lambda word: ()  # type: ignore[assignment]
    try:
        t0 = time.process_time()
        for text in texts:
            for _ in russian.analyze(text):
                pass
        return time.process_time() - t0
    finally:
        names.lemma_terms = saved  # type: ignore[assignment]
        russian.word_terms.cache_clear()


def load_texts(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [f"{a.get('title') or ''}\n{a.get('lead') or ''}\n{a['text']}" for a in map(json.loads, f)]


# --- command line ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with bsnlp.jsonl.gz")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="bsnlp_persons.jsonl.gz")
    ap.add_argument("--min-articles", type=int, default=2)
    ap.add_argument("--misses", action="store_true", help="list the people not fully found")
    ap.add_argument("--timing", action="store_true", help="also time analyze over BSNLP + rt with/without names")
    args = ap.parse_args(argv)
    if not (args.corpus / "bsnlp.jsonl.gz").is_file() or not args.gold.is_file():
        print(f"skipped: BSNLP data not found ({args.corpus}/bsnlp.jsonl.gz, {args.gold})")
        return 0
    texts = load_articles(args.corpus)
    people = load_people(args.gold, args.min_articles)
    if not analyze_agrees(texts):
        print("warning: russian.analyze no longer yields word_terms of each word; figures for (c) may be off")
    print(f"{len(people)} people in >= {args.min_articles} articles, {len(texts)} articles")
    print(f"{'analyzer':<22} {'recall':>7} {'results/query':>14} {'lowercase query: recall':>24} {'results':>8}")
    for analyzer in analyzers():
        s = evaluate(people, texts, analyzer)
        low = evaluate(people, texts, analyzer, lowercase=True)
        print(f"{analyzer.name:<22} {s.recall:>7.3f} {s.results:>14.1f} {low.recall:>24.3f} {low.results:>8.1f}")
        if args.misses:
            for surname, found, n in s.misses:
                print(f"    {surname}: {found}/{n}")
    if args.timing:
        corpus = [t for f in ("bsnlp.jsonl.gz", "rt.jsonl.gz") if (args.corpus / f).is_file()
                  for t in load_texts(args.corpus / f)]
        plain = time_analyze(corpus, with_names=False)
        full = time_analyze(corpus, with_names=True)
        print(f"analyze over {len(corpus)} articles: {plain:.1f}s without names, {full:.1f}s with (+{full - plain:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
