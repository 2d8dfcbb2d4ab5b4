"""Round pages: one save for all rows (htmx), the Excel upload's preview and confirmation, who has answered."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from giaoban.accounts.models import Role
from giaoban.directives import round_excel
from giaoban.directives.models import DirectiveUpdate, ProgressRound
from giaoban.directives.round_excel import FIRST_ROW, NOTE_COL, PERCENT_COL
from tests.directives.factories import round_world
from tests.directives.test_round_excel import _book, _bytes, thirty_rows
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _page_post(directives, values: dict) -> dict:
    data = {"row": [d.pk for d in directives]}
    for d in directives:
        data[f"version-{d.pk}"] = d.version
        for field, value in values.get(d.pk, {}).items():
            data[f"{field}-{d.pk}"] = value
    return data


def test_an_outsider_gets_404_on_a_round_and_its_file(client):
    w, r, *_ = round_world()
    stranger = UserFactory(username="nguoi_la")
    MembershipFactory(user=stranger, organization=OrganizationFactory(), role=Role.EDITOR)
    client.force_login(stranger)
    assert client.get(reverse("directives:round", args=[r.pk])).status_code == 404
    assert client.get(reverse("directives:round_xlsx", args=[r.pk])).status_code == 404


def test_one_save_with_a_bad_row_keeps_every_input_and_saves_nothing(client):
    w, r, front, farmers, _ = round_world(front_directives=2)
    client.force_login(w.lead_editor)
    rows = [front[0], front[1], farmers]
    response = client.post(reverse("directives:round", args=[r.pk]), _page_post(rows, {
        front[0].pk: {"note": "Đã họp triển khai", "percent": "30"},
        front[1].pk: {"note": "Vượt mức", "percent": "130"}}), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Dòng 2: “130” không phải là tỷ lệ hoàn thành" in html
    assert "Chưa có gì được lưu" in html and "Đã họp triển khai" in html and 'value="130"' in html
    assert not DirectiveUpdate.objects.exists()


def test_one_save_records_every_filled_row_as_a_progress_update(client):
    w, r, front, farmers, _ = round_world(front_directives=2)
    client.force_login(w.lead_editor)
    response = client.post(reverse("directives:round", args=[r.pk]), _page_post([front[0], front[1], farmers], {
        front[0].pk: {"note": "Đã họp triển khai", "percent": "30"},
        farmers.pk: {"note": "Hội đã ký kế hoạch", "status": "in_progress"}}), HTTP_HX_REQUEST="true")
    assert "Đã ghi 2 báo cáo tiến độ." in response.content.decode()
    assert set(DirectiveUpdate.objects.filter(round=r).values_list("directive_id", flat=True)) == {front[0].pk,
                                                                                                  farmers.pk}


def test_tampered_rows_get_row_messages_not_a_crash(client):
    w, r, front, *_ = round_world(front_directives=1)
    client.force_login(w.lead_editor)
    response = client.post(reverse("directives:round", args=[r.pk]), {
        "row": ["abc", str(front[0].pk)], "note-abc": "x", f"note-{front[0].pk}": "ok",
        f"version-{front[0].pk}": "không phải số"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "Dòng 1: mã chỉ đạo “abc”" in html and "Dòng 2: chỉ đạo “" in html
    assert not DirectiveUpdate.objects.exists()


def test_a_row_posted_for_another_bodys_directive_is_refused(client):
    w, r, front, _farmers, other = round_world(front_directives=1)
    client.force_login(w.lead_editor)
    response = client.post(reverse("directives:round", args=[r.pk]), _page_post([front[0], other], {
        front[0].pk: {"note": "ok"}, other.pk: {"note": "không phải việc của tôi"}}), HTTP_HX_REQUEST="true")
    assert "Dòng 2: mã chỉ đạo" in response.content.decode()
    assert not DirectiveUpdate.objects.exists()


def _filled_file(w, r, note="Đã triển khai"):
    book, sheet = _book(round_excel.build(w.lead_editor, r))
    sheet.cell(row=FIRST_ROW, column=NOTE_COL, value=note)
    sheet.cell(row=FIRST_ROW, column=PERCENT_COL, value=50)
    return SimpleUploadedFile("tien-do.xlsx", _bytes(book))


def test_an_upload_is_previewed_then_applied_on_confirmation(client):
    w, r, front, *_ = round_world()
    client.force_login(w.lead_editor)
    response = client.post(reverse("directives:round_upload", args=[r.pk]), {"file": _filled_file(w, r)})
    html = response.content.decode()
    assert "Xác nhận cập nhật" in html and "Dòng 6" in html and "Đã triển khai (50%)" in html
    assert not DirectiveUpdate.objects.exists()
    response = client.post(reverse("directives:round_confirm", args=[r.pk]))
    assert response.status_code == 302
    assert DirectiveUpdate.objects.get().directive == front[0]
    response = client.post(reverse("directives:round_confirm", args=[r.pk]), follow=True)
    assert "Không còn tệp đang chờ xác nhận" in response.content.decode()
    assert DirectiveUpdate.objects.count() == 1


def test_a_row_edited_between_preview_and_confirmation_is_refused_and_nothing_applies(client):
    w, r, front, *_ = round_world()
    client.force_login(w.lead_editor)
    client.post(reverse("directives:round_upload", args=[r.pk]), {"file": _filled_file(w, r)})
    front[0].text = "Sửa trong lúc chờ"
    front[0].save_versioned(front[0].version)
    response = client.post(reverse("directives:round_confirm", args=[r.pk]))
    assert "đã được sửa sau khi bạn tải tệp" in response.content.decode()
    assert not DirectiveUpdate.objects.exists()


def test_an_upload_with_problems_has_no_confirmation(client):
    w, r, *_ = round_world()
    client.force_login(w.lead_editor)
    response = client.post(reverse("directives:round_upload", args=[r.pk]),
                           {"file": SimpleUploadedFile("tien-do.xlsx", b"%PDF-1.4 not a workbook")}, follow=True)
    html = response.content.decode()
    assert "Xác nhận cập nhật" not in html
    assert "Nội dung tệp “tien-do.xlsx” không phải là tệp .xlsx thật." in html


def test_the_convening_body_sees_who_has_answered_and_a_lead_body_does_not(client):
    w, r, front, *_ = round_world(front_directives=1)
    client.force_login(w.lead_editor)
    client.post(reverse("directives:round", args=[r.pk]), _page_post([front[0]], {front[0].pk: {"note": "Xong"}}))
    assert 'id="round-answers"' not in client.get(reverse("directives:round", args=[r.pk])).content.decode()
    client.force_login(w.leader)
    html = client.get(reverse("directives:round", args=[r.pk])).content.decode()
    answers = html.split('id="round-answers"', 1)[1]
    assert "Ủy ban MTTQ Việt Nam huyện Thử Nghiệm</td><td>1/1" in answers and "Đã báo cáo đủ" in answers
    assert "Hội Nông dân huyện Thử Nghiệm</td><td>0/1" in answers and "Chưa báo cáo" in answers


def test_the_briefings_editor_opens_one_round_per_briefing(client):
    w, r, *_ = round_world()
    upcoming = MeetingFactory(host=w.party, bloc=w.bloc, date=timezone.localdate() + datetime.timedelta(days=7),
                              title="Hội nghị giao ban sắp tới")
    editor = UserFactory(username="bientap_bdv")
    MembershipFactory(user=editor, organization=w.board, role=Role.EDITOR)
    client.force_login(editor)
    html = client.get(reverse("directives:rounds")).content.decode()
    assert upcoming.title in html.split("Mở đợt báo cáo cho kỳ giao ban", 1)[1]
    response = client.post(reverse("directives:round_open"), {"meeting": upcoming.pk, "due_on": "32/13/2022"},
                           follow=True)
    assert "Hạn báo cáo không hợp lệ" in response.content.decode() and not ProgressRound.objects.filter(
        meeting=upcoming).exists()
    due = (upcoming.date - datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    response = client.post(reverse("directives:round_open"), {"meeting": upcoming.pk, "due_on": due})
    assert response.status_code == 302
    assert ProgressRound.objects.get(meeting=upcoming).due_on.strftime("%d/%m/%Y") == due
    assert f"Hạn báo cáo: <strong>{due}" in client.get(response["Location"]).content.decode()
    client.post(reverse("directives:round_open"), {"meeting": upcoming.pk})
    assert ProgressRound.objects.filter(meeting=upcoming).count() == 1
    client.force_login(w.lead_editor)
    assert client.post(reverse("directives:round_open"), {"meeting": w.meeting.pk}).status_code == 403
    assert client.post(reverse("directives:round_open"), {"meeting": "abc"}).status_code == 404


def test_a_body_whose_directive_is_in_the_round_reaches_it_without_seeing_the_briefing(client):
    w, r, _front, _farmers, other = round_world()
    client.force_login(w.outsider)  # an editor of the body outside the bloc that leads one directive
    html = client.get(reverse("directives:round", args=[r.pk])).content.decode()
    assert other.text in html and 'id="round-answers"' not in html


def test_the_preview_of_a_thirty_row_file_lists_every_problem_and_confirming_applies_nothing(client):
    w, r, front, farmers, other = round_world(front_directives=26)
    book, _sheet, rows, extra, stale = thirty_rows(w, r, front, farmers, other)
    client.force_login(w.lead_editor)
    response = client.post(reverse("directives:round_upload", args=[r.pk]),
                           {"file": SimpleUploadedFile("tien-do.xlsx", _bytes(book))})
    html = response.content.decode()
    assert html.count("<tr") == 31 and "Xác nhận cập nhật" not in html and "Có 7 lỗi: chưa có gì được lưu" in html
    for line in (rows[front[3].pk], rows[front[4].pk], rows[front[5].pk], rows[stale.pk], extra, extra + 1,
                 extra + 2):
        assert f"Dòng {line}: " in html
    client.post(reverse("directives:round_confirm", args=[r.pk]))
    assert not DirectiveUpdate.objects.exists()
    assert not other.updates.exists() and other.history.count() == 1
