import datetime

import pytest
from django.urls import reverse

from giaoban.accounts.models import Role
from giaoban.notifications.models import Notification, SentReminder
from giaoban.reports.reminders import missing_reports, remind_missing
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_body_that_has_not_submitted_is_reminded_before_the_deadline(bloc_world):
    # The farmers' report is a draft, the Front submitted; the deadline of Quý I/2022 is 05/04/2022.
    [reminder] = list(missing_reports(today=datetime.date(2022, 4, 3)))
    assert reminder.organization_id == bloc_world["farmers"].pk
    assert "Hội Nông dân huyện Thử" in reminder.line and "còn 2 ngày" in reminder.line
    assert reminder.key.endswith(":2022-04-05:2022-03-29")  # 7 days before


def test_no_reminder_long_before_the_deadline_after_the_follow_up_or_once_submitted(bloc_world):
    assert list(missing_reports(today=datetime.date(2022, 2, 15))) == []
    assert list(missing_reports(today=datetime.date(2022, 5, 6))) == []  # 31 days late: followed up in person
    bloc_world["farmers_report"].status = "submitted"
    bloc_world["farmers_report"].save()
    assert list(missing_reports(today=datetime.date(2022, 4, 3))) == []


def test_the_button_reaches_the_bodies_through_the_editors_above_them(bloc_world):
    w = bloc_world
    youth = OrganizationFactory(name="Đoàn Thanh niên huyện Thử", type="youth_union", parent=w["front"])
    w["bloc"].members.add(youth)
    front_editor = UserFactory(username="bientap_mttq")
    MembershipFactory(user=front_editor, organization=w["front"], role=Role.EDITOR)
    result = remind_missing(w["bloc"], w["q1"], datetime.date(2022, 4, 3))
    assert set(result.reached) == {w["farmers"], youth} and result.sent == 2
    [note] = Notification.objects.filter(user=front_editor)
    assert "Đoàn Thanh niên huyện Thử" in note.body and "Hội Nông dân huyện Thử" not in note.body
    assert Notification.objects.filter(user=w["member_editor"]).count() == 1  # the farmers' own editor
    assert remind_missing(w["bloc"], w["q1"], datetime.date(2022, 4, 3)).sent == 0  # once a day


def test_a_body_nobody_answers_for_is_named_on_the_page(client, bloc_world):
    w = bloc_world
    lonely = OrganizationFactory(name="Hội Cựu chiến binh huyện Khác", type="veterans_association")
    w["bloc"].members.add(lonely)
    client.force_login(w["convening_editor"])
    page = client.post(reverse("reports:bloc_remind", args=[w["bloc"].pk, w["q1"]]), follow=True)
    html = page.content.decode()
    assert "Đã nhắc 1 đơn vị chưa nộp; gửi tới 1 người" in html
    assert "Chưa có ai được giao cập nhật cho: Hội Cựu chiến binh huyện Khác" in html


def test_convening_editor_reminds_from_the_consolidation_page_and_readers_cannot(client, bloc_world):
    w = bloc_world
    client.force_login(w["convening_editor"])
    url = reverse("reports:bloc_remind", args=[w["bloc"].pk, w["q1"]])
    assert "gửi tới 1 người" in client.post(url, follow=True).content.decode()
    assert Notification.objects.filter(user=w["member_editor"]).count() == 1
    assert SentReminder.objects.filter(user=w["member_editor"]).count() == 1
    client.force_login(w["convening_reader"])
    assert client.post(url).status_code == 403


def test_with_the_demo_data_the_button_reaches_the_demo_editor(client, settings, time_machine):
    import io

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from giaoban.organisations.models import Bloc
    from giaoban.periods.models import Period

    settings.DEMO = True
    call_command("demo", stdout=io.StringIO())
    time_machine.move_to(datetime.datetime(2026, 12, 2, 9, 0), tick=False)
    editor = get_user_model().objects.get(username="bientap")
    bloc = Bloc.objects.get(name="Khối MTTQ và các đoàn thể huyện Hữu Lũng")
    period = Period.objects.from_label("Quý IV/2026")  # nobody has reported yet
    client.force_login(editor)
    html = client.post(reverse("reports:bloc_remind", args=[bloc.pk, period]), follow=True).content.decode()
    assert "gửi tới 1 người" in html and "Đã nhắc 0" not in html
    [note] = Notification.objects.filter(user=editor)
    assert "Hội Nông dân huyện Hữu Lũng chưa nộp báo cáo Quý IV/2026" in note.body


def _queries_of_missing_reports(day: datetime.date) -> tuple[int, list]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        found = list(missing_reports(today=day))
    return len(queries), found


def test_the_queries_do_not_grow_with_the_bloc_templates(bloc_world):
    from tests.factories import BlocFactory
    from tests.reports.factories import ReportTemplateFactory

    day = datetime.date(2022, 4, 3)
    _queries_of_missing_reports(day)  # the periods looked at are stored by the first run
    one_template, found = _queries_of_missing_reports(day)
    for n in range(6):
        front = OrganizationFactory(name=f"Ủy ban MTTQ xã Thử {n}", parent=bloc_world["front"])
        youth = OrganizationFactory(name=f"Đoàn Thanh niên xã Thử {n}", type="youth_union", parent=front)
        ReportTemplateFactory(bloc=BlocFactory(convening=front, members=[front, youth]), period_type="quarter")
    seven_templates, more = _queries_of_missing_reports(day)
    assert seven_templates == one_template
    assert len(found) == 1 and len(more) == 7


def test_the_bloc_members_are_read_in_chunks_with_one_look_up_each(bloc_world, monkeypatch):
    from giaoban.reports import reminders as report_reminders
    from tests.factories import BlocFactory
    from tests.reports.factories import ReportTemplateFactory

    day = datetime.date(2022, 4, 3)
    front = OrganizationFactory(name="Ủy ban MTTQ xã Thử", parent=bloc_world["front"])
    members = [OrganizationFactory(name=f"Chi hội xã Thử {n}", type="farmers_union", parent=front) for n in range(4)]
    ReportTemplateFactory(bloc=BlocFactory(convening=front, members=[front, *members]), period_type="quarter")
    _queries_of_missing_reports(day)
    one_chunk, found = _queries_of_missing_reports(day)
    monkeypatch.setattr(report_reminders, "CHUNK", 2)  # 5 members missing: 3 chunks
    three_chunks, again = _queries_of_missing_reports(day)
    assert three_chunks == one_chunk + 2 and again == found
    assert [r.path for r in found] == sorted(r.path for r in found)
