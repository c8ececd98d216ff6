"""Import whoosh without the modules it never uses here.

whoosh imports, only to re-export one function each:
- ``urllib.request`` from ``whoosh.compat`` (``urlretrieve``; with it http.client, email, ssl helpers);
- its English morphology (``whoosh.lang.morph_en.variations``, six large regexes compiled at import) from
  ``whoosh.query.terms``;
- the Porter stemmer and double metaphone (and the ``whoosh.lang`` language tables) from whoosh.analysis.
Together ~60 ms of a 0.5 s command. While whoosh is first imported, stand-in modules answer those imports
with functions that load the real ones when called; the stand-ins are removed right after, so any later
import gets the real modules."""
from __future__ import annotations

import importlib
import sys
import types
from functools import partial

# module name -> the names whoosh imports from it
_STAND_INS = {
    "urllib.request": ("urlretrieve",),
    "whoosh.lang.morph_en": ("variations",),
    "whoosh.lang.porter": ("stem",),
    "whoosh.lang.dmetaphone": ("double_metaphone",),
}


def _call(module: str, name: str, *args, **kwargs):
    return getattr(importlib.import_module(module), name)(*args, **kwargs)


def _deferred(module: str, name: str) -> partial:
    """A function that imports ``module`` on its first call and calls its ``name`` (a partial of a module-level
    function: it can be pickled, should whoosh ever store it in a schema, as StemFilter's default ``stemfn``)."""
    return partial(_call, module, name)


def import_whoosh() -> None:
    if "whoosh.compat" in sys.modules:
        return
    placed = {}
    for module, names in _STAND_INS.items():
        if module in sys.modules:
            continue
        stand_in = types.ModuleType(module)
        for name in names:
            setattr(stand_in, name, _deferred(module, name))
        sys.modules[module] = placed[module] = stand_in
    try:
        import whoosh.compat  # noqa: F401
        import whoosh.analysis  # noqa: F401
        import whoosh.query  # noqa: F401
    finally:
        for module, stand_in in placed.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]


import_whoosh()
