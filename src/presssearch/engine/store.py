"""The index on disk: generations swapped atomically, one writer at a time, a format version.

Layout of an index folder::

    CURRENT            name of the live generation (replaced atomically, fsynced)
    gen-000007/        a whoosh index + presssearch.json (format version, file sizes) + manifest.json
    write.lock         lockf()ed by the one writer; the kernel releases it if the writer dies

A change never touches the live generation: the writer hard-links the live generation's
whoosh files into a new folder (whoosh segment files are immutable, and so is each segment's
facet table ``MAIN_<segid>.fct``; our own files that are rewritten are never linked), commits
there, fsyncs, then points CURRENT at it. Nothing is copied: preparing the folder costs a link
per segment file, whatever the size of the index. Readers keep
reading the generation they opened; the previous one is kept for them until the next write,
older ones and the leftovers of killed runs are removed by the next writer.

presssearch.json records the size of every file of its generation, so a truncated or missing
file is reported on open as IndexDamaged instead of surfacing later as a raw error.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import threading
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
FACET_CACHE = "facets.npz"
GEN_PREFIX = "gen-"
TMP_PREFIX = "tmp-"
# Files a writer rewrites in its workspace: copied never, hard-linked never (a link would let
# the rewrite change the live generation in place).
REWRITTEN = frozenset({META, MANIFEST, FACET_CACHE})


def rebuild_command(root: Path) -> str:
    """The command that rebuilds the index at ``root`` (PATH: the folders and files indexed)."""
    where = "" if Path(root) == Path("index") else f" --index {root}"
    return f"presssearch index --rebuild{where} PATH..."


def missing(root: Path) -> IndexMissing:
    where = "" if Path(root) == Path("index") else f" --index {root}"
    return IndexMissing(f"There is no index at {root} yet.", hint=f"Build it first: presssearch index{where} data/")


def damaged(root: Path, what: str) -> IndexDamaged:
    return IndexDamaged(f"The index at {root} is damaged: {what}.",
                        hint=f"Rebuild it: {rebuild_command(root)} (PATH: the folders and files you indexed)")


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


def write_new(path: Path, data: bytes) -> None:
    """Write a file of a workspace as a new inode (never through a hard link) and fsync it."""
    path.unlink(missing_ok=True)
    with open(path, "xb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def current_name(root: Path) -> str | None:
    """What CURRENT says (a generation name), or None for a folder with no index yet."""
    try:
        name = (root / CURRENT).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise damaged(root, f"{CURRENT} cannot be read ({e})") from None
    if not name.startswith(GEN_PREFIX) or _gen_number(name) < 0 or "/" in name:
        raise damaged(root, f"{CURRENT} names {name[:40]!r}, not a generation")
    return name


def current_generation(root: Path) -> Path | None:
    """The live generation folder, or None for a folder with no index yet."""
    name = current_name(root)
    if name is None:
        return None
    gen = root / name
    if not gen.is_dir():
        raise damaged(root, f"its live generation {name} is missing")
    return gen


def read_meta(gen: Path) -> dict:
    """presssearch.json of ``gen``; IndexVersionError for another format, IndexDamaged if unreadable."""
    root = gen.parent
    try:
        meta = json.loads((gen / META).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise damaged(root, f"{gen.name}/{META} is missing") from None
    except (OSError, ValueError) as e:
        raise damaged(root, f"{gen.name}/{META} is unreadable ({e})") from None
    if not isinstance(meta, dict):
        raise damaged(root, f"{gen.name}/{META} is not a JSON object")
    if meta.get("format") != FORMAT_VERSION:
        raise IndexVersionError(
            f"The index at {root} has format {meta.get('format')!r}; this presssearch reads format {FORMAT_VERSION}.",
            hint=f"It was made by another version of presssearch; rebuild it: {rebuild_command(root)}",
        )
    return meta


def verify(gen: Path) -> dict:
    """Check ``gen`` against its presssearch.json: format version, every file present at its size."""
    meta = read_meta(gen)
    files = meta.get("files")
    if files is None:  # written before sizes were recorded: nothing more to check
        return meta
    if not isinstance(files, dict):
        raise damaged(gen.parent, f"{gen.name}/{META} has no valid file list")
    for name, size in files.items():
        try:
            actual = (gen / name).stat().st_size
        except FileNotFoundError:
            raise damaged(gen.parent, f"{gen.name}/{name} is missing") from None
        except OSError as e:
            raise damaged(gen.parent, f"{gen.name}/{name} cannot be read ({e.strerror})") from None
        if actual != size:
            raise damaged(gen.parent, f"{gen.name}/{name} has {actual} bytes, {size} expected (truncated?)")
    return meta


def read_manifest(gen: Path | None) -> dict:
    """Per file: fingerprint and the article ids (with content hashes) it gave."""
    if gen is None:
        return {}
    try:
        manifest = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise damaged(gen.parent, f"{gen.name}/{MANIFEST} is missing") from None
    except (OSError, ValueError) as e:
        raise damaged(gen.parent, f"{gen.name}/{MANIFEST} is unreadable ({e})") from None
    if not isinstance(manifest, dict):
        raise damaged(gen.parent, f"{gen.name}/{MANIFEST} is not a JSON object")
    return manifest


def _gen_number(name: str) -> int:
    try:
        return int(name[len(GEN_PREFIX):])
    except ValueError:
        return -1


def generations(root: Path) -> list[Path]:
    return sorted((p for p in root.glob(GEN_PREFIX + "*") if p.is_dir()), key=lambda p: _gen_number(p.name))


def _linkable(f: Path) -> bool:
    name = f.name
    return f.is_file() and name not in REWRITTEN and not name.endswith((".tmp", "_WRITELOCK"))


def new_workspace(root: Path, base: Path | None) -> Path:
    """A fresh folder to build the next generation in: hard links to ``base``'s whoosh files, or empty."""
    root.mkdir(parents=True, exist_ok=True)
    gens = generations(root)
    n = max((_gen_number(g.name) for g in gens), default=0) + 1
    work = root / f"{TMP_PREFIX}{GEN_PREFIX}{n:06d}-{os.getpid()}"
    work.mkdir()
    if base is not None:
        for f in base.iterdir():
            if _linkable(f):
                try:
                    os.link(f, work / f.name)
                except OSError:
                    shutil.copy2(f, work / f.name)
    return work


def _file_sizes(work: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in sorted(work.iterdir())
            if p.is_file() and p.name != META and not p.name.endswith("_WRITELOCK")}


def publish(root: Path, work: Path) -> Path:
    """Make ``work`` the live generation: record sizes, fsync, rename into place, switch CURRENT atomically."""
    meta = {"format": FORMAT_VERSION, "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "files": _file_sizes(work)}
    write_new(work / META, json.dumps(meta, indent=1).encode("utf-8"))
    fsync_tree(work)
    final = root / work.name[len(TMP_PREFIX):].rsplit("-", 1)[0]
    os.rename(work, final)
    fsync_path(root)
    write_atomic(root / CURRENT, final.name.encode("ascii"))
    return final


def cleanup(root: Path, keep_previous: bool = True) -> None:
    """Remove leftovers of killed runs and generations no reader can still be using.

    Kept: the live generation and the one before it (readers may still hold it). Generations
    numbered above the live one were never live (a run killed before switching CURRENT).
    With an unreadable CURRENT only the temporary leftovers go (a rebuild replaces the rest).
    """
    if not root.is_dir():
        return
    for p in root.glob(TMP_PREFIX + "*"):
        shutil.rmtree(p, ignore_errors=True)
    for p in root.glob(".*.tmp"):
        p.unlink(missing_ok=True)
    try:
        live = current_name(root)
    except IndexDamaged:
        return
    live_n = _gen_number(live) if live is not None else None
    older = [g for g in generations(root) if live_n is not None and _gen_number(g.name) < live_n]
    keep = set(older[-1:]) if keep_previous else set()
    for g in generations(root):
        if g.name != live and g not in keep:
            shutil.rmtree(g, ignore_errors=True)


def leftovers(root: Path) -> list[str]:
    """Names in ``root`` that a finished run should not leave behind (for checks and tests)."""
    live = current_name(root)
    live_n = _gen_number(live) if live else 10**9
    gens = [g.name for g in generations(root) if g.name != live]
    previous = [n for n in gens if _gen_number(n) < live_n][-1:]
    allowed = {CURRENT, LOCK, *(n for n in [live] if n), *previous}
    return sorted(p.name for p in root.iterdir() if p.name not in allowed)


_HELD: set[str] = set()  # lock files this process holds or is trying to take (POSIX locks are per process)
_HELD_GUARD = threading.Lock()


def _reserve(key: str) -> bool:
    with _HELD_GUARD:
        if key in _HELD:
            return False
        _HELD.add(key)
        return True


def _release(key: str) -> None:
    with _HELD_GUARD:
        _HELD.discard(key)


def _try_lockf(fd: int) -> bool:
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as e:
        if e.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        return False


@contextmanager
def write_lock(root: Path, wait: float = 10.0) -> Iterator[None]:
    """Hold the index's one-writer lock; wait up to ``wait`` seconds, then raise IndexLocked.

    A POSIX record lock (lockf): the kernel drops it when the holder dies in any way, SIGKILL
    included, and, unlike flock, processes forked by the writer (indexing workers) do not inherit
    it, so an orphaned worker cannot keep the index locked. Within one process the lock is
    exclusive too (POSIX locks alone are not), and the file is opened only by the one taker,
    since closing any descriptor of it would drop the lock.
    """
    root.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(root / LOCK)
    deadline = time.monotonic() + max(0.0, wait)
    while not _reserve(key):
        if time.monotonic() >= deadline:
            raise _locked(root, wait, str(os.getpid()))
        time.sleep(0.05)
    fd = -1
    try:
        fd = os.open(key, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        while not _try_lockf(fd):
            if time.monotonic() >= deadline:
                raise _locked(root, wait, _holder(fd))
            time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        if fd >= 0:
            os.close(fd)  # closing releases the lock
        _release(key)


def _holder(fd: int) -> str:
    """The pid the lock holder wrote into the lock file, or ''."""
    try:
        pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return pid if pid.isdigit() else ""


def _locked(root: Path, wait: float, pid: str) -> IndexLocked:
    who = f" (process {pid})" if pid else ""
    return IndexLocked(
        f"The index at {root} is being written by another presssearch index{who}; gave up after waiting {wait:g} s.",
        hint="Wait for it to finish and run the command again, or give it longer with --wait SECONDS.",
    )


def require_generation(root: Path) -> Path:
    """The live generation, verified; IndexMissing when there is none yet."""
    gen = current_generation(root)
    if gen is None:
        raise missing(root)
    verify(gen)
    return gen
