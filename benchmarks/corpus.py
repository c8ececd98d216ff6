"""Benchmark corpora written to a temp folder as JSON Lines: the real articles, or synthetic ones made
deterministically by recombining real paragraphs. Everything streams: a 1M-article corpus never sits in memory."""
from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path
from typing import Iterator

# ../shared/corpus beside the repository; PRESSSEARCH_CORPUS points elsewhere (e.g. from a clone in /tmp)
SHARED = Path(os.environ.get("PRESSSEARCH_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
FILE_ARTICLES = 10_000  # articles per written file
SYNTHETIC_CHARS = 2_400  # target body length of a synthetic article
POOL_PARAGRAPHS = 120_000  # paragraphs kept (reservoir) to recombine
SEED = 20240601


def real_files(with_1tv: bool = False) -> list[Path]:
    files = sorted(SHARED.glob("*.jsonl.gz"))
    if not files:
        raise SystemExit(f"no corpus files (*.jsonl.gz) in {SHARED}: set PRESSSEARCH_CORPUS to the corpus folder")
    return [f for f in files if with_1tv or f.name != "1tv.jsonl.gz"]


def iter_records(files: list[Path]) -> Iterator[dict]:
    for f in files:
        with gzip.open(f, "rt", encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    yield json.loads(line)


def write_jsonl(records, folder: Path, prefix: str) -> dict:
    """Write records to ``folder`` in files of FILE_ARTICLES lines; return counts and raw text bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    n, raw, out = 0, 0, None
    try:
        for r in records:
            if n % FILE_ARTICLES == 0:
                if out:
                    out.close()
                out = open(folder / f"{prefix}{n // FILE_ARTICLES:04d}.jsonl", "w", encoding="utf-8")
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            raw += raw_bytes(r)
            n += 1
    finally:
        if out:
            out.close()
    return {"articles": n, "raw_bytes": raw, "files": len(list(folder.glob(f"{prefix}*.jsonl")))}


def raw_bytes(r: dict) -> int:
    """UTF-8 size of the text a reader sees: title, lead and body."""
    return sum(len((r.get(k) or "").encode("utf-8")) for k in ("title", "lead", "text"))


def real_corpus(folder: Path, *, limit: int | None, with_1tv: bool) -> dict:
    def records():
        for i, r in enumerate(iter_records(real_files(with_1tv))):
            if limit is not None and i >= limit:
                return
            yield r

    return write_jsonl(records(), folder, "real")


def _paragraph_pool(rng: random.Random) -> tuple[list[str], list[dict]]:
    """A deterministic reservoir sample of real paragraphs, and a sample of real metadata."""
    pool: list[str] = []
    metas: list[dict] = []
    seen = 0
    for r in iter_records(real_files()):
        if len(metas) < 5000:
            metas.append({k: r.get(k) for k in ("source", "author", "tags")})
        for p in (r.get("text") or "").replace("\r\n", "\n").split("\n"):
            p = p.strip()
            if len(p) < 40:
                continue
            seen += 1
            if len(pool) < POOL_PARAGRAPHS:
                pool.append(p)
            else:
                j = rng.randrange(seen)
                if j < POOL_PARAGRAPHS:
                    pool[j] = p
    return pool, metas


def synthetic_records(n: int) -> Iterator[dict]:
    rng = random.Random(SEED)
    pool, metas = _paragraph_pool(rng)
    for i in range(n):
        parts, size = [], 0
        while size < SYNTHETIC_CHARS:
            p = pool[rng.randrange(len(pool))]
            parts.append(p)
            size += len(p) + 1
        meta = metas[rng.randrange(len(metas))]
        year, month, day = 2000 + rng.randrange(25), 1 + rng.randrange(12), 1 + rng.randrange(28)
        title = parts[0].split(". ")[0][:120]
        yield {"id": f"syn-{i:07d}", "source": meta["source"], "url": None, "title": title,
               "date": f"{year}-{month:02d}-{day:02d}", "author": meta["author"], "lead": "",
               "text": "\n".join(parts[1:] or parts), "tags": meta["tags"] or []}


def synthetic_corpus(folder: Path, n: int) -> dict:
    return write_jsonl(synthetic_records(n), folder, "syn")


def change_some(folder: Path, fraction: float = 0.01) -> int:
    """Edit every 1/fraction-th article's text in place (files rewritten line by line). Returns how many."""
    step = max(1, round(1 / fraction))
    changed, i = 0, 0
    for f in sorted(folder.glob("*.jsonl")):
        tmp = f.with_suffix(".tmp")
        with open(f, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
            for line in src:
                if i % step == 0:
                    r = json.loads(line)
                    r["text"] = (r.get("text") or "") + "\nОбновлено: редакция уточнила подробности."
                    line = json.dumps(r, ensure_ascii=False) + "\n"
                    changed += 1
                dst.write(line)
                i += 1
        tmp.replace(f)
    return changed
