import datetime

import pytest
from django.core.exceptions import ValidationError

from giaoban.core.versioning import ConcurrentEditError
from giaoban.directives import deadlines
from giaoban.directives.models import Directive, DirectiveStatus
from giaoban.directives.targets import find_target
from tests.directives.factories import DirectiveFactory
from tests.meetings.factories import briefing_world


@pytest.mark.django_db
def test_any_day_given_is_stored_as_the_last_day_of_its_precision():
    directive = DirectiveFactory(deadline=datetime.date(2022, 4, 10), deadline_precision=deadlines.QUARTER)
    directive.refresh_from_db()
    assert directive.deadline == datetime.date(2022, 6, 30) and directive.deadline_label() == "trong quý II/2022"


@pytest.mark.django_db
def test_quarter_deadline_is_not_overdue_inside_the_quarter_and_is_after_it():
    directive = DirectiveFactory()
    directive.set_deadline("trong quý II/2022")
    directive.save()
    assert not directive.is_overdue(datetime.date(2022, 6, 30))
    assert directive.is_overdue(datetime.date(2022, 7, 1))
    assert directive.is_due_soon(datetime.date(2022, 6, 25), days=7)
    assert list(Directive.objects.overdue(datetime.date(2022, 7, 1))) == [directive]
    directive.status = DirectiveStatus.DONE
    assert not directive.is_overdue(datetime.date(2023, 1, 1))


@pytest.mark.django_db
def test_first_progress_moves_to_in_progress_and_closed_directives_refuse_reports():
    w = briefing_world()
    directive = DirectiveFactory(meeting=w.meeting, lead=w.front)
    directive.record_progress(user=w.lead_editor, organization=w.front, note="Bắt đầu", percent=10)
    assert Directive.objects.get(pk=directive.pk).status == DirectiveStatus.IN_PROGRESS
    directive = Directive.objects.get(pk=directive.pk)
    directive.close(user=w.leader, status=DirectiveStatus.CANCELLED, reason="Không còn phù hợp")
    with pytest.raises(ValidationError):
        directive.record_progress(user=w.lead_editor, organization=w.front, note="Thêm")


@pytest.mark.django_db
def test_close_with_a_stale_version_is_refused():
    directive = DirectiveFactory()
    stale = Directive.objects.get(pk=directive.pk)
    fresh = Directive.objects.get(pk=directive.pk)
    fresh.text = "Đã sửa nội dung"
    fresh.save_versioned(fresh.version)
    with pytest.raises(ConcurrentEditError):
        stale.close(user=None, status=DirectiveStatus.DONE, reason="Xong", expected_version=stale.version)
    assert Directive.objects.get(pk=directive.pk).status == DirectiveStatus.NEW


@pytest.mark.django_db
def test_visible_to_includes_members_of_lead_and_coordinating_bodies():
    w = briefing_world()
    from tests.meetings.factories import MeetingFactory

    elsewhere = MeetingFactory(host=w.other)
    coordinated = DirectiveFactory(meeting=elsewhere, coordinating=[w.front])
    hidden = DirectiveFactory(meeting=elsewhere)
    visible = set(Directive.objects.visible_to(w.lead_editor))
    assert coordinated in visible and hidden not in visible


def test_percent_targets_are_read_from_the_text():
    target = find_target("thực hiện các mô hình dân vận khéo đạt tỷ lệ 90 – 95%")
    assert (target.value, target.value_max, target.unit) == (90, 95, "%")
    assert find_target("không có chỉ tiêu") is None


def _seen_by_the_old_definition(user, directives: list[Directive]) -> set[int]:
    """Visible when the lead, a coordinating body or the host is within the user's reach, or the bloc
    is convened by or has a member within it (the definition before areas were stored)."""
    from giaoban.accounts.access import visible_organizations

    if user.is_superuser:
        return {d.pk for d in directives}
    reach = set(visible_organizations(user).values_list("pk", flat=True))
    seen = set()
    for d in directives:
        bloc = d.meeting.bloc
        bloc_bodies = {bloc.convening_id, *bloc.members.values_list("pk", flat=True)} if bloc else set()
        bodies = {d.lead_id, d.meeting.host_id, *d.coordinating.values_list("pk", flat=True)} | bloc_bodies
        if bodies & reach:
            seen.add(d.pk)
    return seen


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_visible_to_sees_what_the_old_definition_saw_in_a_mixed_world(seed):
    from tests.directives.worlds import mixed_world

    world = mixed_world(seed)
    directives = list(Directive.objects.select_related("meeting__bloc"))
    assert any(d.reaches_out for d in directives) and any(not d.area for d in directives)
    for user in world.users:
        expected = _seen_by_the_old_definition(user, directives)
        assert set(Directive.objects.visible_to(user).values_list("pk", flat=True)) == expected, user.username
    assert any(_seen_by_the_old_definition(user, directives) for user in world.users)
