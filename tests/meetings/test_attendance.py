"""Attendance: counts per body and per person, the quorum rule, and the form's rows."""

import pytest
from django.db import IntegrityError, transaction

from giaoban.meetings.attendance import attending_organizations, summarise
from giaoban.meetings.forms import AttendanceFormSet, save_attendances
from giaoban.meetings.models import Attendance, MeetingKind, Person, Presence, QuorumRule
from giaoban.organisations.models import Organization
from tests.factories import OrganizationFactory
from tests.meetings.factories import PersonFactory, briefing_world

pytestmark = pytest.mark.django_db


def _attend(meeting, body, presence=Presence.PRESENT, **extra) -> Attendance:
    return Attendance.objects.create(meeting=meeting, organization=body, presence=presence, **extra)


def test_it_counts_bodies_by_their_best_row_and_persons_by_row():
    w = briefing_world()
    youth = OrganizationFactory(name="Huyện đoàn Thử Nghiệm", parent=w.front)
    _attend(w.meeting, w.board)
    _attend(w.meeting, w.front, Presence.ABSENT, person=PersonFactory())
    _attend(w.meeting, w.front, Presence.DELEGATED, person=PersonFactory(), delegate_name="Trần Văn Dự")
    _attend(w.meeting, w.farmers, Presence.EXCUSED, reason="Họp tại tỉnh")
    _attend(w.meeting, youth, Presence.ABSENT)
    _attend(w.meeting, w.party)  # the host is not one of the invited bodies
    summary = summarise(w.meeting)
    assert [o.name for o in summary.attending] == [w.board.name, w.front.name]
    assert summary.delegated == [w.front] and summary.excused == [w.farmers] and summary.absent == [youth]
    assert summary.invited == 4 and (summary.persons_invited, summary.persons_attended) == (2, 1)
    assert summary.quorum is None


@pytest.mark.parametrize(("numerator", "denominator", "required", "met"),
                         [(1, 2, 2, True), (2, 3, 3, False), (3, 4, 3, False), (1, 1, 4, False)])
def test_the_quorum_needs_the_configured_fraction_of_invited_bodies_rounded_up(numerator, denominator, required,
                                                                               met):
    w = briefing_world()
    QuorumRule.objects.create(kind=MeetingKind.BRIEFING, numerator=numerator, denominator=denominator)
    other = OrganizationFactory(parent=w.front)
    _attend(w.meeting, w.board)
    _attend(w.meeting, w.front)
    _attend(w.meeting, w.farmers, Presence.EXCUSED)
    _attend(w.meeting, other, Presence.ABSENT)
    quorum = summarise(w.meeting).quorum
    assert (quorum.required, quorum.attended, quorum.met) == (required, 2, met)


def test_a_quorum_rule_for_another_kind_of_meeting_does_not_apply():
    w = briefing_world()
    QuorumRule.objects.create(kind=MeetingKind.CONFERENCE, numerator=2, denominator=3)
    _attend(w.meeting, w.board)
    assert summarise(w.meeting).quorum is None


def test_a_quorum_fraction_above_one_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        QuorumRule.objects.create(kind=MeetingKind.BRIEFING, numerator=4, denominator=3)


def test_excused_and_absent_bodies_are_not_attending():
    w = briefing_world()
    _attend(w.meeting, w.board, Presence.EXCUSED)
    _attend(w.meeting, w.front, Presence.ABSENT)
    _attend(w.meeting, w.farmers, Presence.DELEGATED, delegate_name="Lê Thị Thay")
    assert attending_organizations(w.meeting) == [w.farmers]


def test_a_body_appears_once_without_a_person_but_once_per_invited_person():
    w = briefing_world()
    first, second = PersonFactory(), PersonFactory()
    _attend(w.meeting, w.front, person=first)
    _attend(w.meeting, w.front, person=second)
    _attend(w.meeting, w.front)
    with pytest.raises(IntegrityError), transaction.atomic():
        _attend(w.meeting, w.front)
    with pytest.raises(IntegrityError), transaction.atomic():
        _attend(w.meeting, w.front, person=first)


def _formset(w, rows):
    data = {"attendance-TOTAL_FORMS": str(len(rows)), "attendance-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        data.update({f"attendance-{i}-{k}": v for k, v in row.items()})
    return AttendanceFormSet(data, prefix="attendance", bodies=Organization.objects.all())


def test_the_form_asks_for_the_delegates_name_and_keeps_a_reason_only_for_an_absence():
    w = briefing_world()
    formset = _formset(w, [{"organization": w.front.pk, "presence": "delegated"}])
    assert not formset.is_valid()
    assert formset.forms[0].errors["delegate_name"] == ["Hãy ghi tên người dự thay."]
    formset = _formset(w, [
        {"organization": w.front.pk, "presence": "present", "reason": "không cần", "person_name": "Võ Văn Mời"},
        {"organization": w.farmers.pk, "presence": "excused", "reason": "Ốm"},
        {"organization": w.front.pk, "presence": "delegated", "delegate_name": "Lê Thị Thay"}])
    assert formset.is_valid(), formset.errors
    save_attendances(w.meeting, formset)
    saved = {(a.organization_id, a.person.name if a.person else ""): a for a in w.meeting.attendances.all()}
    assert saved[(w.front.pk, "Võ Văn Mời")].reason == ""
    assert saved[(w.farmers.pk, "")].reason == "Ốm"
    assert saved[(w.front.pk, "")].delegate_name == "Lê Thị Thay"
    assert Person.objects.filter(name="Võ Văn Mời", organization=w.front).exists()


def test_the_form_refuses_the_same_body_and_person_twice():
    w = briefing_world()
    formset = _formset(w, [{"organization": w.front.pk, "presence": "present", "person_name": "Võ Văn Mời"},
                           {"organization": w.front.pk, "presence": "absent", "person_name": "võ văn mời"}])
    assert not formset.is_valid()
    assert "được ghi hai lần" in str(formset.non_form_errors())
