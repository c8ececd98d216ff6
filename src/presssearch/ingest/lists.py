"""Data used by the ingest rules: file names, suffixes and Russian letter frequencies."""
from __future__ import annotations

# Longest first: ".jsonl.gz" must win over ".gz"-less matches.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".jsonl.gz", ".jsonl", ".txt", ".md")
SUPPORTED_LIST = ".txt, .md, .jsonl, .jsonl.gz"

# Documentation files that sit beside the data (data/README.md, corpus/SOURCES.md):
# skipped while walking a folder when their stem (case-insensitive) is one of these and
# they end in .md or .txt. A file given explicitly is always read.
DOC_FILE_STEMS: frozenset[str] = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "notice",
        "authors",
        "changelog",
        "changes",
        "contributing",
        "sources",
    }
)
DOC_FILE_SUFFIXES: tuple[str, ...] = (".md", ".txt")

# The ten most frequent lowercase Russian letters (about two thirds of the letters of running
# text). Text decoded with the wrong 8-bit code page has its case swapped or letters scrambled,
# so the share of these letters tells cp1251 from KOI8-R from garbage.
FREQUENT_RUSSIAN_LETTERS: frozenset[str] = frozenset("оеаинтсрвл")
