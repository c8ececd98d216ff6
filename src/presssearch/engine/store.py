"""The index on disk: generations swapped atomically, one writer at a time, a format version.

Layout of an index folder::

    CURRENT            name of the live generation (replaced atomically, fsynced)
    gen-000007/        a whoosh index + presssearch.json (format version) + manifest.json
    write.lock         flock()ed by the one writer; the kernel releases it if the writer dies

A change never touches the live generation: the writer hard-links the live generation's
files into a new folder (whoosh segment files are immutable), commits there, fsyncs, then
points CURRENT at it. Readers keep reading the generation they opened; the previous one is
kept for them until the next write, older ones are removed.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import IndexDamaged, IndexLocked, IndexMissing, IndexVersionError
from .schema import FORMAT_VERSION

CURRENT = "CURRENT"
LOCK = "write.lock"
META = "presssearch.json"
MANIFEST = "manifest.json"
GEN_PREFIX = "gen-"
TMP_PREFIX = "tmp-"


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(folder: Path) -> None:
    for p in folder.iterdir():
        if p.is_file():
            fsync_path(p)
    fsync_path(folder)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new content, never a mix."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_path(path.parent)


def current_generation(root: Path) -> Path | None:
    """The live generation folder, or None for a folder with no index yet."""
    try:
        name = (root / CURRENT).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise IndexDamaged(f"The index at {root} cannot be read ({e}).") from None
    if not name.startswith(GEN_PREFIX) or "/" in name:
        raise IndexDamaged(f"The index at {root} is damaged (CURRENT names {name!r}).")
    gen = root / name
    if not gen.is_dir():
        raise IndexDamaged(f"The index at {root} is damaged: its live generation {name} is missing.")
    return gen


def read_meta(gen: Path) -> dict:
    try:
        meta = json.loads((gen / META).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexDamaged(f"The index at {gen.parent} is damaged: {META} is missing.") from None
    except (OSError, ValueError) as e:
        raise IndexDamaged(f"The index at {gen.parent} is damaged: {META} is unreadable ({e}).") from None
    if meta.get("format") != FORMAT_VERSION:
        raise IndexVersionError(
            f"The index at {gen.parent} has format {meta.get('format')!r}; this presssearch reads format {FORMAT_VERSION}."
        )
    return meta


def read_manifest(gen: Path | None) -> dict:
    """Per file: fingerprint and the article ids (with content hashes) it gave."""
    if gen is None:
        return {}
    try:
        return json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as e:
        raise IndexDamaged(f"The index at {gen.parent} is damaged: {MANIFEST} is unreadable ({e}).") from None


def _gen_number(name: str) -> int:
    try:
        return int(name[len(GEN_PREFIX):])
    except ValueError:
        return -1


def generations(root: Path) -> list[Path]:
    return sorted((p for p in root.glob(GEN_PREFIX + "*") if p.is_dir()), key=lambda p: _gen_number(p.name))


def new_workspace(root: Path, base: Path | None) -> Path:
    """A fresh folder to build the next generation in: hard links to ``base``'s files, or empty."""
    root.mkdir(parents=True, exist_ok=True)
    gens = generations(root)
    n = max((_gen_number(g.name) for g in gens), default=0) + 1
    work = root / f"{TMP_PREFIX}{GEN_PREFIX}{n:06d}-{os.getpid()}"
    work.mkdir()
    if base is not None:
        for f in base.iterdir():
            if f.is_file() and not f.name.endswith(".tmp"):
                try:
                    os.link(f, work / f.name)
                except OSError:
                    shutil.copy2(f, work / f.name)
    return work


def publish(root: Path, work: Path) -> Path:
    """Make ``work`` the live generation: fsync it, rename it into place, switch CURRENT atomically."""
    meta = {"format": FORMAT_VERSION, "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    (work / META).write_text(json.dumps(meta), encoding="utf-8")
    fsync_tree(work)
    final = root / work.name[len(TMP_PREFIX):].rsplit("-", 1)[0]
    os.rename(work, final)
    fsync_path(root)
    write_atomic(root / CURRENT, final.name.encode("ascii"))
    return final


def cleanup(root: Path, keep_previous: bool = True) -> None:
    """Remove leftovers of killed runs and generations no reader can still be using."""
    live = current_generation(root)
    for p in root.glob(TMP_PREFIX + "*"):
        shutil.rmtree(p, ignore_errors=True)
    for p in root.glob(".*.tmp"):
        p.unlink(missing_ok=True)
    others = [g for g in generations(root) if g != live]
    keep = set(others[-1:]) if keep_previous and live is not None else set()
    for g in others:
        if g not in keep:
            shutil.rmtree(g, ignore_errors=True)


@contextmanager
def write_lock(root: Path, wait: float = 10.0) -> Iterator[None]:
    """Hold the index's one-writer lock; wait up to ``wait`` seconds, then raise IndexLocked."""
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise IndexLocked(f"The index at {root} is being written by another process.") from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def require_generation(root: Path) -> Path:
    gen = current_generation(root)
    if gen is None:
        raise IndexMissing(f"There is no index at {root} yet.")
    read_meta(gen)
    return gen
