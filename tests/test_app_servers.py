"""Two app server processes sharing nothing but one PostgreSQL database: no lost update, no number given twice.

Each server is `giaoban runserver` on its own port (a process of its own, as on two machines);
the browser is plain HTTP with a session made in the database, so a session from one server
is valid on the other.  Skipped on SQLite, which is for one office PC, not several servers.
"""

import http.client
import re
import secrets
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from giaoban.accounts.models import Role
from giaoban.directives.models import Directive
from giaoban.documents.models import Document
from tests.documents import factories as f
from tests.factories import MembershipFactory, UserFactory

# Checked before the database is set up: a transactional test empties the tables when it ends.
pytestmark = [pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
                                 reason="several app servers need PostgreSQL"),
              pytest.mark.django_db(transaction=True)]
START_SECONDS, REQUEST_SECONDS = 60, 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"no server on port {port} after {START_SECONDS} s")


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory):
    """Two `giaoban runserver` processes on two ports, one database, one shared media folder."""
    command = Path(sys.executable).with_name("giaoban")
    tmp_path = tmp_path_factory.mktemp("servers")
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": _database_url(), "DEBUG": "true", "CONN_MAX_AGE": "0",
           "ALLOWED_HOSTS": "127.0.0.1", "GIAOBAN_VAR": str(tmp_path / "var"), "MEDIA_ROOT": str(tmp_path / "media"),
           "HOME": str(tmp_path)}
    ports, processes = [_free_port(), _free_port()], []
    try:
        for port in ports:
            processes.append(subprocess.Popen([str(command), "runserver", "--noreload", "--skip-checks",
                                               f"127.0.0.1:{port}"],
                                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for port, process in zip(ports, processes, strict=True):
            _wait_for(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


class Browser:
    """A logged-in user's cookies, valid on every server because sessions live in the database."""

    def __init__(self, user) -> None:
        client = Client()
        client.force_login(user)
        self.csrf = secrets.token_hex(16)  # 32 characters: Django accepts the unmasked secret
        self.cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={self.csrf}"

    def request(self, port: int, method: str, path: str, data: dict | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_SECONDS)
        headers = {"Cookie": self.cookie}
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": self.csrf}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read().decode()
        finally:
            conn.close()


def _editor_of(record):
    user = UserFactory()
    MembershipFactory(user=user, organization=record.host, role=Role.ADMIN)
    return Browser(user)


def test_two_servers_edit_one_directive_at_once_one_edit_wins_the_other_is_refused(servers):
    record = f.bau_bang()
    directive = Directive.objects.filter(meeting=record.meeting, lead__isnull=False).first()
    browser = _editor_of(record)
    path = f"/chi-dao/{directive.pk}/sua/"
    for port in servers:  # both editors have the form open at the same version
        status, html = browser.request(port, "GET", path)
        assert status == 200 and f'value="{directive.version}"' in html
    edits = [{"text": f"Nội dung sửa từ máy {i}", "lead": directive.lead_id or "", "priority": directive.priority,
              "deadline_text": "", "places_text": "", "assignees_text": "", "version": directive.version}
             for i in (1, 2)]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda pair: browser.request(pair[0], "POST", path, pair[1]),
                                zip(servers, edits, strict=True)))
    statuses = sorted(status for status, _html in results)
    assert statuses == [302, 409]
    winner = edits[[status for status, _html in results].index(302)]
    stored = Directive.objects.get(pk=directive.pk)
    assert stored.text == winner["text"] and stored.version == directive.version + 1


def test_notices_issued_through_both_servers_at_once_get_distinct_consecutive_numbers(servers):
    record = f.bau_bang()
    browser = _editor_of(record)
    path = f"/van-ban/cuoc-hop/{record.meeting.pk}/ban-hanh/notice/"
    data = {"notice-issued_on": "05/07/2018", "notice-signer_name": "Nguyễn Thành Tốt",
            "notice-signer_title": "Phó Chủ tịch", "notice-recipients": ""}
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda port: browser.request(port, "POST", path, data), servers * 3))
    assert [status for status, _html in results] == [302] * 6
    numbers = sorted(Document.objects.filter(meeting=record.meeting).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]
    codes = Document.objects.filter(meeting=record.meeting).values_list("code", flat=True)
    assert len(set(codes)) == 6 and all(re.match(r"0\d/TB-", code) for code in codes)
