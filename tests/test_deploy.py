"""The files under deploy/ that docs/deployment.md installs: they name real commands and settings."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
SETTINGS = (Path(__file__).resolve().parents[1] / "src" / "giaoban" / "settings.py").read_text()


def _exec_lines() -> list[tuple[str, str]]:
    return [(unit.name, line.split("=", 1)[1]) for unit in sorted(DEPLOY.glob("*.service"))
            for line in unit.read_text().splitlines() if line.startswith("ExecStart=")]


def test_every_giaoban_command_a_systemd_unit_runs_exists():
    commands = [(name, line.split("/.venv/bin/giaoban ", 1)[1].split()[0]) for name, line in _exec_lines()
                if "/.venv/bin/giaoban " in line]
    assert {command for _name, command in commands} == {"worker", "remind", "backup"}
    assert all(command in get_commands() for _name, command in commands)


def test_the_web_unit_runs_gunicorn_with_the_config_in_deploy():
    [web] = [line for name, line in _exec_lines() if name == "giaoban-web.service"]
    assert web.split() == ["/srv/giaoban/.venv/bin/gunicorn", "--config", "/srv/giaoban/deploy/gunicorn.conf.py"]
    assert (DEPLOY / "gunicorn.conf.py").exists()


def test_every_timer_starts_a_unit_that_exists():
    for timer in DEPLOY.glob("*.timer"):
        assert (DEPLOY / f"{timer.stem}.service").exists(), timer.name


def test_the_environment_template_has_no_secret_and_only_variables_the_settings_read():
    pairs = [line.split("=", 1) for line in (DEPLOY / "giaoban.env.example").read_text().splitlines()
             if line and not line.startswith("#")]
    values = dict(pairs)
    assert values["SECRET_KEY"].startswith("<") and values["DATABASE_URL"] == "postgres:///giaoban"
    unread = [name for name in values if not re.search(rf"\(\s*\"{name}\"", SETTINGS)]
    assert unread == []


def test_the_caddyfile_is_valid(tmp_path):
    if shutil.which("caddy") is None:
        pytest.skip("caddy is not installed (apt-get install caddy)")
    command = ["caddy", "validate", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60,
                            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
