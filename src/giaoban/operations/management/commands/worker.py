"""`giaoban worker`: django-tasks' `db_worker` with a heartbeat and recovery of dead workers' jobs."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from giaoban.operations.worker import Heartbeat


class Command(DbWorkerCommand):
    help = _("Chạy tiến trình nền (gửi thư nhắc việc…): việc xếp hàng trong CSDL, báo sống cho /healthz.")

    def handle(self, *args, **options) -> None:
        heartbeat = Heartbeat(options["worker_id"])
        heartbeat.beat_once()  # before the first claim, so no other worker takes this one for dead
        heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stop()
