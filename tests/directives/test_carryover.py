import datetime

import pytest

from giaoban.directives.carryover import pending_directives, propose_agenda
from giaoban.directives.models import DirectiveStatus
from giaoban.meetings.models import AgendaKind
from tests.directives.factories import DirectiveFactory, DirectiveUpdateFactory
from tests.factories import period
from tests.meetings.factories import MeetingFactory, briefing_world


@pytest.mark.django_db
def test_next_briefing_lists_open_directives_of_the_first_with_progress_and_none_of_the_done_ones():
    w = briefing_world()
    open_one = DirectiveFactory(meeting=w.meeting, lead=w.front, text="Làm việc với 02 xã về đích NTM")
    DirectiveUpdateFactory(directive=open_one, note="Xã Hồ Sơn đạt, Vân Nham còn tiêu chí 17", percent=60)
    started = DirectiveFactory(meeting=w.meeting, lead=w.front, text="Tuyên truyền bầu cử trưởng thôn",
                               status=DirectiveStatus.IN_PROGRESS)
    DirectiveFactory(meeting=w.meeting, lead=w.front, text="Rà soát kế hoạch năm", status=DirectiveStatus.DONE)
    DirectiveFactory(meeting=w.meeting, lead=w.front, text="Tổ chức hội thi đã hủy", status=DirectiveStatus.CANCELLED)
    second = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 7, 6), period=period("Quý II/2022"),
                            next_period=period("Quý III/2022"))

    item = propose_agenda(second)

    assert item.kind == AgendaKind.CARRIED_OVER and item.title == "Việc chưa hoàn thành kỳ trước"
    assert "Làm việc với 02 xã về đích NTM" in item.notes and "Vân Nham còn tiêu chí 17 (60%)" in item.notes
    assert "Tuyên truyền bầu cử trưởng thôn" in item.notes
    assert "Rà soát kế hoạch năm" not in item.notes and "đã hủy" not in item.notes
    assert set(pending_directives(second)) == {open_one, started}


@pytest.mark.django_db
def test_carried_directive_stays_open_linked_to_both_meetings_and_keeps_coming_back_until_closed():
    w = briefing_world()
    directive = DirectiveFactory(meeting=w.meeting, lead=w.front)
    second = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 7, 6))
    third = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 10, 6))

    directive.carry_over(to=second, user=w.leader)

    directive.refresh_from_db()
    assert directive.status == DirectiveStatus.CARRIED_OVER and directive.is_open
    assert list(directive.carried_to.all()) == [second] and directive.meeting == w.meeting
    assert directive in pending_directives(third)  # never silently dropped
    directive.close(user=w.leader, status=DirectiveStatus.DONE, reason="Xong")
    assert directive not in pending_directives(third)


@pytest.mark.django_db
def test_other_blocs_and_later_briefings_are_not_carried_over():
    w = briefing_world()
    other_bloc_meeting = MeetingFactory(host=w.other, date=datetime.date(2022, 1, 5))
    DirectiveFactory(meeting=other_bloc_meeting, text="Việc của khối khác")
    later = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 10, 1))
    DirectiveFactory(meeting=later, text="Việc của kỳ sau")
    second = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 7, 6))
    assert propose_agenda(second) is None
    assert not second.agenda_items.filter(kind=AgendaKind.CARRIED_OVER).exists()


@pytest.mark.django_db
def test_creating_the_next_briefing_through_the_form_proposes_the_carried_over_item(client):
    w = briefing_world()
    DirectiveFactory(meeting=w.meeting, lead=w.front, text="Việc còn dở dang kỳ trước")
    DirectiveFactory(meeting=w.meeting, lead=w.front, text="Việc đã xong kỳ trước", status=DirectiveStatus.DONE)
    client.force_login(w.leader)
    response = client.post("/cuoc-hop/them/", {
        "kind": "briefing", "title": "", "bloc": w.bloc.pk, "host": w.party.pk, "date": "06/07/2022",
        "period_label": "Quý II/2022", "next_period_label": "Quý III/2022",
        **_empty("chairs"), **_empty("attendance"), **_empty("agenda")})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"]).content.decode()
    agenda = page.split('id="agenda"')[1].split("</ol>")[0]
    assert "Việc chưa hoàn thành kỳ trước" in agenda and "Việc còn dở dang kỳ trước" in agenda
    assert "Việc đã xong kỳ trước" not in agenda


def _empty(prefix: str) -> dict:
    return {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
