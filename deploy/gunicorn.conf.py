"""gunicorn settings for giaoban (systemd: deploy/giaoban-web.service).

The proxy (deploy/Caddyfile) terminates HTTPS and forwards to 127.0.0.1:8000;
the app itself logs one JSON line per request, so gunicorn's access log is off.
"""

import multiprocessing
import os

wsgi_app = "giaoban.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each request is short; report exports and PDFs are CPU work, not I/O.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = 60  # a consolidation PDF of a whole province takes a few seconds, never a minute
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then: a leak never grows for weeks
max_requests_jitter = 200
# Trust X-Forwarded-* only from the local proxy.
forwarded_allow_ips = "127.0.0.1,::1"
accesslog = None
errorlog = "-"
loglevel = "warning"
