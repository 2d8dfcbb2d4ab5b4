"""The worker's heartbeat, and putting back the jobs of a worker that died mid-job.

django-tasks' `db_worker` claims a job by marking it RUNNING; if the process is
killed (OOM, power cut, SIGKILL) the row stays RUNNING and no worker takes it
again.  `giaoban worker` therefore keeps a heartbeat row fresh from a side
thread, and every worker, when it starts and at each beat, returns to the queue
the RUNNING jobs whose worker is gone: its process no longer exists on this
machine, or its heartbeat is stale.  Jobs must tolerate a second run (the
notification e-mail checks its `emailed` flag first: it goes out twice only if
the worker dies between the SMTP server's answer and the flag's update).
"""

import contextlib
import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from giaoban.operations.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def stale_before(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(seconds=settings.GIAOBAN_WORKER_STALE_SECONDS)


def beat(worker_id: str, started_at: datetime.datetime) -> None:
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={
        "hostname": socket.gethostname(), "pid": os.getpid(), "started_at": started_at, "beat_at": timezone.now()})


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def _alive(heartbeat: WorkerHeartbeat, limit: datetime.datetime) -> bool:
    if heartbeat.beat_at < limit:
        return False
    return heartbeat.hostname != socket.gethostname() or _process_exists(heartbeat.pid)


def requeue_orphans() -> int:
    """Put back RUNNING jobs whose worker is dead; returns how many."""
    limit = stale_before()
    heartbeats = {h.worker_id: h for h in WorkerHeartbeat.objects.all()}
    dead = {worker_id for worker_id, h in heartbeats.items() if not _alive(h, limit)}
    orphans = []
    for job in DBTaskResult.objects.running().only("id", "worker_ids", "started_at"):
        last = job.worker_ids[-1] if job.worker_ids else None
        # A job claimed by a worker without heartbeat (a plain `db_worker`) is left
        # alone until it has run for longer than the stale limit.
        if last in dead or (last not in heartbeats and job.started_at and job.started_at < limit):
            orphans.append(job.id)
    count = DBTaskResult.objects.filter(id__in=orphans, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None)
    WorkerHeartbeat.objects.filter(worker_id__in=dead).delete()
    if count:
        logger.warning("requeued %d job(s) of dead workers", count)
    return count


def latest_beat() -> datetime.datetime | None:
    return WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()


class Heartbeat(threading.Thread):
    """Beats for one worker process until stopped; its own database connection."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self._stopped = threading.Event()

    def beat_once(self) -> None:
        beat(self.worker_id, self.started_at)
        requeue_orphans()

    def run(self) -> None:
        while not self._stopped.wait(settings.GIAOBAN_WORKER_BEAT_SECONDS):
            try:
                self.beat_once()
            except DatabaseError:  # the database is down: try again at the next beat
                logger.warning("worker heartbeat failed", exc_info=True)
            finally:
                connection.close()

    def stop(self) -> None:
        self._stopped.set()
        with contextlib.suppress(DatabaseError):  # a database that is down forgets us by staleness instead
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
