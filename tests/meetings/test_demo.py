import pytest
from django.core.management import call_command
from django.utils import timezone

from giaoban.directives.models import Directive, DirectiveStatus, DirectiveUpdate
from giaoban.meetings.models import AgendaKind, Meeting

SEED_TITLES = ["Hội nghị giao ban công tác quý I, triển khai chương trình công tác quý II năm 2022",
               "Giao ban khối MTTQ và các Đoàn thể Quý I năm 2020",
               "Thành ủy Hồng Ngự làm việc với các ngành Khối vận",
               "Hội nghị giao ban 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2022",
               "Hội nghị giao ban Mặt trận các xã tháng 6/2018"]


@pytest.mark.django_db
def test_demo_creates_the_five_seed_meetings_with_conclusions_directives_and_follow_up(settings):
    settings.DEMO = True
    call_command("demo", stdout=None)
    for title in SEED_TITLES:
        meeting = Meeting.objects.get(title__startswith=title)
        assert meeting.directives.exists() and hasattr(meeting, "conclusion")
    counts = [m.directives.count() for m in Meeting.objects.all()]
    assert sorted(counts) == [0, 5, 6, 8, 10, 14]  # the sixth meeting is the next briefing, nothing assigned yet
    assert DirectiveUpdate.objects.count() >= 3
    overdue = Directive.objects.overdue(timezone.localdate())
    assert [d.text[:40] for d in overdue] == ["Xây dựng kế hoạch thực hiện và chỉ đạo c"]
    carried = Directive.objects.get(status=DirectiveStatus.CARRIED_OVER)
    next_briefing = carried.carried_to.get()
    item = next_briefing.agenda_items.get(kind=AgendaKind.CARRIED_OVER)
    assert carried.text in item.notes and "Vân Nham" in item.notes
    assert Directive.objects.get(text__contains="trồng cây xanh").status == DirectiveStatus.DONE
    hn = Meeting.objects.get(title__startswith="Hội nghị giao ban Mặt trận các xã")
    assert hn.directives.get(order=10).deadline_label() == "trong tháng 8/2018"


@pytest.mark.django_db
def test_demo_editor_has_work_to_report_on_in_my_directives(client, settings):
    settings.DEMO = True
    call_command("demo", stdout=None)
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="bientap"))
    html = client.get("/chi-dao/cua-don-vi-toi/").content.decode()
    assert "02 xã về đích NTM" in html and "Báo cáo tiến độ" in html


@pytest.mark.django_db
def test_demo_editor_finds_the_progress_round_before_the_next_briefing(client, settings):
    from django.contrib.auth import get_user_model

    from giaoban.directives.models import ProgressRound

    settings.DEMO = True
    call_command("demo", stdout=None)
    call_command("demo", stdout=None)  # idempotent: still one round
    progress_round = ProgressRound.objects.get()
    client.force_login(get_user_model().objects.get(username="bientap"))
    assert progress_round.meeting.title in client.get("/chi-dao/dot-bao-cao/").content.decode()
    html = client.get(progress_round.get_absolute_url()).content.decode()
    assert "02 xã về đích NTM" in html and "Lưu tất cả" in html
