"""/healthz, and the pages a lost database or a full disk get, served by the real gunicorn set-up."""

import http.client
import json
import os
import subprocess

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client
from django.utils import timezone

from giaoban.operations.models import WorkerHeartbeat
from tests.factories import UserFactory
from tests.operations.conftest import BIN, ROOT, app_env, database_url, free_port, stop, wait_until
from tests.operations.tcpproxy import TcpProxy


@pytest.fixture
def worker_configured(settings):
    settings.GIAOBAN_WORKER = True


def _health(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


@pytest.mark.django_db
def test_healthz_answers_200_without_login_when_database_migrations_and_worker_are_fine(client, worker_configured):
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="other-host", pid=1, started_at=timezone.now(),
                                   beat_at=timezone.now())
    status, body = _health(client)
    assert status == 200
    assert body == {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "worker": "ok"}, "failing": []}
    assert "no-cache" in client.get("/healthz")["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_naming_the_worker_when_its_heartbeat_is_stale(client, worker_configured, settings):
    old = timezone.now() - timezone.timedelta(seconds=settings.GIAOBAN_WORKER_STALE_SECONDS + 5)
    WorkerHeartbeat.objects.create(worker_id="w1", hostname="other-host", pid=1, started_at=old, beat_at=old)
    status, body = _health(client)
    assert status == 503 and body["failing"] == ["worker"] and body["checks"]["worker"] == "stale"


@pytest.mark.django_db
def test_healthz_answers_503_when_no_worker_ever_beat(client, worker_configured):
    status, body = _health(client)
    assert status == 503 and body["checks"]["worker"] == "missing"


@pytest.mark.django_db
def test_healthz_answers_503_naming_the_migrations_when_one_is_not_applied(client):
    MigrationRecorder.Migration.objects.filter(app="operations").delete()
    status, body = _health(client)
    assert status == 503 and body["failing"] == ["migrations"] and body["checks"]["migrations"] == "pending"


@pytest.mark.django_db
def test_healthz_does_not_watch_a_worker_when_emails_are_sent_in_process(client, settings):
    settings.GIAOBAN_WORKER = False
    status, body = _health(client)
    assert status == 200 and body["checks"]["worker"] == "not used"


# --- The database restarted while serving ---------------------------------------------------------


def _get(port: int, path: str, session: str) -> tuple[int, str, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Cookie": f"sessionid={session}", "Host": "127.0.0.1",
                                           "X-Forwarded-Proto": "https"})
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read().decode()
    finally:
        conn.close()


@pytest.fixture
def cut_database(shared_database, tmp_path):
    """(DATABASE_URL for the app, cut, restore).  PostgreSQL through a TCP proxy; SQLite by moving its folder."""
    if shared_database is None:
        settings_dict = connection.settings_dict
        proxy = TcpProxy(settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432))
        yield database_url(None, "127.0.0.1", proxy.port), proxy.cut, proxy.restore
        proxy.close()
        return
    folder, away = shared_database.parent, shared_database.parent.with_name("db-away")
    yield database_url(shared_database), lambda: os.rename(folder, away), lambda: os.rename(away, folder)
    if away.exists():
        os.rename(away, folder)


@pytest.fixture
def served(cut_database, tmp_path):
    """gunicorn with deploy/gunicorn.conf.py, one worker, persistent database connections."""
    url, cut, restore = cut_database
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 — closed when gunicorn stops
    process = subprocess.Popen([str(BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                                "--bind", f"127.0.0.1:{port}", "--workers", "1", "giaoban.wsgi"],
                               env=app_env(tmp_path, url, CONN_MAX_AGE="60"), stdout=log, stderr=log, cwd=ROOT)

    def answers() -> bool:
        assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
        try:
            return _get(port, "/dang-nhap/", "")[0] == 200
        except OSError:
            return False

    try:
        wait_until(answers, 60, "gunicorn to answer")
        yield port, cut, restore
    finally:
        stop(process)
        log.close()


def test_it_answers_503_in_vietnamese_while_the_database_is_down_and_recovers_without_restart(served):
    port, cut, restore = served
    user = UserFactory(username="chuyenvien", first_name="Lan")
    browser = Client()
    browser.force_login(user)
    session = browser.cookies["sessionid"].value
    assert _get(port, "/", session)[0] == 200

    cut()
    status, content_type, page = _get(port, "/", session)
    assert status == 503 and content_type.startswith("text/html")
    assert "Hệ thống tạm thời gián đoạn" in page and "chưa được lưu" in page
    status, _type, health = _get(port, "/healthz", "")
    assert status == 503 and json.loads(health)["failing"] == ["database"]

    restore()
    status, _type, page = _get(port, "/", session)
    assert status == 200 and "Hệ thống tạm thời gián đoạn" not in page
    assert _get(port, "/healthz", "")[0] == 200
