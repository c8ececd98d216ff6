"""The only room that knows whoosh: schema, on-disk store, writing, searching, facets."""
from . import _lean  # noqa: F401  (first: whoosh imported without urllib.request)
from .compile import Compiler
from .searcher import Snapshot
from .store import cleanup, current_generation, new_workspace, publish, read_manifest, require_generation, write_lock
from .writer import GenerationWriter

__all__ = [
    "Compiler",
    "GenerationWriter",
    "Snapshot",
    "cleanup",
    "current_generation",
    "new_workspace",
    "publish",
    "read_manifest",
    "require_generation",
    "write_lock",
]
