"""Entering the seed meetings by the form and by “Nhập từ văn bản”; editing safely; files."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from giaoban.directives.pages import PENDING_PAGE
from giaoban.meetings import pagecache
from giaoban.meetings.models import Attachment, Meeting, MeetingKind, QuorumRule
from giaoban.organisations import areas
from tests.factories import UserFactory
from tests.meetings.factories import MeetingFactory, briefing_world
from tests.meetings.seeds import seed_world

TEXTS = Path(__file__).parent / "texts"

HUU_LUNG = [  # (text, lead key, deadline, places) as the office would type them
    ("Cần rà soát và ban hành các văn bản, kế hoạch tổ chức thực hiện nhiệm vụ năm 2022", "board:Hữu Lũng", "", ""),
    ("MTTQ và các tổ chức chính trị - xã hội cần tập trung phối hợp tuyên truyền thực hiện trong công tác bầu cử "
     "trưởng thôn", "front:Hữu Lũng", "", ""),
    ("tăng cường đẩy mạnh tuyên truyền phòng chống Covid cho trẻ em từ 5 - 12 tuổi", "front:Hữu Lũng", "", ""),
    ("Giao MTTQ chủ trì phối hợp với các tổ chức chính trị – xã hội làm việc cụ thể với 02 xã về đích NTM Hồ Sơn, "
     "Vân Nham", "front:Hữu Lũng", "trong quý II/2022", "Hồ Sơn, Vân Nham"),
    ("Cần xây dựng kế hoạch, phân công các thành viên trong công tác tuyên truyền giải pháp mặt bằng các dự án",
     "board:Hữu Lũng", "", ""),
    ("Đẩy mạnh thực hiện các cửa hàng số nhằm phát triển kinh tế", "Đoàn Thanh niên huyện Hữu Lũng", "", ""),
    ("tăng cường chỉ đạo đại hội Đoàn thanh niên, Cựu chiến binh cấp cơ sở đạt kết quả theo kế hoạch",
     "Đoàn Thanh niên huyện Hữu Lũng", "", ""),
    ("đẩy mạnh tuyên truyền và tổ chức các hoạt động hỗ trợ cộng đồng trong công tác phòng, chống dịch bệnh",
     "front:Hữu Lũng", "năm 2022", ""),
]


def _formset(prefix: str, rows: list[dict]) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


@pytest.fixture
def seeds(db):
    return seed_world()


def test_huu_lung_q1_2022_is_entered_by_the_form_with_all_directives_leads_and_deadlines(client, seeds):
    orgs = seeds["orgs"]
    client.force_login(seeds["huu_lung"])
    response = client.post(reverse("meetings:create"), {
        "kind": "briefing", "title": "", "bloc": orgs["bloc:Hữu Lũng"].pk, "host": orgs["Huyện ủy Hữu Lũng"].pk,
        "date": "05/04/2022", "place": "Huyện ủy Hữu Lũng", "period_label": "Quý I/2022",
        "next_period_label": "Quý II/2022",
        **_formset("chairs", [{"name": "Đinh Đức Chính", "title": "Phó Bí thư Thường trực huyện ủy"}]),
        **_formset("attendance", [{"organization": orgs["front:Hữu Lũng"].pk, "presence": "present"}]),
        **_formset("agenda", [{"kind": "report", "title": "Báo cáo kết quả công tác quý I"}])})
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert meeting.title == "Hội nghị giao ban Quý I/2022, triển khai nhiệm vụ Quý II/2022"
    response = client.post(reverse("recording:conclusion", args=[meeting.pk]), {
        "conclusion-text": "Chỉ đạo các nhiệm vụ cần tổ chức, thực hiện tốt trong quý II và năm 2022",
        "conclusion-concluded_by_name": "Đinh Đức Chính",
        "conclusion-concluded_by_title": "Phó Bí thư Thường trực huyện ủy",
        **_formset("directives", [{"text": t, "lead": orgs[lead].pk, "deadline_text": d, "places_text": p,
                                   "priority": "0"} for t, lead, d, p in HUU_LUNG])})
    assert response.status_code == 302, response.content.decode()[:3000]
    directives = list(meeting.directives.order_by("order"))
    assert [d.text for d in directives] == [nfc_text for nfc_text, *_ in HUU_LUNG]
    assert [d.lead for d in directives] == [orgs[lead] for _t, lead, _d, _p in HUU_LUNG]
    assert directives[3].deadline == datetime.date(2022, 6, 30)
    assert directives[3].deadline_label() == "trong quý II/2022"
    assert {p.short_name for p in directives[3].places.all()} == {"Hồ Sơn", "Vân Nham"}
    assert directives[7].deadline_label() == "năm 2022" and directives[0].deadline is None
    assert meeting.conclusion.concluded_by.name == "Đinh Đức Chính"
    assert meeting.chairs.get().person.name == "Đinh Đức Chính"


# --- concurrent edits and history -------------------------------------------------------------


def _meeting_post(meeting, **changes) -> dict:
    data = {"kind": meeting.kind, "title": meeting.title, "bloc": meeting.bloc_id or "", "host": meeting.host_id,
            "date": meeting.date.strftime("%d/%m/%Y"), "place": meeting.place, "version": meeting.version,
            "period_label": meeting.period.label if meeting.period else "", "next_period_label": "",
            **_formset("chairs", []), **_formset("attendance", []), **_formset("agenda", [])}
    data.update(changes)
    return data


@pytest.mark.django_db
def test_second_meeting_editor_is_refused_shown_the_change_and_first_change_kept(client):
    w = briefing_world()
    first = _meeting_post(w.meeting, place="Hội trường Huyện ủy")
    second = _meeting_post(w.meeting, place="Phòng họp số 2")  # loaded the same version
    client.force_login(w.leader)
    assert client.post(reverse("meetings:edit", args=[w.meeting.pk]), first).status_code == 302
    response = client.post(reverse("meetings:edit", args=[w.meeting.pk]), second)
    html = response.content.decode()
    assert response.status_code == 409
    assert "người khác sửa" in html and "Hội trường Huyện ủy" in html
    assert 'value="Phòng họp số 2"' in html  # the user's input is kept in the form
    assert Meeting.objects.get(pk=w.meeting.pk).place == "Hội trường Huyện ủy"


@pytest.mark.django_db
def test_meeting_history_shows_who_changed_what(client):
    w = briefing_world()
    client.force_login(w.leader)
    client.post(reverse("meetings:edit", args=[w.meeting.pk]), _meeting_post(w.meeting, place="Hội trường mới"))
    html = client.get(reverse("meetings:detail", args=[w.meeting.pk])).content.decode()
    history = html.split("Lịch sử thay đổi")[1]
    assert "lanhdao_bdv" in history or w.leader.first_name in history
    assert "địa điểm" in history and "Hội trường mới" in history


@pytest.mark.django_db
def test_minutes_are_sanitised_on_save(client):
    w = briefing_world()
    client.force_login(w.leader)
    client.post(reverse("meetings:edit", args=[w.meeting.pk]), _meeting_post(
        w.meeting, minutes='<p onclick="x()">Khai mạc <b>8h</b></p><script>alert(1)</script>'))
    minutes = Meeting.objects.get(pk=w.meeting.pk).minutes
    assert minutes == "<p>Khai mạc <b>8h</b></p>"


@pytest.mark.django_db
def test_upload_refuses_a_renamed_file_and_a_forbidden_type(client):
    w = briefing_world()
    client.force_login(w.leader)
    url = reverse("meetings:attachment_upload", args=[w.meeting.pk])
    fake = client.post(url, {"file": SimpleUploadedFile("bao-cao.pdf", b"MZ\x90 not a pdf")}, follow=True)
    assert "không phải là tệp .pdf thật" in fake.content.decode()
    exe = client.post(url, {"file": SimpleUploadedFile("virus.exe", b"MZ")}, follow=True)
    assert "Không nhận tệp loại" in exe.content.decode()
    assert Attachment.objects.count() == 0


@pytest.mark.django_db
def test_upload_over_the_limit_is_refused(client, settings):
    settings.GIAOBAN_MAX_UPLOAD_BYTES = 10
    w = briefing_world()
    client.force_login(w.leader)
    response = client.post(reverse("meetings:attachment_upload", args=[w.meeting.pk]),
                           {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 " + b"x" * 50)}, follow=True)
    assert "quá lớn" in response.content.decode() and Attachment.objects.count() == 0


@pytest.mark.django_db
def test_attachment_is_served_only_through_the_checked_view(client):
    w = briefing_world()
    client.force_login(w.leader)
    client.post(reverse("meetings:attachment_upload", args=[w.meeting.pk]),
                {"file": SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 noi dung")})
    attachment = Attachment.objects.get()
    response = client.get(reverse("meetings:attachment", args=[w.meeting.pk, attachment.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 noi dung"
    assert "attachment" in response["Content-Disposition"]
    client.force_login(w.outsider)
    assert client.get(reverse("meetings:attachment", args=[w.meeting.pk, attachment.pk])).status_code == 404


@pytest.mark.django_db
def test_meeting_page_links_to_its_documents_which_open(client):
    w = briefing_world()
    client.force_login(w.leader)
    html = client.get(reverse("meetings:detail", args=[w.meeting.pk])).content.decode()
    documents_url = reverse("documents:meeting", args=[w.meeting.pk])
    assert documents_url in html
    assert client.get(documents_url).status_code == 200


# --- the same meeting twice, rows in place ------------------------------------------------------


def _new_meeting_post(w, **changes) -> dict:
    data = {"kind": "briefing", "title": "", "bloc": w.bloc.pk, "host": w.party.pk, "date": "05/04/2022",
            "period_label": "Quý I/2022", "next_period_label": "",
            **_formset("chairs", [{"name": "Nguyễn Văn Chủ Trì", "title": "Phó Bí thư"}]),
            **_formset("attendance", [{"organization": w.front.pk, "presence": "present"}]),
            **_formset("agenda", [])}
    data.update(changes)
    return data


@pytest.mark.django_db
def test_a_meeting_of_the_same_host_and_day_is_flagged_before_it_is_saved(client):
    w = briefing_world()  # already holds the host's briefing of 05/4/2022
    client.force_login(w.leader)
    response = client.post(reverse("meetings:create"), _new_meeting_post(w))
    html = response.content.decode()
    assert response.status_code == 200 and f"Đã có cuộc họp “{w.meeting.title}”" in html
    assert 'type="checkbox" name="confirm_duplicate"' in html and Meeting.objects.count() == 1
    assert 'value="Nguyễn Văn Chủ Trì"' in html  # what was typed is kept
    response = client.post(reverse("meetings:create"), _new_meeting_post(w, confirm_duplicate="on"))
    assert response.status_code == 302 and Meeting.objects.count() == 2
    assert client.post(reverse("meetings:create"), _new_meeting_post(w, date="06/04/2022")).status_code == 302


@pytest.mark.django_db
def test_editing_a_meeting_without_moving_it_is_not_flagged(client):
    w = briefing_world()
    MeetingFactory(host=w.party, date=w.meeting.date, title="Một cuộc họp khác cùng ngày")
    client.force_login(w.leader)
    response = client.post(reverse("meetings:edit", args=[w.meeting.pk]), _meeting_post(w.meeting, place="Hội trường"))
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["chairs", "attendance", "agenda"])
def test_a_row_is_added_in_place_with_the_next_index(client, prefix):
    w = briefing_world()
    client.force_login(w.leader)
    response = client.post(reverse("meetings:formset_row", args=[prefix, "them"]), _new_meeting_post(w))
    html = response.content.decode()
    count = 1 if prefix != "agenda" else 0
    assert response.status_code == 200 and "<html" not in html and f'name="{prefix}-{count}-' in html
    assert f'name="{prefix}-TOTAL_FORMS" value="{count + 1}"' in html and 'hx-swap-oob="true"' in html


@pytest.mark.django_db
def test_a_removed_chair_keeps_its_input_until_saved_and_is_then_left_out(client):
    w = briefing_world()
    client.force_login(w.leader)
    data = _new_meeting_post(w, date="07/04/2022", **_formset("chairs", [
        {"name": "Nguyễn Văn Giữ", "title": "Bí thư"}, {"name": "Trần Văn Bỏ", "title": "Phó Bí thư"}]))
    html = client.post(reverse("meetings:formset_row", args=["chairs", "xoa"]), {**data, "row": "1"}).content.decode()
    assert 'name="chairs-1-DELETE" value="on"' in html and 'value="Trần Văn Bỏ"' in html and "Hoàn tác" in html
    data["chairs-1-DELETE"] = "on"
    assert client.post(reverse("meetings:create"), data).status_code == 302
    meeting = Meeting.objects.get(date=datetime.date(2022, 4, 7))
    assert [c.person.name for c in meeting.chairs.select_related("person")] == ["Nguyễn Văn Giữ"]


@pytest.mark.django_db
def test_rows_in_place_need_an_editor_and_a_known_formset(client):
    w = briefing_world()
    client.force_login(w.leader)
    assert client.post(reverse("meetings:formset_row", args=["khac", "them"]), _new_meeting_post(w)).status_code == 404
    client.force_login(UserFactory())
    assert client.post(reverse("meetings:formset_row", args=["chairs", "them"]), {}).status_code == 403


@pytest.mark.django_db
def test_the_form_records_the_secretary_and_each_bodys_attendance_and_the_page_counts_them(client):
    w = briefing_world()
    QuorumRule.objects.create(kind=MeetingKind.BRIEFING, numerator=2, denominator=3)
    client.force_login(w.leader)
    response = client.post(reverse("meetings:edit", args=[w.meeting.pk]), _meeting_post(
        w.meeting, secretary_name="Hoàng Thị Thư", **_formset("attendance", [
            {"organization": w.board.pk, "presence": "present"},
            {"organization": w.front.pk, "presence": "delegated", "delegate_name": "Lê Văn Thay"},
            {"organization": w.farmers.pk, "presence": "excused", "reason": "Họp ở tỉnh"}])))
    assert response.status_code == 302
    meeting = Meeting.objects.get(pk=w.meeting.pk)
    assert meeting.secretary.name == "Hoàng Thị Thư" and meeting.attendances.count() == 3
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    counts = html.split('id="attendance-counts"', 1)[1].split("</p>", 1)[0]
    assert "Mời 3 đơn vị: có mặt 2 (trong đó 1 cử người dự thay), vắng có lý do 1" in counts
    assert "Đủ số đơn vị tối thiểu (2/3: 2 đơn vị)." in counts
    assert "Họp ở tỉnh" in html and "Lê Văn Thay" in html


def _crowded_meeting(n: int):
    """A bloc's second briefing with n directives (each with a place, a coordinating body and an update),
    n attending bodies, n agenda lines, and n open directives of the first briefing to carry over."""
    from giaoban.directives.models import Directive, DirectiveUpdate
    from giaoban.meetings.models import AgendaItem, Attendance, MeetingChair, Person
    from giaoban.organisations.models import AdminUnit, Organization
    from tests.factories import BlocFactory, MembershipFactory, OrganizationFactory

    host = OrganizationFactory()
    bloc = BlocFactory(convening=host, members=[])
    bodies = Organization.objects.bulk_create(Organization(name=f"Đơn vị dự {i}", name_key=f"don vi du {i}",
                                                           level="commune", type=host.type,
                                                           parent=host) for i in range(n))
    first = MeetingFactory(host=host, bloc=bloc, date=datetime.date(2022, 1, 5))
    meeting = MeetingFactory(host=host, bloc=bloc)
    place = AdminUnit.objects.create(code=f"T{n}", name="Xã Thử", short_name="Thử", level="commune")
    MeetingChair.objects.create(meeting=meeting, person=Person.objects.create(name="Nguyễn Văn A"), title="Chủ tịch")
    Attendance.objects.bulk_create(Attendance(meeting=meeting, organization=b) for b in bodies)
    AgendaItem.objects.bulk_create(AgendaItem(meeting=meeting, title=f"Báo cáo {i}", organization=bodies[i])
                                   for i in range(n))
    directives = Directive.objects.bulk_create(
        Directive(meeting=m, lead=bodies[i], text=f"Chỉ đạo {i}", order=i) for m in (first, meeting) for i in range(n))
    Directive.places.through.objects.bulk_create(Directive.places.through(directive=d, adminunit=place)
                                                 for d in directives)
    Directive.coordinating.through.objects.bulk_create(Directive.coordinating.through(directive=d, organization=host)
                                                       for d in directives)
    DirectiveUpdate.objects.bulk_create(DirectiveUpdate(directive=d, note="Đã triển khai", percent=50)
                                        for d in directives)
    user = UserFactory()
    MembershipFactory(user=user, organization=host, role=40)
    return meeting, user


@pytest.mark.django_db
def test_the_meeting_page_makes_as_many_queries_for_1000_directives_and_attendees_as_for_10(client, committed):
    """Built afresh (its cached parts made stale, the versions already there), the page costs the same queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (10, 1000):
        meeting, user = _crowded_meeting(n)
        client.force_login(user)
        client.get(reverse("meetings:detail", args=[meeting.pk]))
        with committed():
            pagecache.bump_meeting(meeting.pk)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("meetings:detail", args=[meeting.pk]))
        assert response.status_code == 200
        # its directives, and the first page of those to carry over (the rest load with "Xem thêm")
        assert response.content.decode().count("Chỉ đạo ") >= n + min(n, PENDING_PAGE)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_the_meeting_list_makes_as_many_queries_for_1000_meetings_as_for_10_on_any_page(client, committed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import BlocFactory, MembershipFactory, OrganizationFactory

    host = OrganizationFactory()
    bloc = BlocFactory(convening=host, members=[])
    user = UserFactory()
    MembershipFactory(user=user, organization=host, role=40)
    client.force_login(user)

    def queries(url: str) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    def add(n: int) -> None:
        with committed():  # bulk inserts send no signal: the lists are made stale by hand
            pagecache.versions.bump_areas_after_commit(pagecache.LISTS, areas.of_meeting(Meeting(host=host)))
        Meeting.objects.bulk_create(Meeting(host=host, bloc=bloc, title=f"Giao ban số {i}", kind=MeetingKind.BRIEFING,
                                            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=i))
                                    for i in range(n))

    add(10)
    queries(reverse("meetings:list"))  # the versions made
    add(0)
    few, _page = queries(reverse("meetings:list"))
    add(990)
    many, page = queries(reverse("meetings:list"))
    assert many == few
    later = page.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    assert queries(reverse("meetings:list") + later)[0] == few


@pytest.mark.django_db
def test_the_meeting_list_shows_a_renamed_host_or_a_retitled_meeting_at_once(client, committed):
    from tests.factories import MembershipFactory, OrganizationFactory

    with committed():
        host = OrganizationFactory(name="Ủy ban MTTQ xã Cũ")
        user = UserFactory()
        MembershipFactory(user=user, organization=host, role=40)
        meeting = MeetingFactory(host=host, title="Giao ban tháng 3")
    client.force_login(user)
    assert "Ủy ban MTTQ xã Cũ" in client.get(reverse("meetings:list")).content.decode()
    with committed():
        host.name = "Ủy ban MTTQ xã Mới"
        host.save()
    page = client.get(reverse("meetings:list")).content.decode()
    assert "Ủy ban MTTQ xã Mới" in page and "xã Cũ" not in page
    with committed():
        meeting.title = "Giao ban tháng 3 (sửa)"
        meeting.save()
    assert "Giao ban tháng 3 (sửa)" in client.get(reverse("meetings:list")).content.decode()


