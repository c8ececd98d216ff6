"""Find the article files under the paths the user gives.

Folders are walked recursively in sorted order, following symbolic links; every file and folder
is visited once by its resolved path, so symlink cycles end and a file reached twice is read
once. Hidden names (".git", ".cache.txt") and documentation files (README.md, SOURCES.md, ...)
are skipped inside folders; a file given explicitly is always considered.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Skipped
from .lists import DOC_FILE_STEMS, DOC_FILE_SUFFIXES, SUPPORTED_LIST, SUPPORTED_SUFFIXES


@dataclass(frozen=True)
class Source:
    """One article file: its resolved absolute path, size and modification time."""

    path: str
    size: int
    mtime_ns: int

    @property
    def fingerprint(self) -> str:
        """Changes whenever the file is rewritten: "{size}:{mtime_ns}"."""
        return f"{self.size}:{self.mtime_ns}"

    @property
    def is_jsonl(self) -> bool:
        return self.path.lower().endswith((".jsonl", ".jsonl.gz"))


def is_supported(name: str) -> bool:
    """True for names ending in .txt, .md, .jsonl or .jsonl.gz (any case)."""
    return name.lower().endswith(SUPPORTED_SUFFIXES)


def is_ignored(name: str) -> bool:
    """Hidden names and documentation files, skipped while walking a folder."""
    if name.startswith("."):
        return True
    lower = name.lower()
    stem = lower.partition(".")[0]
    return stem in DOC_FILE_STEMS and lower.endswith(DOC_FILE_SUFFIXES)


def iter_sources(paths: Iterable[str | Path] | str | Path) -> Iterator[Source | Skipped]:
    """The supported files under ``paths``, each once, in a deterministic order.

    Raises InputError (before yielding anything) when a given path does not exist or cannot
    be read at all. Files that cannot be used come out as Skipped(path, reason).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    roots = [_check_root(Path(p)) for p in paths]
    seen: set[str] = set()
    for root in roots:
        if root.is_dir():
            yield from _walk(os.path.realpath(root), seen)
        else:
            yield from _explicit_file(root, seen)


def _check_root(path: Path) -> Path:
    shown = str(path)
    if not os.path.exists(path):
        what = "broken symbolic link" if os.path.islink(path) else "no such file or folder"
        raise InputError(
            f"{shown}: {what}",
            hint=f"Check the path; relative paths start from the current folder ({os.getcwd()}).",
        )
    needed = os.R_OK | os.X_OK if path.is_dir() else os.R_OK
    if not os.access(path, needed):
        raise InputError(f"{shown}: permission denied", hint="Give yourself read permission, or leave this path out.")
    return path


def _explicit_file(path: Path, seen: set[str]) -> Iterator[Source | Skipped]:
    real = os.path.realpath(path)
    if not is_supported(path.name):
        yield Skipped(real, f"unsupported file type ({_suffix(path.name)}); presssearch reads {SUPPORTED_LIST}")
        return
    yield from _file(real, real, seen)


def _suffix(name: str) -> str:
    suffixes = Path(name).suffixes
    if not suffixes:
        return "no extension"
    if suffixes[-1].lower() == ".gz" and len(suffixes) > 1:
        return "".join(suffixes[-2:])
    return suffixes[-1]


def _walk(top: str, seen: set[str]) -> Iterator[Source | Skipped]:
    """Depth-first, entries sorted by name; an explicit stack so depth is unlimited."""
    if top in seen:
        return
    seen.add(top)
    stack: list[Iterator[os.DirEntry[str]]] = []
    listed = _list(top)
    if isinstance(listed, Skipped):
        yield listed
        return
    stack.append(iter(listed))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if is_ignored(entry.name):
            continue
        if _is_dir(entry):
            real = os.path.realpath(entry.path)
            if real in seen:
                continue
            seen.add(real)
            listed = _list(real)
            if isinstance(listed, Skipped):
                yield listed
            else:
                stack.append(iter(listed))
        elif is_supported(entry.name):
            yield from _file(entry.path, os.path.realpath(entry.path), seen)


def _list(folder: str) -> list[os.DirEntry[str]] | Skipped:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except OSError as error:
        return Skipped(folder, f"cannot list folder: {_reason(error)}")


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symbolic links
    except OSError:
        return False


def _file(shown: str, real: str, seen: set[str]) -> Iterator[Source | Skipped]:
    """A Source for a regular file not seen before, or a Skipped saying what is wrong."""
    if real in seen:
        return
    seen.add(real)
    try:
        info = os.stat(real)
    except OSError as error:
        gone = isinstance(error, FileNotFoundError) and os.path.islink(shown)
        yield Skipped(os.path.abspath(shown), "broken symbolic link" if gone else _reason(error))
        return
    if not stat.S_ISREG(info.st_mode):
        yield Skipped(real, "not a regular file")
        return
    yield Source(path=real, size=info.st_size, mtime_ns=info.st_mtime_ns)


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()
