"""Notification e-mails: sent at once without a worker, queued with one, never sent twice."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from giaoban.notifications.models import Notification
from giaoban.notifications.tasks import email_notification, send_or_queue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def deliver(user) -> Notification:
    notification = Notification.objects.create(user=user, key="directives:7:2026-12-02",
                                               title="Nhắc việc: 1 chỉ đạo quá hạn", body="- …")
    send_or_queue(notification)
    return notification


def test_without_a_worker_the_email_goes_out_at_once(settings):
    settings.GIAOBAN_WORKER = False
    assert deliver(UserFactory(email="lan@mttq.vn"))
    assert [m.to for m in mail.outbox] == [["lan@mttq.vn"]] and Notification.objects.get().emailed
    assert not DBTaskResult.objects.exists()


def test_without_a_worker_an_smtp_failure_still_stops_the_command(settings):
    settings.GIAOBAN_WORKER = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    with pytest.raises(OSError):
        deliver(UserFactory(email="lan@mttq.vn"))
    assert not Notification.objects.get().emailed


def test_with_a_worker_the_email_is_queued_in_the_database_not_sent(settings):
    settings.GIAOBAN_WORKER = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    deliver(UserFactory(email="lan@mttq.vn"))
    job = DBTaskResult.objects.get()
    assert mail.outbox == [] and job.task_path == "giaoban.notifications.tasks.email_notification"
    assert job.args_kwargs == {"args": [Notification.objects.get().pk], "kwargs": {}}


def test_a_job_run_a_second_time_sends_nothing_more(settings):
    settings.GIAOBAN_WORKER = False
    deliver(UserFactory(email="lan@mttq.vn"))
    assert email_notification.call(Notification.objects.get().pk) is False
    assert len(mail.outbox) == 1


def test_a_digests_own_mail_text_replaces_the_stored_one(settings):
    settings.GIAOBAN_WORKER = False
    notification = Notification.objects.create(user=UserFactory(email="lan@mttq.vn"), key="k", title="T", body="B")
    send_or_queue(notification, "B\n--\nhủy nhận thư")
    assert mail.outbox[0].body.endswith("hủy nhận thư") and Notification.objects.get().body == "B"
