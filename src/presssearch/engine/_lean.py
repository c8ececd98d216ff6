"""Import whoosh without the web client it never uses here.

``whoosh.compat`` imports ``urllib.request`` (and with it http.client, email, ssl helpers: ~40 ms of a
0.5 s command) only to re-export ``urlretrieve``. While whoosh is first imported, a stand-in module
answers that import with a ``urlretrieve`` that loads the real one when called; the stand-in is removed
right after, so any later ``import urllib.request`` gets the real module."""
from __future__ import annotations

import sys
import types


def _urlretrieve(*args, **kwargs):
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def import_whoosh() -> None:
    if "whoosh.compat" in sys.modules or "urllib.request" in sys.modules:
        return
    stand_in = types.ModuleType("urllib.request")
    stand_in.urlretrieve = _urlretrieve
    sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401
    finally:
        if sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]


import_whoosh()
