"""The minutes (biên bản): attendance with counts and the quorum line, read back from DOCX and PDF."""

import datetime

import pytest

from giaoban.documents.minutes import discussion, issue_minutes, minutes
from giaoban.documents.models import DocumentType
from giaoban.meetings.models import MeetingKind, QuorumRule
from tests.documents import factories as f
from tests.documents.test_render import both_formats

pytestmark = pytest.mark.django_db
DAY = datetime.date(2022, 4, 6)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_issued_minutes_read_back_with_attendance_counts_quorum_and_both_signers(fmt):
    QuorumRule.objects.create(kind=MeetingKind.BRIEFING, numerator=2, denominator=3)
    record = f.huu_lung_with_absences()
    document = issue_minutes(record.meeting, issued_on=DAY)
    text = both_formats(document)[fmt]
    assert document.doc_type == DocumentType.MINUTES and document.code == "1-BB/HU"
    for line in ("BIÊN BẢN", "Số 1-BB/HU", "Thành phần tham dự:",
                 "Ủy ban MTTQ Việt Nam huyện Hữu Lũng: có mặt",
                 "Hội Nông dân huyện Hữu Lũng: vắng có lý do (Đi công tác tỉnh)",
                 "Hội Liên hiệp Phụ nữ huyện Hữu Lũng: vắng không có lý do",
                 f"{f.TRICKY_NAME}: cử người dự thay (đồng chí Lê Văn Thay dự)",
                 "Số cơ quan, đơn vị được mời: 5; có mặt: 3 (trong đó 1 đơn vị cử người dự thay); "
                 "vắng có lý do: 1; vắng không có lý do: 1.",
                 "Có mặt 3/5 cơ quan, đơn vị được mời; tỷ lệ tối thiểu theo quy định là 2/3 (4 đơn vị): "
                 "hội nghị không đủ số đơn vị tối thiểu theo quy định.",
                 "Các đại biểu thảo luận.", "III. KẾT LUẬN CỦA CHỦ TRÌ HỘI NGHỊ", "Ghi nhận đánh giá",
                 "Thư ký: đồng chí Hoàng Thị Thư, Chuyên viên.", "THƯ KÝ", "CHỦ TRÌ", "Hoàng Thị Thư",
                 "Đinh Đức Chính"):
        assert line in text, line


def test_the_quorum_line_says_the_meeting_may_proceed_when_enough_bodies_attend():
    QuorumRule.objects.create(kind=MeetingKind.BRIEFING, numerator=1, denominator=2)
    record = f.huu_lung_with_absences()
    assert minutes(record.meeting)["quorum"] == (
        "Có mặt 3/5 cơ quan, đơn vị được mời; tỷ lệ tối thiểu theo quy định là 1/2 (3 đơn vị): "
        "hội nghị đủ điều kiện tiến hành.")


def test_minutes_have_no_quorum_line_for_a_kind_of_meeting_without_a_rule():
    QuorumRule.objects.create(kind=MeetingKind.CONFERENCE, numerator=2, denominator=3)
    record = f.huu_lung_with_absences()
    draft = minutes(record.meeting)
    assert draft["quorum"] == "" and "có mặt: 3" in draft["counts"]
    assert not any("tỷ lệ tối thiểu" in p for s in draft["sections"] for p in s["paragraphs"])


def test_discussion_turns_the_minutes_html_into_paragraphs_without_tags():
    assert discussion("<p>Một &amp; hai</p><ul><li>Ba</li></ul>dòng<br>bốn") == ["Một & hai", "Ba", "dòng", "bốn"]
