"""The engine imports whoosh without the modules it never uses here (urllib.request, whoosh's English
morphology, Porter stemmer and metaphone), leaves the real modules importable, and a search does not import
numpy.ma (CLI start-up)."""
import subprocess
import sys

CHECK = """
import sys
import presssearch.engine
for name in ("urllib.request", "whoosh.lang.morph_en", "whoosh.lang.porter", "whoosh.lang.dmetaphone"):
    assert name not in sys.modules, name + " was imported"
import urllib.request
assert hasattr(urllib.request, "urlopen"), "the stand-in leaked"
import whoosh.compat
assert callable(whoosh.compat.urlretrieve)
from whoosh.query.terms import variations
assert "run" in variations("running"), "whoosh's variations do not reach the real module"
from whoosh.analysis.morph import stem, double_metaphone
assert stem("connections") == "connect"
assert double_metaphone("Smith")[0] == "SM0"
print("ok")
"""

SEARCH = """
import sys
from presssearch import Archive
archive = Archive(sys.argv[1])
hits = archive.search("Бурков Казахстан", limit=3)
assert hits, "nothing found"
quotes = archive.quotes("Казахстан", speaker="Буркова")
assert quotes, "no quote found"
assert "numpy.ma" not in sys.modules, "a search imported numpy.ma"
print("ok")
"""


def test_engine_import_skips_unused_whoosh_modules_and_leaves_them_intact():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_search_does_not_import_numpy_ma(bundled_index):
    out = subprocess.run([sys.executable, "-c", SEARCH, str(bundled_index)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
