"""The system packages step that `make run`, `make test` and CI share."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "system-packages.sh"


def run_as_ordinary_user(tmp_path: Path, *args: str, python: str) -> subprocess.CompletedProcess:
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "id").write_text("#!/bin/sh\necho 1000\n")  # not root: nothing may be installed
    (fake / "id").chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "PYTHON": python}
    return subprocess.run(["sh", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60)


def test_it_names_the_one_command_to_run_when_a_package_is_missing_and_it_may_not_install(tmp_path):
    done = run_as_ordinary_user(tmp_path, "run", python=str(tmp_path / "no-python"))
    assert done.returncode == 1
    assert done.stderr.strip().endswith("Hãy chạy: sudo apt-get install -y python3-venv")
    assert len(done.stderr.strip().splitlines()) == 1


def test_it_stays_silent_when_nothing_is_missing(tmp_path):
    done = run_as_ordinary_user(tmp_path, "run", python="python3")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_ci_uses_the_makefile_step_and_keeps_no_package_list_of_its_own():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make system-packages-test" in ci
    assert "apt-get" not in ci
    assert "system-packages-test install" in (ROOT / "Makefile").read_text()
