import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from giaoban.notifications.models import Notification
from tests.directives.factories import DirectiveFactory
from tests.meetings.factories import briefing_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _remind(*args) -> str:
    out = io.StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def test_dry_run_says_who_would_get_what_and_sends_nothing(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 24, 7, 0), tick=False)
    w = briefing_world()
    DirectiveFactory(meeting=w.meeting, lead=w.front, text="Tổ chức Ngày hội Đại đoàn kết",
                     deadline=datetime.date(2026, 3, 24), deadline_precision="day")
    output = _remind("--dry-run")
    assert "bientap_mttq (trong hệ thống, thư tới bientap_mttq@example.org)" in output
    assert "Tổ chức Ngày hội Đại đoàn kết" in output and "đến hạn hôm nay" in output
    assert "Chạy thử: 1 bản" in output
    assert not Notification.objects.exists() and mail.outbox == []


def test_no_email_sends_in_the_app_only(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 24, 7, 0), tick=False)
    w = briefing_world()
    DirectiveFactory(meeting=w.meeting, lead=w.front, deadline=datetime.date(2026, 3, 24), deadline_precision="day")
    assert "Đã gửi 1 bản nhắc việc ngày 24/03/2026" in _remind("--no-email")
    assert mail.outbox == [] and Notification.objects.filter(user=w.lead_editor).count() == 1


def test_with_the_demo_data_the_demo_editor_gets_a_digest_in_the_app_and_by_mail(client, settings, time_machine):
    settings.DEMO = True
    call_command("demo", stdout=io.StringIO())
    # The demo's Hữu Lũng bloc reports Quý I/2022 by 05/04/2022; the Đoàn Thanh niên has not.
    time_machine.move_to(datetime.datetime(2022, 4, 1, 7, 0), tick=False)
    assert "Đã gửi" in _remind()
    editor = get_user_model().objects.get(username="bientap")
    [digest] = Notification.objects.filter(user=editor)
    assert "Đoàn Thanh niên huyện Hữu Lũng chưa nộp báo cáo Quý I/2022" in digest.body
    assert [m.to for m in mail.outbox if m.to == [editor.email]] == [["bientap@giaoban.example"]]
    client.force_login(editor)
    assert digest.title in client.get(reverse("notifications:list")).content.decode()
    assert "Đã gửi 0 bản" in _remind()  # the rerun sends nothing
