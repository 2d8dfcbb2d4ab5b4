"""The `giaoban` console script: extraction without a database, Django commands with one."""

import json
import os
import subprocess
import sys
from pathlib import Path

GIAOBAN = str(Path(sys.executable).with_name("giaoban"))
SAMPLE = ("Ngày 05/4/2022, Huyện ủy Hữu Lũng tổ chức Hội nghị giao ban quý I năm 2022. "
          "Đồng chí Nguyễn Văn A, Phó Bí thư Huyện ủy kết luận và đề nghị MTTQ tăng cường tuyên truyền.")


def _env_without_database(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "GIAOBAN_DEMO"}}
    # An unreachable database and no SECRET_KEY: extraction must need neither.
    env.update(DATABASE_URL="postgres://nobody@127.0.0.1:1/none", GIAOBAN_VAR=str(tmp_path))
    return env


def test_extract_reads_stdin_without_settings_or_database(tmp_path):
    result = subprocess.run([GIAOBAN, "extract", "-"], input=SAMPLE, text=True, capture_output=True,
                            env=_env_without_database(tmp_path), timeout=60)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["kind"] == "briefing"
    assert record["meeting"]["period"] == {"type": "quarter", "year": 2022, "number": 1}


def test_extract_does_not_import_django(tmp_path):
    code = "import sys; from giaoban.cli import main; main(['giaoban', 'extract', '-']); " \
           "assert 'django' not in sys.modules, 'django imported'"
    result = subprocess.run([sys.executable, "-c", code], input=SAMPLE, text=True, capture_output=True,
                            env=_env_without_database(tmp_path), timeout=60)
    assert result.returncode == 0, result.stderr


def test_other_commands_run_through_django(tmp_path):
    env = {**os.environ, "DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = subprocess.run([GIAOBAN, "check"], text=True, capture_output=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
