"""A bloc's consolidation page from the shared cache: built once, never older than the last write it shows."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from giaoban.reports import caching
from giaoban.reports.models import IndicatorValue, ReportDeadline
from tests.factories import OrganizationFactory
from tests.reports.factories import IndicatorFactory, PeriodReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(bloc_world):
    """The reports' world as if its creation had committed: the version replacements it queued have run
    (a replacement still pending would stand for the later writes' own, which the test commits)."""
    for _savepoints, func, _robust in connection.run_on_commit:
        if getattr(func, "version_name", None) and not func.ran:
            func()
    return bloc_world


@pytest.fixture
def open_page(client, w):
    """The consolidation page of the bloc for Q1 2022 as the convening editor sees it."""
    client.force_login(w["convening_editor"])
    url = reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["q1"]])
    return lambda: client.get(url).content.decode()


def test_it_is_built_once_and_then_read_from_the_shared_entry(open_page, w, django_assert_max_num_queries,
                                                               monkeypatch):
    first = open_page()
    monkeypatch.setattr("giaoban.reports.views.consolidate_with_series", lambda *args, **kwargs: 1 / 0)
    # session, user, bloc, memberships, bloc members, versions, entry, unread count
    with django_assert_max_num_queries(8):
        again = open_page()
    rest = again.split("</form>")[-1]  # after the reminder form (each page has its own CSRF token)
    assert rest == first.split("</form>")[-1] and "Ủy ban MTTQ Việt Nam huyện Thử" in rest


def test_a_new_value_and_a_submitted_report_show_at_once(open_page, w, committed):
    assert "1 đơn vị chưa nộp báo cáo" in open_page()
    with committed():
        IndicatorValue.objects.create(report=w["front_report"], indicator=w["gifts"], value=9365)
    assert "9.365" in open_page()
    with committed():
        w["farmers_report"].status = "submitted"
        w["farmers_report"].save()
    shown = open_page()
    assert "chưa nộp báo cáo;" not in shown and "Tất cả đơn vị đã nộp báo cáo." in shown


def test_a_renamed_member_and_a_renamed_indicator_show_at_once(open_page, w, committed):
    open_page()
    with committed():
        w["front"].name = "Ủy ban MTTQ Việt Nam huyện Thử Mới"
        w["front"].save()
        w["gifts"].name = "Suất quà Tết Nguyên đán"
        w["gifts"].save()
    shown = open_page()
    assert "huyện Thử Mới" in shown and "Suất quà Tết Nguyên đán" in shown


def test_a_new_member_an_indicator_asked_and_a_deadline_set_show_at_once(open_page, w, committed):
    open_page()
    youth = OrganizationFactory(name="Đoàn Thanh niên huyện Thử", type="youth_union", parent=w["front"])
    asked = IndicatorFactory(code="cay-xanh", name="Cây xanh trồng mới")
    with committed():
        w["bloc"].members.add(youth)
        w["template"].indicators.add(asked)
        ReportDeadline.objects.create(template=w["template"], period=w["q1"], deadline=datetime.date(2022, 4, 9))
    shown = open_page()
    assert "Đoàn Thanh niên huyện Thử" in shown and "Cây xanh trồng mới" in shown and "09/04/2022" in shown


def test_the_reminder_button_is_each_users_own_while_the_entry_is_shared(client, open_page, w):
    assert "Nhắc các đơn vị chưa nộp" in open_page()  # the convening editor may remind
    client.force_login(w["convening_reader"])
    shown = client.get(reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["q1"]])).content.decode()
    assert "1 đơn vị chưa nộp báo cáo" in shown and "Nhắc các đơn vị chưa nộp" not in shown


def test_a_write_elsewhere_keeps_the_entry_and_each_language_has_its_own(w, committed):
    key = caching.cache_key(w["bloc"], w["q1"].key)
    with committed():
        PeriodReportFactory(organization=OrganizationFactory(name="Hội Nông dân huyện Khác", type="farmers_union"),
                            period=w["q1"])
    assert caching.cache_key(w["bloc"], w["q1"].key) == key
    with translation.override("en"):
        assert caching.cache_key(w["bloc"], w["q1"].key) != key
    with committed():
        PeriodReportFactory(organization=w["board"], period=w["q1"], status="draft")
    assert caching.cache_key(w["bloc"], w["q1"].key) != key
