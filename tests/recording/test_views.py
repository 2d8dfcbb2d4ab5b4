"""Recording a meeting with its conclusion and directives: "Nhập từ văn bản", duplicates, rows in place."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from giaoban.directives.models import Directive
from giaoban.meetings.models import Meeting
from tests.meetings.formdata import form_values
from tests.meetings.seeds import seed_world

TEXTS = Path(__file__).parents[1] / "meetings" / "texts"


@pytest.fixture
def seeds(db):
    return seed_world()


def _import(client, user, text_name: str) -> tuple[str, dict]:
    client.force_login(user)
    before = Meeting.objects.count()
    response = client.post(reverse("recording:import"), {"text": (TEXTS / text_name).read_text()})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kiểm tra trước khi lưu" in html and Meeting.objects.count() == before  # nothing saved before review
    return html, form_values(html, "import-review")


def test_huu_lung_text_is_imported_reviewed_and_saved(client, seeds):
    orgs = seeds["orgs"]
    _html, data = _import(client, seeds["huu_lung"], "huu_lung_q1_2022.txt")
    for i in range(8):  # the user picks a lead where the text named none
        if not data.get(f"directives-{i}-lead", [""])[0]:
            data[f"directives-{i}-lead"] = [str(orgs["board:Hữu Lũng"].pk)]
    response = client.post(reverse("recording:import_save"), data)
    assert response.status_code == 302, response.content.decode()[:4000]
    meeting = Meeting.objects.get()
    assert (meeting.host, meeting.bloc, meeting.date) == (orgs["Huyện ủy Hữu Lũng"], orgs["bloc:Hữu Lũng"],
                                                          datetime.date(2022, 4, 5))
    assert meeting.period.label == "Quý I/2022" and meeting.next_period.label == "Quý II/2022"
    directives = list(meeting.directives.order_by("order"))
    assert len(directives) == 8 and all(d.lead for d in directives)
    assert directives[3].lead == orgs["front:Hữu Lũng"]
    assert {p.short_name for p in directives[3].places.all()} == {"Hồ Sơn", "Vân Nham"}
    assert "Đinh Đức Chính" in meeting.source_text


def test_bau_bang_text_is_imported_with_fourteen_directives_and_the_august_deadline(client, seeds):
    orgs = seeds["orgs"]
    _html, data = _import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    response = client.post(reverse("recording:import_save"), data)
    assert response.status_code == 302, response.content.decode()[:4000]
    meeting = Meeting.objects.get()
    assert meeting.host == orgs["front:Bàu Bàng"] and meeting.period.label == "Tháng 6/2018"
    directives = list(meeting.directives.order_by("order"))
    assert len(directives) == 14
    assert all(d.lead == orgs["front:Bàu Bàng"] for d in directives[:5])
    assert set(directives[5].coordinating.all()) == {orgs["front:Lai Uyên"], orgs["front:Lai Hưng"]}
    assert directives[10].deadline == datetime.date(2018, 8, 31) and directives[10].deadline_precision == "month"
    assert {p.short_name for p in directives[3].places.all()} == {"Đồng Sổ", "Lai Uyên"}
    assert meeting.chairs.get().person.name == "Nguyễn Thành Tốt"


def test_review_with_a_wrong_deadline_is_refused_in_vietnamese_and_saves_nothing(client, seeds):
    _html, data = _import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    data["directives-0-deadline_text"] = ["sớm nhất có thể"]
    response = client.post(reverse("recording:import_save"), data)
    assert response.status_code == 200
    assert "Không hiểu thời hạn" in response.content.decode()
    assert Meeting.objects.count() == 0 and Directive.objects.count() == 0


def test_empty_import_is_refused_with_a_message(client, seeds):
    client.force_login(seeds["huu_lung"])
    response = client.post(reverse("recording:import"), {"text": "  "})
    assert "Hãy dán nội dung hoặc chọn một tệp" in response.content.decode()


def test_import_accepts_an_uploaded_docx(client, seeds):
    import io

    import docx

    document = docx.Document()
    for paragraph in (TEXTS / "bau_bang_t6_2018.txt").read_text().split("\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    client.force_login(seeds["bau_bang"])
    response = client.post(reverse("recording:import"), {
        "text": "", "file": SimpleUploadedFile("tin.docx", buffer.getvalue())})
    html = response.content.decode()
    assert response.status_code == 200 and "Kiểm tra trước khi lưu" in html
    assert form_values(html, "import-review")["directives-TOTAL_FORMS"] == ["16"]


# --- the same meeting twice --------------------------------------------------------------------


def _saved_import(client, user, text_name: str) -> Meeting:
    _html, data = _import(client, user, text_name)
    assert client.post(reverse("recording:import_save"), data).status_code == 302
    return Meeting.objects.get()


def test_importing_the_same_text_twice_is_flagged_on_review_and_refused_until_confirmed(client, seeds):
    first = _saved_import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    html, data = _import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    assert 'id="duplicates"' in html and f"Đã có cuộc họp “{first.title}”" in html
    response = client.post(reverse("recording:import_save"), data)
    assert response.status_code == 200 and "Nếu đây là một cuộc họp khác" in response.content.decode()
    assert Meeting.objects.count() == 1 and Directive.objects.count() == 14  # nothing doubled
    data["confirm_duplicate"] = ["on"]
    assert client.post(reverse("recording:import_save"), data).status_code == 302
    assert Meeting.objects.count() == 2


def test_the_same_directives_on_another_day_are_flagged_too(client, seeds):
    first = _saved_import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    _html, data = _import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    data["date"] = ["10/07/2018"]
    response = client.post(reverse("recording:import_save"), data)
    html = response.content.decode()
    assert response.status_code == 200 and f"Cuộc họp “{first.title}” ngày 03/07/2018 đã có các chỉ đạo này" in html
    assert Meeting.objects.count() == 1


def test_a_different_text_is_not_flagged(client, seeds):
    _saved_import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    html, _data = _import(client, seeds["huu_lung"], "huu_lung_q1_2022.txt")
    assert 'id="duplicates"' not in html


# --- the conclusion's directives ---------------------------------------------------------------


def _conclusion_post(meeting, rows: list[dict]) -> dict:
    data = {"conclusion-text": "Kết luận", "conclusion-concluded_by_name": "", "conclusion-concluded_by_title": "",
            "directives-TOTAL_FORMS": str(len(rows)), "directives-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        data.update({f"directives-{i}-{k}": v for k, v in {"priority": "0", **row}.items()})
    return data


def test_the_conclusion_refuses_a_deadline_before_the_meeting_and_reads_a_yearless_one(client, seeds):
    meeting = _saved_import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")  # 03/7/2018
    url = reverse("recording:conclusion", args=[meeting.pk])
    Directive.objects.filter(meeting=meeting).delete()
    response = client.post(url, _conclusion_post(meeting, [{"text": "Việc A", "deadline_text": "trong tháng 6/2018"}]))
    assert response.status_code == 200
    assert "Thời hạn không được trước ngày họp (03/07/2018)." in response.content.decode()
    assert not meeting.directives.exists()
    response = client.post(url, _conclusion_post(meeting, [{"text": "Việc A", "deadline_text": "tháng 8"}]))
    assert response.status_code == 302
    assert meeting.directives.get().deadline_label() == "trong tháng 8/2018"


def test_directive_rows_are_added_and_removed_in_place_and_a_removed_row_is_not_saved(client, seeds):
    meeting = _saved_import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    Directive.objects.filter(meeting=meeting).delete()
    data = _conclusion_post(meeting, [{"text": "Việc giữ lại"}, {"text": "Việc bỏ đi"}])
    data["meeting"] = str(meeting.pk)
    added = client.post(reverse("recording:directive_row", args=["them"]), data, HTTP_HX_REQUEST="true")
    html = added.content.decode()
    assert added.status_code == 200 and 'name="directives-2-text"' in html and "<html" not in html
    assert 'name="directives-TOTAL_FORMS" value="3"' in html and 'hx-swap-oob="true"' in html
    removed = client.post(reverse("recording:directive_row", args=["xoa"]), {**data, "row": "1"})
    html = removed.content.decode()
    assert 'name="directives-1-DELETE" value="on"' in html and "Việc bỏ đi" in html  # kept, folded away
    restored = client.post(reverse("recording:directive_row", args=["giu"]), {**data, "row": "1"}).content.decode()
    assert "DELETE" not in restored and "Việc bỏ đi" in restored
    data["directives-1-DELETE"] = "on"
    assert client.post(reverse("recording:conclusion", args=[meeting.pk]), data).status_code == 302
    assert [d.text for d in meeting.directives.all()] == ["Việc giữ lại"]


def test_a_row_request_for_another_body_meeting_or_a_bad_row_answers_404(client, seeds):
    meeting = _saved_import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")
    data = {**_conclusion_post(meeting, []), "meeting": str(meeting.pk)}
    client.force_login(seeds["huu_lung"])
    assert client.post(reverse("recording:directive_row", args=["them"]), data).status_code == 404
    client.force_login(seeds["bau_bang"])
    assert client.post(reverse("recording:directive_row", args=["xoa"]), {**data, "row": "7"}).status_code == 404
    assert client.post(reverse("recording:directive_row", args=["doi"]), data).status_code == 404


def test_a_zip_bomb_docx_in_the_text_import_is_refused_cleanly(client, seeds):
    from tests.archives import zip_bomb

    client.force_login(seeds["huu_lung"])
    response = client.post(reverse("recording:import"), {
        "file": SimpleUploadedFile("bien-ban.docx", zip_bomb())})
    assert response.status_code == 200
    assert "tỷ lệ nén quá cao" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_control_characters_in_the_pasted_text_are_refused_and_the_text_kept(client, seeds):
    client.force_login(seeds["huu_lung"])
    response = client.post(reverse("recording:import"), {"text": "Hội nghị giao ban\x1b quý I"})
    page = response.content.decode()
    assert response.status_code == 200 and "U+001B" in page and "Hội nghị giao ban" in page
    assert Meeting.objects.count() == 0


def test_a_forged_source_text_with_control_characters_saves_nothing(client, seeds):
    orgs = seeds["orgs"]
    _html, data = _import(client, seeds["huu_lung"], "huu_lung_q1_2022.txt")
    for i in range(8):
        if not data.get(f"directives-{i}-lead", [""])[0]:
            data[f"directives-{i}-lead"] = [str(orgs["board:Hữu Lũng"].pk)]
    data["source_text"] = ["Biên bản\x1b[2J"]
    response = client.post(reverse("recording:import_save"), data)
    assert response.status_code == 200 and "U+001B" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_an_import_interrupted_half_way_leaves_no_meeting_and_no_directive(client, seeds, monkeypatch):
    _html, data = _import(client, seeds["bau_bang"], "bau_bang_t6_2018.txt")

    def dies_after_the_directives(meeting, **kwargs):
        # The meeting, its chairs and fourteen directives are written: the server dies now.
        assert Directive.objects.filter(meeting=meeting).count() == 14
        raise RuntimeError("the process died half-way through the import")

    monkeypatch.setattr("giaoban.recording.saving.hooks.meeting_saved", dies_after_the_directives)
    with pytest.raises(RuntimeError):
        client.post(reverse("recording:import_save"), data)
    assert Meeting.objects.count() == 0 and Directive.objects.count() == 0
