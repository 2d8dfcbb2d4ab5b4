"""Period report writes in the API: the reports app's form, figure rules and workflow."""

from decimal import Decimal

import pytest

from giaoban.reports.models import IndicatorValue, PeriodReport, ReportStatus
from tests.api.conftest import send
from tests.expectations import build_world
from tests.reports.factories import IndicatorFactory


@pytest.fixture
def world(db):
    w = build_world()
    IndicatorFactory(code="ty-le-bao-hiem", name="Tỷ lệ tham gia bảo hiểm", unit="%", kind="percent")
    return w


def _tag(report) -> dict:
    return {"HTTP_IF_MATCH": f'"v{PeriodReport.objects.get(pk=report.pk).version}"'}


def _figures(report) -> dict:
    return {v.indicator.code: v.value for v in IndicatorValue.objects.filter(report=report).select_related("indicator")}


def test_figures_and_sections_are_saved_as_the_editor_page_saves_them(client, world):
    response = send(client, "PATCH", f"/api/v1/reports/{world.draft.pk}/", world.lead_editor,
                    {"limitations": "Một số chi hội chưa nộp số liệu", "values": {"ho-ngheo": 1500,
                                                                                "ty-le-bao-hiem": 92.5}},
                    **_tag(world.draft))
    assert response.status_code == 200, response.json()
    draft = PeriodReport.objects.get(pk=world.draft.pk)
    assert draft.limitations == "Một số chi hội chưa nộp số liệu"
    assert draft.results == world.draft.results  # not sent, kept
    assert _figures(draft) == {"ho-ngheo": Decimal("1500"), "ty-le-bao-hiem": Decimal("92.5")}
    assert response["ETag"] == f'"v{draft.version}"'


def test_a_decimal_point_is_never_read_as_a_thousands_dot(client, world):
    send(client, "PATCH", f"/api/v1/reports/{world.draft.pk}/", world.lead_editor,
         {"values": {"ty-le-bao-hiem": "1.500"}}, **_tag(world.draft))
    assert _figures(world.draft)["ty-le-bao-hiem"] == Decimal("1.5")


def test_a_figure_the_indicator_refuses_answers_its_message_and_saves_nothing(client, world):
    response = send(client, "PATCH", f"/api/v1/reports/{world.draft.pk}/", world.lead_editor,
                    {"results": "Đã sửa", "values": {"ho-ngheo": 2.5}}, **_tag(world.draft))
    assert response.status_code == 400
    assert response.json()["message"] == "Số lượng phải là số nguyên."
    assert PeriodReport.objects.get(pk=world.draft.pk).results == world.draft.results


def test_an_indicator_the_report_does_not_carry_is_refused(client, world):
    response = send(client, "PATCH", f"/api/v1/reports/{world.draft.pk}/", world.lead_editor,
                    {"values": {"khong-co": 1}}, **_tag(world.draft))
    assert response.status_code == 400
    assert "values.khong-co" in response.json()["details"]


def test_a_null_figure_clears_it(client, world):
    IndicatorValue.objects.create(report=world.draft, indicator=world.report.values.get().indicator, value=3)
    send(client, "PATCH", f"/api/v1/reports/{world.draft.pk}/", world.lead_editor, {"values": {"ho-ngheo": None}},
         **_tag(world.draft))
    assert _figures(world.draft)["ho-ngheo"] is None


def test_a_stale_save_gets_412_and_changes_nothing(client, world):
    stale = _tag(world.draft)
    send(client, "PATCH", f"/api/v1/reports/{world.draft.pk}/", world.lead_editor, {"plan": "Bản một"}, **stale)
    response = send(client, "PATCH", f"/api/v1/reports/{world.draft.pk}/", world.lead_editor, {"plan": "Bản hai"},
                    **stale)
    assert response.status_code == 412
    assert PeriodReport.objects.get(pk=world.draft.pk).plan == "Bản một"


def test_a_submitted_report_is_no_longer_edited_409(client, world):
    submitted = send(client, "POST", f"/api/v1/reports/{world.draft.pk}/submit", world.lead_editor,
                     **_tag(world.draft))
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    again = send(client, "PATCH", f"/api/v1/reports/{world.draft.pk}/", world.lead_editor, {"plan": "Muộn"},
                 **_tag(world.draft))
    assert again.status_code == 409 and again.json()["code"] == "wrong_state"


def test_an_empty_report_cannot_be_submitted(client, world):
    PeriodReport.objects.filter(pk=world.draft.pk).update(results="")
    response = send(client, "POST", f"/api/v1/reports/{world.draft.pk}/submit", world.lead_editor,
                    **_tag(world.draft))
    assert response.status_code == 409
    assert "còn trống" in response.json()["message"]
    assert PeriodReport.objects.get(pk=world.draft.pk).status == ReportStatus.DRAFT


def test_a_draft_cannot_be_accepted(client, world):
    response = send(client, "POST", f"/api/v1/reports/{world.draft.pk}/accept", world.leader, **_tag(world.draft))
    assert response.status_code == 409
    assert response.json()["message"] == "Chỉ tiếp nhận được báo cáo đã nộp."


def test_returning_keeps_the_reason_for_the_body(client, world):
    response = send(client, "POST", f"/api/v1/reports/{world.report.pk}/return", world.leader,
                    {"reason": "Thiếu số liệu quý"}, **_tag(world.report))
    assert response.json()["status"] == "returned"
    assert response.json()["return_reason"] == "Thiếu số liệu quý"


def test_opening_a_report_twice_gives_the_same_report(client, world):
    first = send(client, "POST", "/api/v1/reports/", world.lead_editor,
                 {"organization_id": world.farmers.pk, "period_label": "Quý III/2022"})
    second = send(client, "POST", "/api/v1/reports/", world.lead_editor,
                  {"organization_id": world.farmers.pk, "period_label": "quý 3/2022"})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]


def test_an_unknown_period_label_is_refused_in_vietnamese(client, world):
    response = send(client, "POST", "/api/v1/reports/", world.lead_editor,
                    {"organization_id": world.front.pk, "period_label": "Quý V/2022"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert not PeriodReport.objects.filter(period__number=5).exists()
