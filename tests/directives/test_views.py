"""Directive pages: list filters and sorting, "việc của đơn vị tôi", progress, closing, safe edits, history."""

import datetime

import pytest
from django.urls import reverse

from giaoban.directives import deadlines
from giaoban.directives.models import Directive, DirectiveStatus
from tests.directives.factories import DirectiveFactory
from tests.factories import AdminUnitFactory, period
from tests.meetings.factories import MeetingFactory, briefing_world


@pytest.fixture
def w(db):
    world = briefing_world()
    commune = AdminUnitFactory(short_name="Hồ Sơn", name="Xã Hồ Sơn")
    world.overdue = DirectiveFactory(meeting=world.meeting, lead=world.front, text="Việc quá hạn quý I",
                                     deadline=datetime.date(2022, 3, 31), deadline_precision=deadlines.QUARTER)
    world.future = DirectiveFactory(meeting=world.meeting, lead=world.farmers, text="Việc của Hội Nông dân",
                                    deadline=datetime.date(2099, 12, 31), deadline_precision=deadlines.YEAR,
                                    places=[commune])
    world.done = DirectiveFactory(meeting=world.meeting, lead=world.front, text="Việc đã hoàn thành",
                                  status=DirectiveStatus.DONE, deadline=datetime.date(2022, 1, 31),
                                  deadline_precision=deadlines.MONTH)
    later = MeetingFactory(host=world.party, bloc=world.bloc, date=datetime.date(2022, 7, 6),
                           period=period("Quý II/2022"), next_period=None)
    world.later = DirectiveFactory(meeting=later, lead=world.front, text="Việc giao quý II")
    return world


def _texts(client, **params) -> set[str]:
    html = client.get(reverse("directives:list"), params, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html  # htmx gets only the results fragment
    return {t for t in ("Việc quá hạn quý I", "Việc của Hội Nông dân", "Việc đã hoàn thành", "Việc giao quý II")
            if t in html}


ALL = {"Việc quá hạn quý I", "Việc của Hội Nông dân", "Việc đã hoàn thành", "Việc giao quý II"}


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ALL),
    ({"status": "open"}, ALL - {"Việc đã hoàn thành"}),
    ({"status": "done"}, {"Việc đã hoàn thành"}),
    ({"overdue": "on"}, {"Việc quá hạn quý I"}),
    ({"period": "Quý II/2022"}, {"Việc giao quý II"}),
    ({"deadline_from": "01/01/2022", "deadline_to": "31/03/2022"}, {"Việc quá hạn quý I", "Việc đã hoàn thành"}),
    ({"place": "ho son"}, {"Việc của Hội Nông dân"}),
    ({"q": "Nông dân"}, {"Việc của Hội Nông dân"}),
])
def test_list_filters(client, w, params, expected):
    client.force_login(w.leader)
    assert _texts(client, **params) == expected


def test_list_filters_by_lead_and_refuses_a_bad_range_in_vietnamese(client, w):
    client.force_login(w.leader)
    assert _texts(client, lead=w.farmers.pk) == {"Việc của Hội Nông dân"}
    html = client.get(reverse("directives:list"), {"deadline_from": "31/12/2022", "deadline_to": "01/01/2022"})
    assert "Ngày cuối phải sau ngày đầu" in html.content.decode()


def test_list_sorts_by_deadline_with_undated_last_both_ways(client, w):
    client.force_login(w.leader)
    for sort, first in (("deadline", "Việc đã hoàn thành"), ("-deadline", "Việc của Hội Nông dân")):
        html = client.get(reverse("directives:list"), {"sort": sort}).content.decode()
        positions = {t: html.index(t) for t in ALL}
        assert min(positions, key=positions.get) == first
        assert max(positions, key=positions.get) == "Việc giao quý II"


def test_overdue_is_marked_on_the_list(client, w):
    client.force_login(w.leader)
    html = client.get(reverse("directives:list"), {"status": "open"}).content.decode()
    row = html.split("Việc quá hạn quý I")[1].split("</tr>")[0]
    assert "quá hạn" in row


def test_my_directives_shows_my_bodys_open_work_with_a_report_button(client, w):
    client.force_login(w.lead_editor)
    html = client.get(reverse("directives:mine")).content.decode()
    assert "Việc quá hạn quý I" in html and "Việc giao quý II" in html
    assert "Việc đã hoàn thành" not in html  # open only by default
    assert "Việc của Hội Nông dân" not in html  # another body's (it is below, not mine)
    assert "Báo cáo tiến độ" in html


def test_inline_progress_report_returns_the_updated_row_and_moves_new_to_in_progress(client, w):
    client.force_login(w.lead_editor)
    url = reverse("directives:progress", args=[w.later.pk]) + "?row=1"
    form = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Gửi báo cáo" in form and "<html" not in form
    response = client.post(url, {"note": "Đã xây dựng kế hoạch", "percent": 40, "organization": w.front.pk},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and f'id="directive-{w.later.pk}"' in html
    assert "Đã xây dựng kế hoạch" in html and "(40%)" in html
    later = Directive.objects.get(pk=w.later.pk)
    assert later.status == DirectiveStatus.IN_PROGRESS
    assert later.updates.get().author == w.lead_editor


def test_progress_without_a_note_or_over_100_percent_is_refused(client, w):
    client.force_login(w.lead_editor)
    url = reverse("directives:progress", args=[w.later.pk])
    response = client.post(url, {"note": " ", "percent": 140, "organization": w.front.pk})
    html = response.content.decode()
    assert response.status_code == 400 and "Hãy ghi tiến độ" in html and "100" in html
    assert not w.later.updates.exists()


def test_closing_needs_a_reason(client, w):
    client.force_login(w.leader)
    response = client.post(reverse("directives:close", args=[w.later.pk]),
                           {"status": "cancelled", "reason": "", "version": w.later.version}, follow=True)
    assert "Hãy ghi lý do" in response.content.decode()
    assert Directive.objects.get(pk=w.later.pk).status == DirectiveStatus.NEW


def _edit_post(directive, **changes) -> dict:
    data = {"text": directive.text, "lead": directive.lead_id, "deadline_text": directive.deadline_label(),
            "priority": directive.priority, "version": directive.version, "places_text": "", "assignees_text": ""}
    data.update(changes)
    return data


def test_concurrent_directive_edit_refuses_the_second_and_keeps_the_first(client, w):
    client.force_login(w.leader)
    url = reverse("directives:edit", args=[w.later.pk])
    first = _edit_post(w.later, deadline_text="trong quý III/2022")
    second = _edit_post(w.later, deadline_text="trước ngày 15/8/2022")
    assert client.post(url, first).status_code == 302
    response = client.post(url, second)
    html = response.content.decode()
    assert response.status_code == 409 and "người khác sửa" in html and "2022-09-30" not in html
    assert "30/09/2022" in html  # what the other person saved
    assert 'value="trước ngày 15/8/2022"' in html  # the user's input is still there
    stored = Directive.objects.get(pk=w.later.pk)
    assert stored.deadline_label() == "trong quý III/2022"


def test_history_shows_who_changed_what_for_every_edit(client, w):
    client.force_login(w.leader)
    url = reverse("directives:edit", args=[w.later.pk])
    client.post(url, _edit_post(w.later, text="Việc giao quý II (sửa lại)", coordinating=[w.farmers.pk]))
    client.force_login(w.lead_editor)
    client.post(reverse("directives:progress", args=[w.later.pk]),
                {"note": "Đang làm", "percent": 10, "organization": w.front.pk})
    client.force_login(w.leader)
    client.post(reverse("directives:close", args=[w.later.pk]),
                {"status": "done", "reason": "Đã xong", "version": Directive.objects.get(pk=w.later.pk).version})
    html = client.get(reverse("directives:detail", args=[w.later.pk])).content.decode()
    history = html.split("Lịch sử thay đổi")[1]
    assert "lanhdao_bdv" in history and "bientap_mttq" in history
    assert "nội dung: Việc giao quý II → Việc giao quý II (sửa lại)" in history
    assert "đơn vị phối hợp" in history and "Hội Nông dân huyện Thử Nghiệm" in history
    assert "trạng thái: Mới giao → Đang thực hiện" in history
    assert "trạng thái: Đang thực hiện → Hoàn thành" in history


def test_directive_page_shows_deadline_the_vietnamese_way_and_updates(client, w):
    client.force_login(w.lead_editor)
    html = client.get(reverse("directives:detail", args=[w.overdue.pk])).content.decode()
    assert "trong quý I/2022" in html and "31/03/2022" in html and "quá hạn" in html


def test_it_refuses_a_deadline_before_the_meeting_in_vietnamese_and_changes_nothing(client, w):
    client.force_login(w.leader)
    response = client.post(reverse("directives:edit", args=[w.later.pk]),
                           _edit_post(w.later, deadline_text="trong tháng 6/2022"))  # the meeting is 06/7/2022
    assert response.status_code == 200
    assert "Thời hạn không được trước ngày họp (06/07/2022)." in response.content.decode()
    assert Directive.objects.get(pk=w.later.pk).deadline is None


def test_a_deadline_without_a_year_is_read_after_the_meeting(client, w):
    client.force_login(w.leader)
    response = client.post(reverse("directives:edit", args=[w.later.pk]),
                           _edit_post(w.later, deadline_text="trong quý II"))  # 06/7/2022: quý II/2022 is over
    assert response.status_code == 302
    assert Directive.objects.get(pk=w.later.pk).deadline_label() == "trong quý II/2023"


def test_an_existing_deadline_before_the_meeting_does_not_block_other_edits(client, w):
    client.force_login(w.leader)
    response = client.post(reverse("directives:edit", args=[w.overdue.pk]),
                           _edit_post(w.overdue, text="Việc quá hạn quý I (ghi rõ)"))  # due 31/3, met 05/4
    assert response.status_code == 302


def test_an_issued_directive_edit_page_points_to_the_amendment_and_still_edits_coordination(client, w):
    from giaoban.meetings.models import Conclusion

    Conclusion.mark_issued(w.later.meeting)
    client.force_login(w.leader)
    url = reverse("directives:edit", args=[w.later.pk])
    assert reverse("directives:amend", args=[w.later.pk]) in client.get(url).content.decode()
    response = client.post(url, _edit_post(w.later, lead=w.farmers.pk))
    assert response.status_code == 200 and "đính chính hoặc điều chỉnh" in response.content.decode()
    assert client.post(url, _edit_post(w.later, coordinating=[w.farmers.pk])).status_code == 302
    stored = Directive.objects.get(pk=w.later.pk)
    assert stored.lead == w.front and list(stored.coordinating.all()) == [w.farmers]


# --- cost grows with the page, not with the database ---------------------------------------------

def _add_directives(world, count: int, lead, start: int = 1000) -> None:
    """`count` more directives in the world's briefing, each with a progress update and a coordinating body."""
    from giaoban.directives.models import DirectiveUpdate

    rows = Directive.objects.bulk_create([
        Directive(meeting=world.meeting, order=start + i, text=f"Việc bổ sung số {i}", lead=lead,
                  deadline=datetime.date(2022, 6, 30) + datetime.timedelta(days=i % 90),
                  deadline_precision=deadlines.DAY) for i in range(count)])
    DirectiveUpdate.objects.bulk_create([DirectiveUpdate(directive=d, note="Đang làm", percent=20) for d in rows])
    Directive.coordinating.through.objects.bulk_create([
        Directive.coordinating.through(directive_id=d.pk, organization_id=world.farmers.pk) for d in rows])


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("url", "persona"), [
    ("/chi-dao/", "leader"), ("/chi-dao/?status=open&overdue=on", "leader"), ("/chi-dao/?sort=meeting", "leader"),
    ("/chi-dao/cua-don-vi-toi/", "lead_editor")])
def test_list_pages_make_as_many_queries_at_1000_directives_as_at_10(client, w, url, persona):
    client.force_login(getattr(w, persona))
    _add_directives(w, 6, w.front)
    client.get(url)
    at_ten = _queries(client, url)
    _add_directives(w, 990, w.front, start=2000)
    assert _queries(client, url) == at_ten


def test_latest_progress_on_the_list_is_the_newest_update_of_each_directive(client, w):
    from tests.directives.factories import DirectiveUpdateFactory

    DirectiveUpdateFactory(directive=w.overdue, note="Bước một", percent=10)
    DirectiveUpdateFactory(directive=w.overdue, note="Bước hai mới nhất", percent=60)
    client.force_login(w.leader)
    html = client.get(reverse("directives:list")).content.decode()
    assert "Bước hai mới nhất (60%)" in html and "Bước một" not in html


def test_lead_filter_offers_the_users_bodies_and_their_blocs_not_every_lead_but_accepts_any_visible(client, w):
    from giaoban.accounts.models import Role
    from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

    admin = UserFactory(username="quantri_huyen")
    MembershipFactory(user=admin, organization=w.party, role=Role.ADMIN)
    communes = [OrganizationFactory(name=f"Ủy ban MTTQ Việt Nam xã Số {i}", parent=w.front) for i in range(30)]
    for commune in communes:
        _add_directives(w, 1, commune, start=3000 + commune.pk)
    client.force_login(admin)
    form = client.get(reverse("directives:list")).context["form"]
    offered = {pk for pk, _label in form.fields["lead"].choices if pk}
    assert {w.board.pk, w.front.pk} <= {int(str(pk)) for pk in offered}
    assert not {c.pk for c in communes} & {int(str(pk)) for pk in offered}
    response = client.get(reverse("directives:list"), {"lead": communes[3].pk})
    assert [d.lead_id for d in response.context["page"]] == [communes[3].pk]


def test_directive_page_history_costs_the_same_queries_for_3_or_12_changes_of_lead(client, w):
    bodies = [w.front, w.farmers, w.board]
    client.force_login(w.leader)
    url = reverse("directives:detail", args=[w.later.pk])

    def edit(times: int) -> None:
        for i in range(times):
            directive = Directive.objects.get(pk=w.later.pk)
            directive.lead = bodies[i % 3]
            directive.text = f"Việc giao quý II, lần sửa {i}"
            directive.save()

    edit(3)
    client.get(url)
    few = _queries(client, url)
    edit(9)
    assert _queries(client, url) == few


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{}, {"status": "open"}, {"sort": "-deadline"}, {"sort": "meeting"},
                                   {"sort": "priority"}, {"sort": "lead"}])
def test_a_province_admin_walks_every_visible_directive_once_in_the_lists_order(client, query):
    """Their own area, what reaches into it from other provinces and rows stored without an area, merged."""
    import re

    from giaoban.accounts.models import Role
    from giaoban.directives.listing import apply_filters
    from tests.directives.worlds import mixed_world
    from tests.factories import MembershipFactory, UserFactory

    world = mixed_world(seed=4, directives=70)
    admin = UserFactory(username="quantri_tinh_thu")
    MembershipFactory(user=admin, organization=world.provinces[0], role=Role.ADMIN)
    visible = apply_filters(Directive.objects.visible_to(admin), {"sort": query.get("sort"), **query},
                            datetime.date(2022, 6, 1))
    expected = list(visible.values_list("pk", flat=True))
    assert len(expected) > 50  # more than a page
    assert any(d.reaches_out for d in visible) and any(not d.area for d in visible)
    client.force_login(admin)
    seen, url = [], reverse("directives:list") + "?" + "&".join(f"{k}={v}" for k, v in query.items())
    counts = []
    while url:
        response = client.get(url)
        seen += [d.pk for d in response.context["page"]]
        counts.append(response.context["page"].count)
        following = re.search(r'href="([^"]*)"[^>]*>Trang sau', response.content.decode())
        url = reverse("directives:list") + following.group(1).replace("&amp;", "&") if following else ""
    assert seen == expected
    assert set(counts) == {len(expected)}
