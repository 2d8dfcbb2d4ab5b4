"""`giaoban doctor` says, line by line, what an installation lacks and how to mend it."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from giaoban import doctor


@pytest.mark.django_db
def test_it_prints_only_ticks_on_a_healthy_install(capsys):
    call_command("doctor")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(doctor.CHECKS)
    assert all(line.startswith("✓ ") for line in lines), lines


def test_it_prints_the_database_line_and_exits_non_zero_when_the_database_is_unreachable():
    env = {**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:1/none", "DEBUG": "true"}
    done = subprocess.run([sys.executable, "-m", "giaoban.cli", "doctor"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0
    assert any(line.startswith("✗ Cơ sở dữ liệu PostgreSQL 127.0.0.1:1/none") and "DATABASE_URL" in line
               for line in done.stdout.splitlines()), done.stdout


def test_it_names_the_fix_when_the_media_folder_cannot_be_written(settings, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = blocker / "media"
    result = doctor.media_folder()
    assert not result.ok and "MEDIA_ROOT" in result.line()


def test_it_asks_for_a_sender_when_smtp_has_none(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = ""
    result = doctor.email()
    assert not result.ok and "DEFAULT_FROM_EMAIL" in result.fix


def test_it_refuses_a_time_zone_other_than_vietnams(settings):
    settings.TIME_ZONE = "Europe/Paris"
    assert not doctor.time_zone().ok


def test_a_missing_chromium_is_reported_but_does_not_fail_the_install(monkeypatch):
    monkeypatch.setattr(doctor.shutil, "which", lambda name: None)
    result = doctor.chromium()
    assert not result.ok and not result.required and "apt-get install chromium" in result.fix


def test_the_bundled_fonts_pass_the_pdf_check():
    assert doctor.pdf_fonts().ok
