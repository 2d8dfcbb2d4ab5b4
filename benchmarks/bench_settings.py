"""The project's settings, with the yardstick's URL added (web_bench.py runs gunicorn with these)."""

from giaoban.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"

# Twenty clients share one API token in the benchmark: the per-token limit would answer most calls
# with 429 and the table would time the refusal, not the list.
GIAOBAN_API_RATE_LIMIT = 10**9
