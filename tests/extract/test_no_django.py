import subprocess
import sys

from conftest import SRC


def test_importing_extract_and_cli_does_not_import_django_or_heavy_libraries():
    code = (
        "import sys, giaoban.extract, giaoban.extract.cli, giaoban.extract.train; "
        "heavy = [m for m in ('django', 'docx', 'pypdf', 'jsonschema', 'underthesea', 'vietnamadminunits') "
        "if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
