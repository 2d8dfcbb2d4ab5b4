"""The issued record: a notice freezes the conclusion and directives; later changes are amendments."""

import datetime

import pytest
from django.urls import reverse

from giaoban.accounts.models import Role
from giaoban.directives.models import Amendment, Directive, FrozenRecordError
from giaoban.documents import content
from giaoban.documents.models import DocumentSnapshot
from giaoban.documents.render import render_docx, sha256
from giaoban.documents.service import issue_notice
from giaoban.documents.snapshot import digest, intact, record_of
from giaoban.meetings.models import Conclusion
from tests.documents import factories as f
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2022, 4, 7)


@pytest.fixture
def editor(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return UserFactory(username="bientap_bdv")


def _board_editor(record, user):
    """An editor of the bloc's convening body (Ban Dân vận), not of the host (Huyện ủy)."""
    MembershipFactory(user=user, organization=record.orgs["board"], role=Role.EDITOR)
    return user


def test_issuing_a_notice_stores_the_record_as_issued_with_its_hash_and_marks_the_conclusion():
    record = f.huu_lung()
    document = issue_notice(record.meeting, issued_on=DAY, render=False)
    snapshot = DocumentSnapshot.objects.get(document=document)
    assert snapshot.data == record_of(record.meeting)
    assert snapshot.sha256 == digest(snapshot.data) and len(snapshot.sha256) == 64 and intact(snapshot)
    assert [d["text"] for d in snapshot.data["directives"]] == [d.text for d in record.directives]
    assert Conclusion.objects.get(meeting=record.meeting).issued_at is not None
    assert record.meeting.record_is_issued()


def test_a_second_notice_keeps_the_first_issue_time():
    record = f.huu_lung()
    issue_notice(record.meeting, issued_on=DAY, render=False)
    first = Conclusion.objects.get(meeting=record.meeting).issued_at
    issue_notice(record.meeting, issued_on=DAY + datetime.timedelta(days=3), render=False)
    assert Conclusion.objects.get(meeting=record.meeting).issued_at == first
    assert DocumentSnapshot.objects.count() == 2


def test_the_model_refuses_a_changed_wording_after_issue_but_not_a_status_change():
    record = f.huu_lung()
    issue_notice(record.meeting, issued_on=DAY, render=False)
    directive = Directive.objects.get(pk=record.directives[0].pk)
    directive.text = "Nội dung khác"
    with pytest.raises(FrozenRecordError):
        directive.save()
    directive = Directive.objects.get(pk=directive.pk)
    directive.status = "in_progress"
    directive.save()  # progress and status keep changing normally
    assert Directive.objects.get(pk=directive.pk).status == "in_progress"
    with pytest.raises(FrozenRecordError):
        directive.delete()


def test_editing_an_issued_directive_is_refused_and_the_amendment_is_recorded_shown_and_printed(client, editor):
    record = f.huu_lung()
    client.force_login(_board_editor(record, editor))
    document = issue_notice(record.meeting, issued_on=DAY, user=editor)
    stored = (document.docx_sha256, document.pdf_sha256, document.snapshot.sha256, dict(document.content))
    directive = record.directives[5]  # "Đẩy mạnh thực hiện các cửa hàng số nhằm phát triển kinh tế"
    original = directive.text

    # 1. The edit form refuses the new wording and changes nothing.
    response = client.post(reverse("directives:edit", args=[directive.pk]), {
        "text": "Đẩy mạnh thực hiện 50 cửa hàng số", "version": directive.version, "priority": 0})
    assert response.status_code == 200 and "chỉ thay đổi bằng đính chính hoặc điều chỉnh" in response.content.decode()
    assert Directive.objects.get(pk=directive.pk).text == original

    # 2. The amendment form records who, when, why, the old and the new wording.
    response = client.post(reverse("directives:amend", args=[directive.pk]), {
        "text": "Đẩy mạnh thực hiện 50 cửa hàng số nhằm phát triển kinh tế", "deadline_text": "trong quý III",
        "target_text": "50 cửa hàng số", "kind": "adjustment",
        "reason": "Theo Kết luận bổ sung của Thường trực Huyện ủy",
        "version": directive.version})
    assert response.status_code == 302, response.content.decode()[:2000]
    amendments = {a.field: a for a in Amendment.objects.filter(directive=directive)}
    assert set(amendments) == {"text", "deadline", "target"}
    assert amendments["text"].old == original and amendments["text"].by == editor
    assert amendments["deadline"].old == "" and amendments["deadline"].new == "trong quý III/2022"
    assert amendments["text"].reason == "Theo Kết luận bổ sung của Thường trực Huyện ủy"

    # 3. The directive page shows the original beside the new wording.
    page = client.get(reverse("directives:detail", args=[directive.pk])).content.decode()
    assert 'id="amendments"' in page and original in page and "Điều chỉnh" in page and "50 cửa hàng số" in page

    # 4. A regenerated (or amending) notice prints the amendment as such.
    regenerated = content.notice(record.meeting)
    amended = regenerated["groups"][-1]
    assert amended["heading"] == f"Đính chính, điều chỉnh nội dung chỉ đạo so với Thông báo số {document.code} " \
                                 "ngày 07/4/2022:"
    lines = " ".join(e["line"] for e in amended["entries"])
    assert "Điều chỉnh thời hạn" in lines and "nay là “trong quý III/2022”" in lines and original in lines
    second = issue_notice(record.meeting, issued_on=DAY + datetime.timedelta(days=30), user=editor, render=False)
    assert any(g["heading"].startswith("Đính chính, điều chỉnh") for g in second.content["groups"])

    # 5. The issued document is untouched: same content, same stored hashes, same snapshot.
    document.refresh_from_db()
    assert (document.docx_sha256, document.pdf_sha256, document.snapshot.sha256, document.content) == stored
    assert sha256(render_docx(document.content)) == document.docx_sha256 and intact(document.snapshot)
    assert document.snapshot.data["directives"][5]["text"] == original


def test_before_the_notice_the_amendment_page_sends_to_the_plain_edit(client, editor):
    record = f.huu_lung()
    client.force_login(_board_editor(record, editor))
    response = client.get(reverse("directives:amend", args=[record.directives[0].pk]))
    assert response.status_code == 302 and response["Location"].endswith("/sua/")


def test_an_amendment_without_a_reason_or_a_change_is_refused_in_vietnamese(client, editor):
    record = f.huu_lung()
    client.force_login(_board_editor(record, editor))
    issue_notice(record.meeting, issued_on=DAY, render=False)
    directive = record.directives[0]
    url = reverse("directives:amend", args=[directive.pk])
    response = client.post(url, {"text": "Khác", "kind": "correction", "reason": "", "version": directive.version})
    assert response.status_code == 400 and "Hãy ghi lý do đính chính, điều chỉnh." in response.content.decode()
    response = client.post(url, {"text": directive.text, "kind": "correction", "reason": "Ghi nhầm",
                                 "version": directive.version})
    assert response.status_code == 400 and "Chưa có nội dung nào khác" in response.content.decode()
    assert not Amendment.objects.exists() and Directive.objects.get(pk=directive.pk).text == directive.text


def test_the_conclusion_page_of_an_issued_notice_refuses_edits(client, editor):
    record = f.huu_lung()
    client.force_login(_board_editor(record, editor))
    issue_notice(record.meeting, issued_on=DAY, render=False)
    response = client.get(reverse("recording:conclusion", args=[record.meeting.pk]), follow=True)
    assert "không sửa trực tiếp được" in response.content.decode()
