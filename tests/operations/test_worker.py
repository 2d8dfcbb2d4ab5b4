"""The worker's heartbeat, and a killed worker's job run again by the next one, exactly once."""

import datetime
import json
import os
import socket
import subprocess

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from giaoban.notifications.models import Notification
from giaoban.notifications.tasks import send_or_queue
from giaoban.operations import worker
from giaoban.operations.models import WorkerHeartbeat
from tests.factories import UserFactory
from tests.operations.conftest import BIN, ROOT, app_env, database_url, stop, wait_until


@pytest.fixture
def database_queue(settings):
    settings.GIAOBAN_WORKER = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _running_job(worker_id: str, started: datetime.datetime) -> DBTaskResult:
    return DBTaskResult.objects.create(task_path="giaoban.notifications.tasks.email_notification",
                                       args_kwargs={"args": [1], "kwargs": {}}, backend_name="default",
                                       run_after=timezone.now(), status=TaskResultStatus.RUNNING,
                                       started_at=started, worker_ids=[worker_id])


def _heartbeat(worker_id: str, pid: int, beat_at: datetime.datetime, hostname: str | None = None) -> None:
    WorkerHeartbeat.objects.create(worker_id=worker_id, hostname=hostname or socket.gethostname(), pid=pid,
                                   started_at=beat_at, beat_at=beat_at)


@pytest.mark.django_db
def test_a_job_of_a_live_worker_stays_running():
    _heartbeat("alive", os.getpid(), timezone.now())
    job = _running_job("alive", timezone.now())
    assert worker.requeue_orphans() == 0
    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_a_job_whose_worker_process_is_gone_goes_back_to_the_queue_at_once():
    gone = subprocess.Popen(["true"])
    gone.wait(timeout=30)  # exited and reaped: its pid names no process
    _heartbeat("dead", gone.pid, timezone.now())
    job = _running_job("dead", timezone.now())
    assert worker.requeue_orphans() == 1
    job.refresh_from_db()
    assert job.status == TaskResultStatus.READY and job.started_at is None
    assert not WorkerHeartbeat.objects.filter(worker_id="dead").exists()


@pytest.mark.django_db
def test_a_job_of_a_worker_on_another_machine_goes_back_only_when_its_heartbeat_is_stale(settings):
    stale = timezone.now() - datetime.timedelta(seconds=settings.GIAOBAN_WORKER_STALE_SECONDS + 1)
    _heartbeat("far", 1, timezone.now(), hostname="another-machine")
    _heartbeat("far-stale", 1, stale, hostname="another-machine")
    kept, orphan = _running_job("far", timezone.now()), _running_job("far-stale", stale)
    assert worker.requeue_orphans() == 1
    kept.refresh_from_db()
    orphan.refresh_from_db()
    assert (kept.status, orphan.status) == (TaskResultStatus.RUNNING, TaskResultStatus.READY)


@pytest.mark.django_db
def test_a_job_claimed_without_heartbeat_is_left_alone_until_it_is_older_than_the_stale_limit(settings):
    stale = timezone.now() - datetime.timedelta(seconds=settings.GIAOBAN_WORKER_STALE_SECONDS + 1)
    young, old = _running_job("plain-a", timezone.now()), _running_job("plain-b", stale)
    assert worker.requeue_orphans() == 1
    young.refresh_from_db()
    old.refresh_from_db()
    assert (young.status, old.status) == (TaskResultStatus.RUNNING, TaskResultStatus.READY)


# --- A killed worker ----------------------------------------------------------------------------


def _worker(tmp_path, url: str, *args: str, **env: str) -> subprocess.Popen:
    command = [str(BIN / "giaoban"), "worker", "--no-reload", "--no-startup-delay", "--interval", "0.2", *args]
    environment = app_env(tmp_path, url, GIAOBAN_WORKER="true", MAILBOX_DIR=str(tmp_path),
                          EMAIL_BACKEND="tests.operations.mailbox.Backend", **env)
    with open(tmp_path / "worker.log", "a") as log:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log, env=environment)


def test_a_job_of_a_killed_worker_is_finished_by_the_next_worker_exactly_once(shared_database, database_queue,
                                                                               tmp_path):
    user = UserFactory(username="bientap", email="bientap@mttq.vn")
    send_or_queue(Notification.objects.create(user=user, key="directives:1:2026-12-02", title="Nhắc việc",
                                              body="Quá hạn (1)"))
    job = DBTaskResult.objects.get()
    assert job.status == TaskResultStatus.READY  # queued, not sent by the request or command
    url = database_url(shared_database)

    first = _worker(tmp_path, url, MAILBOX_HANG="1")
    try:
        wait_until(lambda: (tmp_path / "attempts").exists(), 60, "the first worker to start sending")
    finally:
        first.kill()
        first.wait(timeout=30)
    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING and not (tmp_path / "sent").exists()

    second = _worker(tmp_path, url, "--batch")
    try:
        assert second.wait(timeout=120) == 0, (tmp_path / "worker.log").read_text()[-3000:]
    finally:
        stop(second)
    job.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL and len(job.worker_ids) == 2
    sent = [json.loads(line) for line in (tmp_path / "sent").read_text().splitlines()]
    assert sent == [{"to": ["bientap@mttq.vn"], "subject": "Nhắc việc"}]
    assert (tmp_path / "attempts").read_text().count("attempt") == 2
    assert Notification.objects.get().emailed
