
import pytest
from django.urls import reverse

from giaoban.accounts.models import Role
from giaoban.meetings.models import BriefingSeries
from tests.factories import MembershipFactory, UserFactory, period
from tests.meetings.factories import SeriesFactory, briefing_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    world = briefing_world()
    world.secretary = UserFactory(username="bientap_bdv")
    MembershipFactory(user=world.secretary, organization=world.board, role=Role.EDITOR)
    return world


def _form(w, **changes) -> dict:
    data = {"name": "Giao ban khối hằng tháng", "bloc": w.bloc.pk, "host": w.board.pk, "period_type": "month",
            "first_period_label": "Tháng 1/2026", "recurrence": "day", "day": 17, "weekday": 1, "week": 1,
            "month_offset": 1, "start_time": "08:00", "place": "Phòng họp Ban Dân vận", "active": "on",
            "attendees": [w.front.pk, w.farmers.pk],
            "agenda-TOTAL_FORMS": 1, "agenda-INITIAL_FORMS": 0, "agenda-0-kind": "report",
            "agenda-0-title": "Báo cáo kết quả tháng", "agenda-0-organization": w.board.pk, "agenda-0-notes": ""}
    data.update(changes)
    return data


def test_the_convening_editor_sets_up_a_series_with_its_agenda_template(client, w):
    client.force_login(w.secretary)
    response = client.post(reverse("meetings:series_create"), _form(w))
    series = BriefingSeries.objects.get()
    assert response.status_code == 302 and series.first_period == period("Tháng 1/2026")
    assert set(series.attendees.all()) == {w.front, w.farmers}
    assert list(series.agenda_items.values_list("title", flat=True)) == ["Báo cáo kết quả tháng"]


def test_a_first_period_of_another_kind_is_refused_in_vietnamese_and_the_input_kept(client, w):
    client.force_login(w.secretary)
    response = client.post(reverse("meetings:series_create"), _form(w, first_period_label="Quý I/2026"))
    html = response.content.decode()
    assert response.status_code == 200 and "cùng định kỳ" in html and "Phòng họp Ban Dân vận" in html
    assert not BriefingSeries.objects.exists()


def test_the_series_page_says_the_next_date_and_why_it_moved(client, w):
    series = SeriesFactory(bloc=w.bloc, host=w.party, day=17)
    series.first_period = period("Tháng 1/2026")
    series.save()
    client.force_login(w.secretary)
    html = client.get(reverse("meetings:series_detail", args=[series.pk])).content.decode()
    assert "23/02/2026" in html and "Tết Nguyên Đán" in html and "Tạo kỳ giao ban tiếp theo" in html


def test_only_editors_see_the_button_and_outsiders_see_nothing(client, w):
    series = SeriesFactory(bloc=w.bloc, host=w.party)
    client.force_login(w.lead_editor)  # an editor of a member: sees the series, does not run it
    html = client.get(reverse("meetings:series_detail", args=[series.pk])).content.decode()
    assert "Tạo kỳ giao ban tiếp theo" not in html
    assert client.get(reverse("meetings:series_edit", args=[series.pk])).status_code == 403
    client.force_login(w.outsider)
    assert client.get(reverse("meetings:series_detail", args=[series.pk])).status_code == 404
    assert series.name not in client.get(reverse("meetings:series_list")).content.decode()


def test_the_series_list_shows_the_series_of_my_blocs(client, w):
    series = SeriesFactory(bloc=w.bloc, host=w.party)
    client.force_login(w.lead_editor)
    assert series.name in client.get(reverse("meetings:series_list")).content.decode()
