import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from tests.factories import UserFactory


def test_missing_secret_key_in_production_is_a_clear_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "GIAOBAN_DEMO"}}
    env.update(DJANGO_SETTINGS_MODULE="giaoban.settings", GIAOBAN_VAR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "Thiếu biến môi trường SECRET_KEY" in result.stderr


def test_dates_display_as_dd_mm_yyyy_in_vietnamese():
    with translation.override("vi"):
        rendered = Template('{{ d|date:"SHORT_DATE_FORMAT" }}').render(Context({"d": datetime.date(2022, 4, 5)}))
    assert rendered == "05/04/2022"


def test_defaults_are_vietnamese_and_hanoi_time(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def _production_env(tmp_path) -> dict:
    import secrets

    # The test run's own switches (the async-unsafe flag for the browser tests) are not production's.
    unset = {"DEBUG", "GIAOBAN_DEMO", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(GIAOBAN_ENV="production", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="giaoban.example.vn",
               GIAOBAN_VAR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}")
    return env


def test_check_deploy_with_production_settings_prints_no_warning(tmp_path):
    script = Path(sys.executable).with_name("giaoban")  # the console script, as an office runs it
    command = [str(script)] if script.exists() else [sys.executable, "-m", "giaoban.cli"]
    result = subprocess.run([*command, "check", "--deploy", "--fail-level", "WARNING"],
                            env=_production_env(tmp_path), capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "System check identified no issues (0 silenced)." in output


def test_production_refuses_to_run_with_debug_on(tmp_path):
    env = {**_production_env(tmp_path), "DEBUG": "true"}
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "GIAOBAN_ENV=production" in result.stderr


@pytest.mark.django_db
def test_an_all_digit_eight_character_password_is_refused_in_vietnamese():
    user = UserFactory(username="canbo")
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        validate_password("73928461", user)
    assert refused.value.messages == ["Mật khẩu quá ngắn: cần ít nhất 10 ký tự.",
                                      "Mật khẩu không được chỉ gồm chữ số."]


@pytest.mark.django_db
def test_a_common_password_or_one_like_the_username_is_refused_in_vietnamese():
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        validate_password("password123", UserFactory(username="canbo"))
    assert "Mật khẩu này quá phổ biến, dễ bị đoán." in refused.value.messages
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        validate_password("nguyenvanhoang", UserFactory(username="nguyenvanhoang"))
    assert refused.value.messages[0].startswith("Mật khẩu quá giống")


@pytest.mark.django_db
def test_a_long_passphrase_is_accepted():
    validate_password("ruong-lua-ven-song-2026", UserFactory(username="canbo"))


def _settings_value(expression: str, **env: str) -> str:
    """`expression` evaluated in a fresh process with the given environment (settings are read at start)."""
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    environment.update(DJANGO_SETTINGS_MODULE="giaoban.settings", DEBUG="true", **env)
    result = subprocess.run([sys.executable, "-c", f"import django; django.setup(); from django.conf import settings; "
                             f"print({expression})"], env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_cache_is_the_databases_table_shared_by_every_app_server_by_default():
    assert _settings_value("settings.CACHES['default']['BACKEND']") == "django.core.cache.backends.db.DatabaseCache"
    assert _settings_value("settings.CACHES['default']['LOCATION']") == "giaoban_cache"


def test_the_cache_is_redis_when_redis_url_is_set():
    backend = "settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION']"
    assert _settings_value(backend, REDIS_URL="redis://cache.example.vn:6379/1") == (
        "django.core.cache.backends.redis.RedisCache redis://cache.example.vn:6379/1")


@pytest.mark.django_db
def test_migrate_creates_the_cache_table_and_the_cache_counts_in_it():
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection

    assert settings.CACHE_TABLE in connection.introspection.table_names()
    cache.set("thu-nghiem", 41)
    assert cache.incr("thu-nghiem") == 42
