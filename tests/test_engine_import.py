"""The engine imports whoosh without urllib.request (CLI start-up), and leaves the real module importable."""
import subprocess
import sys

CHECK = """
import sys
import presssearch.engine
assert "urllib.request" not in sys.modules, "urllib.request was imported"
import urllib.request
assert hasattr(urllib.request, "urlopen"), "the stand-in leaked"
import whoosh.compat
assert callable(whoosh.compat.urlretrieve)
print("ok")
"""


def test_engine_import_skips_urllib_and_leaves_it_intact():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
