"""The project's settings, with the yardstick's URL added (web_bench.py runs gunicorn with these)."""

from giaoban.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
