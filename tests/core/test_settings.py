import datetime
import os
import subprocess
import sys

from django.template import Context, Template
from django.utils import translation


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
