"""Bulk progress rounds: checking rows, applying all or nothing, and who has answered."""

import pytest
from django.core.exceptions import ValidationError

from giaoban.accounts.models import Role
from giaoban.directives import rounds
from giaoban.directives.models import Directive, DirectiveStatus, DirectiveUpdate
from tests.directives.factories import DirectiveFactory, DirectiveUpdateFactory, round_world
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _row(n, directive, note="Đã triển khai", percent="", status="", version=None):
    return rounds.RowInput(line=f"Dòng {n}", directive_id=directive.pk,
                           version=directive.version if version is None else version, note=note, percent=percent,
                           status=status)


def test_the_round_covers_the_open_directives_of_earlier_briefings_and_the_editor_sees_only_his_bodies():
    w, r, front, farmers, other = round_world()
    Directive.objects.filter(pk=front[2].pk).update(status=DirectiveStatus.DONE)
    assert {d.pk for d in rounds.round_directives(r)} == {front[0].pk, front[1].pk, farmers.pk, other.pk}
    # The farmers' union sits under the Front, so the Front's editor reports for it too; the other body is out.
    assert [d.pk for d in rounds.directives_for(w.lead_editor, r)] == [front[0].pk, front[1].pk, farmers.pk]


def test_valid_rows_become_progress_updates_linked_to_the_round_with_history():
    w, r, front, *_ = round_world()
    preview = rounds.check(w.lead_editor, r, [_row(1, front[0], "Đã họp triển khai", "40"),
                                              _row(2, front[1], "Xong bước 1", "10%", "in_progress")])
    assert preview.ok, preview.problems
    assert rounds.apply(w.lead_editor, r, preview) == 2
    update = DirectiveUpdate.objects.get(directive=front[0])
    assert (update.note, update.percent, update.round, update.organization) == ("Đã họp triển khai", 40, r, w.front)
    assert update.author == w.lead_editor and update.history.count() == 1
    assert Directive.objects.get(pk=front[0].pk).status == DirectiveStatus.IN_PROGRESS


def test_blank_rows_are_no_change_and_an_empty_round_applies_nothing():
    w, r, front, *_ = round_world()
    preview = rounds.check(w.lead_editor, r, [_row(1, front[0], note="", percent="", status="")])
    assert preview.rows == [] and not preview.ok
    with pytest.raises(ValueError):
        rounds.apply(w.lead_editor, r, preview)


@pytest.mark.parametrize(("fields", "message"), [
    ({"note": "", "percent": "30"}, "Dòng 1: hãy ghi tiến độ, kết quả thực hiện."),
    ({"percent": "120"}, "Dòng 1: “120” không phải là tỷ lệ hoàn thành (số nguyên từ 0 đến 100)."),
    ({"percent": "năm mươi"}, "Dòng 1: “năm mươi” không phải là tỷ lệ hoàn thành"),
    ({"percent": "Infinity"}, "không phải là tỷ lệ hoàn thành"),
    ({"status": "Xong rồi"}, "Dòng 1: trạng thái “Xong rồi” không hợp lệ"),
    ({"status": "done"}, "Dòng 1: chỉ lãnh đạo cơ quan thường trực khối được xác nhận hoàn thành"),
    ({"version": 99}, "Dòng 1: chỉ đạo “"),
    ({"note": "Đã xong\x1b[31m"}, "Dòng 1: nội dung tiến độ có ký tự điều khiển không nhìn thấy được"),
    ({"note": "x" * 2001}, "Dòng 1: nội dung tiến độ dài quá 2000 ký tự."),
])
def test_a_bad_row_is_named_by_its_line_in_vietnamese(fields, message):
    w, r, front, *_ = round_world()
    preview = rounds.check(w.lead_editor, r, [_row(1, front[0], **{"percent": "", **fields}),
                                              _row(2, front[1])])
    assert not preview.ok
    assert len(preview.problems) == 1 and message in preview.problems[0]


def test_it_refuses_a_stale_row():
    w, r, front, *_ = round_world()
    loaded = front[0].version
    front[0].text = "Nội dung đã sửa sau khi tải tệp"
    front[0].save_versioned(loaded)
    preview = rounds.check(w.lead_editor, r, [_row(1, front[0], version=loaded)])
    assert preview.problems == [f"Dòng 1: chỉ đạo “{front[0].text}” đã được sửa sau khi bạn tải tệp hoặc mở "
                                "trang; hãy tải lại và nhập lại dòng này."]


def test_a_directive_of_another_body_or_outside_the_round_is_refused_without_saying_what_it_is():
    w, r, front, farmers, other = round_world()
    elsewhere = DirectiveFactory(lead=w.front)  # the Front's, but from another meeting: not in this round
    preview = rounds.check(w.lead_editor, r, [_row(1, other), _row(2, elsewhere), _row(3, front[0]),
                                              rounds.RowInput("Dòng 4", directive_id="abc", note="x")])
    assert [p.split(":")[0] for p in preview.problems] == ["Dòng 1", "Dòng 2", "Dòng 4"]
    assert other.text not in " ".join(preview.problems)


def test_the_same_directive_twice_is_refused():
    w, r, front, *_ = round_world()
    preview = rounds.check(w.lead_editor, r, [_row(1, front[0]), _row(2, front[0])])
    assert preview.problems == ["Dòng 2: chỉ đạo này đã có ở một dòng trước."]


def test_a_change_between_check_and_save_applies_nothing():
    w, r, front, *_ = round_world()
    preview = rounds.check(w.lead_editor, r, [_row(1, front[0]), _row(2, front[1])])
    front[1].text = "Sửa trong lúc chờ xác nhận"
    front[1].save_versioned(front[1].version)
    with pytest.raises(rounds.StaleRoundError):
        rounds.apply(w.lead_editor, r, preview)
    assert not DirectiveUpdate.objects.exists()


def test_the_convening_leader_may_mark_done_with_the_note_as_the_result():
    w, r, front, farmers, _ = round_world()
    MembershipFactory(user=w.leader, organization=w.farmers, role=Role.EDITOR)
    preview = rounds.check(w.leader, r, [_row(1, farmers, "Hoàn thành 100%", "100", "Hoàn thành")])
    assert preview.ok, preview.problems
    rounds.apply(w.leader, r, preview)
    farmers.refresh_from_db()
    assert farmers.status == DirectiveStatus.DONE and farmers.closed_reason == "Hoàn thành 100%"
    with pytest.raises(ValidationError):
        farmers.record_progress(user=w.leader, organization=w.farmers, note="sau khi đóng")


def test_a_directive_closed_since_the_file_was_made_is_refused_as_closed():
    w, r, front, *_ = round_world()
    loaded = front[0].version
    front[0].close(user=w.leader, status=DirectiveStatus.CANCELLED, reason="Không còn phù hợp")
    preview = rounds.check(w.lead_editor, r, [_row(1, front[0], version=loaded)])
    assert preview.problems[0].startswith("Dòng 1: chỉ đạo “") and "đã đóng (Hủy)" in preview.problems[0]


def test_answers_count_per_responsible_body_only_updates_made_in_the_round():
    w, r, front, farmers, other = round_world()
    DirectiveUpdateFactory(directive=front[0], organization=w.front)  # before the round: not an answer
    rounds.apply(w.lead_editor, r, rounds.check(w.lead_editor, r, [_row(1, front[1]), _row(2, front[2])]))
    table = {a.organization: (a.answered, a.expected, a.done) for a in rounds.answers(r)}
    assert table == {w.front: (2, 3, False), w.farmers: (0, 1, False), w.other: (0, 1, False)}


def test_an_editor_of_two_bodies_reports_each_directive_for_its_lead():
    w, r, front, farmers, _ = round_world()
    both = UserFactory(username="hai_don_vi")
    MembershipFactory(user=both, organization=w.front, role=Role.EDITOR)
    MembershipFactory(user=both, organization=w.farmers, role=Role.EDITOR)
    farmers.coordinating.add(w.front)
    rounds.apply(both, r, rounds.check(both, r, [_row(1, farmers)]))
    assert DirectiveUpdate.objects.get(directive=farmers).organization == w.farmers
