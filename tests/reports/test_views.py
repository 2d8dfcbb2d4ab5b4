import pytest
from django.urls import reverse

from giaoban.periods.models import Period
from giaoban.reports.models import IndicatorValue, PeriodReport, ReportStatus

pytestmark = pytest.mark.django_db


def _form_data(report, **overrides):
    data = {"version": report.version, "results": "Trao 120 suất quà Tết cho hội viên khó khăn.", "strengths": "",
            "limitations": "", "causes": "", "plan": "", "proposals": "",
            "chitieu_qua-tet": "120", "chitieu_quy-vnn": "4.000.000.000", "chitieu_dvk": "92,5"}
    data.update(overrides)
    return data


# --- four personas -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url_name", ["reports:detail", "reports:edit", "reports:xlsx_template"])
def test_anonymous_is_sent_to_login(client, bloc_world, url_name):
    response = client.get(reverse(url_name, args=[bloc_world["farmers_report"].pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("url_name", ["reports:detail", "reports:edit", "reports:xlsx_template"])
def test_outsider_gets_404_for_reports_of_the_bloc(client, bloc_world, url_name):
    client.force_login(bloc_world["outsider"])
    for report in (bloc_world["farmers_report"], bloc_world["front_report"]):
        assert client.get(reverse(url_name, args=[report.pk])).status_code == 404


def test_outsider_gets_404_for_the_consolidation_and_cannot_post(client, bloc_world):
    client.force_login(bloc_world["outsider"])
    w = bloc_world
    assert client.get(reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["q1"]])).status_code == 404
    response = client.post(reverse("reports:edit", args=[w["farmers_report"].pk]), _form_data(w["farmers_report"]))
    assert response.status_code == 404
    assert not IndicatorValue.objects.exists()


def test_member_editor_edits_own_report(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    assert client.get(reverse("reports:edit", args=[report.pk])).status_code == 200
    response = client.post(reverse("reports:edit", args=[report.pk]), _form_data(report))
    assert response.status_code == 302
    stored = {v.indicator.code: v.value for v in IndicatorValue.objects.filter(report=report)}
    assert stored == {"qua-tet": 120, "quy-vnn": 4_000_000_000, "dvk": pytest.approx(92.5)}
    assert str(stored["quy-vnn"]) == "4000000000.00"


def test_member_editor_cannot_see_or_edit_another_members_report(client, bloc_world):
    client.force_login(bloc_world["member_editor"])
    front_report = bloc_world["front_report"]
    assert client.get(reverse("reports:detail", args=[front_report.pk])).status_code == 404
    assert client.post(reverse("reports:edit", args=[front_report.pk]), _form_data(front_report)).status_code == 404
    w = bloc_world
    assert client.get(reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["q1"]])).status_code == 404


def test_convening_reader_reads_every_members_report_and_the_consolidation(client, bloc_world):
    w = bloc_world
    client.force_login(w["convening_reader"])
    for report in (w["farmers_report"], w["front_report"]):
        assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 200
    page = client.get(reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["q1"]]))
    assert page.status_code == 200
    assert "Hội Nông dân huyện Thử" in page.content.decode()


def test_convening_reader_cannot_edit_a_members_report(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["convening_reader"])
    response = client.post(reverse("reports:edit", args=[report.pk]), _form_data(report))
    assert response.status_code == 302 and response["Location"] == reverse("reports:detail", args=[report.pk])
    assert not IndicatorValue.objects.exists()
    report.refresh_from_db()
    assert report.results == ""


# --- workflow ---------------------------------------------------------------------------------------------------


def test_submit_then_convening_editor_returns_with_reason_and_member_can_edit_again(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    client.post(reverse("reports:edit", args=[report.pk]), _form_data(report, action="submit"))
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.submitted_by == bloc_world["member_editor"]
    # the member cannot review its own report
    assert client.post(reverse("reports:review", args=[report.pk, "accept"]),
                       {"version": report.version}).status_code == 403
    client.force_login(bloc_world["convening_editor"])
    client.post(reverse("reports:review", args=[report.pk, "return"]), {"version": report.version, "reason": ""})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED  # no reason, no return
    client.post(reverse("reports:review", args=[report.pk, "return"]),
                {"version": report.version, "reason": "Thiếu số liệu học bổng."})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED and report.return_reason == "Thiếu số liệu học bổng."
    client.force_login(bloc_world["member_editor"])
    assert client.get(reverse("reports:edit", args=[report.pk])).status_code == 200


def test_convening_reader_may_not_accept(client, bloc_world):
    report = bloc_world["front_report"]
    client.force_login(bloc_world["convening_reader"])
    assert client.post(reverse("reports:review", args=[report.pk, "accept"]),
                       {"version": report.version}).status_code == 403
    client.force_login(bloc_world["convening_editor"])
    client.post(reverse("reports:review", args=[report.pk, "accept"]), {"version": report.version})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED


def test_history_of_a_report_is_shown(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    client.post(reverse("reports:edit", args=[report.pk]), _form_data(report, action="submit"))
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Lịch sử thay đổi" in page and bloc_world["member_editor"].get_full_name() in page


# --- editor: autosave, version check, failed submit ------------------------------------------------------------


def test_autosave_stores_the_draft_and_returns_the_new_version(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    response = client.post(reverse("reports:autosave", args=[report.pk]), _form_data(report),
                           headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and "Đã tự lưu nháp" in body
    report.refresh_from_db()
    assert report.results.startswith("Trao 120 suất quà") and report.status == ReportStatus.DRAFT
    assert f'value="{report.version}"' in body and 'hx-swap-oob="true"' in body


def test_stale_autosave_is_refused_in_vietnamese_and_changes_nothing(client, bloc_world):
    report = bloc_world["farmers_report"]
    stale = report.version
    client.force_login(bloc_world["member_editor"])
    client.post(reverse("reports:autosave", args=[report.pk]), _form_data(report, results="Bản của người thứ nhất."))
    response = client.post(reverse("reports:autosave", args=[report.pk]),
                           _form_data(report, version=stale, results="Bản cũ của người thứ hai."))
    assert "người khác lưu" in response.content.decode()
    report.refresh_from_db()
    assert report.results == "Bản của người thứ nhất."


def test_stale_submit_keeps_the_users_text_in_the_page(client, bloc_world):
    report = bloc_world["farmers_report"]
    stale = report.version
    PeriodReport.objects.get(pk=report.pk).save_versioned(stale)
    client.force_login(bloc_world["member_editor"])
    response = client.post(reverse("reports:edit", args=[report.pk]),
                           _form_data(report, version=stale, results="Nội dung tôi vừa gõ.", action="submit"))
    page = response.content.decode()
    assert response.status_code == 409 and "Nội dung tôi vừa gõ." in page and "CHƯA được lưu" in page
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.results == ""


def test_failed_submit_with_a_wrong_number_loses_nothing_and_saves_nothing(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    response = client.post(reverse("reports:edit", args=[report.pk]), _form_data(
        report, results="Đoạn văn dài đã gõ.", **{"chitieu_qua-tet": "-5", "chitieu_dvk": "120"}, action="submit"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đoạn văn dài đã gõ." in page and "Số lượng không được âm" in page and "từ 0 đến 100" in page
    assert 'value="4.000.000.000"' in page
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.results == "" and not report.values.exists()


def test_submitting_an_empty_report_is_refused_with_a_message(client, bloc_world):
    report = bloc_world["farmers_report"]
    client.force_login(bloc_world["member_editor"])
    empty = {k: "" for k in _form_data(report)} | {"version": report.version, "action": "submit"}
    response = client.post(reverse("reports:edit", args=[report.pk]), empty)
    assert "Báo cáo còn trống" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


# --- pages ----------------------------------------------------------------------------------------------------


def test_my_reports_lists_status_per_period_and_creates_a_draft(client, bloc_world):
    client.force_login(bloc_world["member_editor"])
    page = client.get(reverse("reports:mine")).content.decode()
    assert "Hội Nông dân huyện Thử" in page and "Lập báo cáo" in page
    q2 = bloc_world["q1"].next()
    response = client.post(reverse("reports:create", args=[bloc_world["farmers"].pk, q2]))
    assert q2.pk is None  # listing the period did not store it; the first report does
    created = PeriodReport.objects.get(organization=bloc_world["farmers"], period__in=Period.objects.filter(
        type=q2.type, year=q2.year, number=q2.number))
    assert response["Location"] == reverse("reports:edit", args=[created.pk]) and created.status == "draft"


def test_consolidation_page_flags_missing_members_and_draws_inline_svg_charts(client, bloc_world):
    w = bloc_world
    IndicatorValue.objects.create(report=w["front_report"], indicator=w["gifts"], value=9365)
    client.force_login(w["convening_reader"])
    page = client.get(reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["q1"]])).content.decode()
    assert "1 đơn vị chưa nộp báo cáo" in page
    assert "9.365" in page and "<svg" in page and "<script" not in page.split("</header>")[1]


def test_consolidation_exports_xlsx(client, bloc_world):
    w = bloc_world
    client.force_login(w["convening_reader"])
    response = client.get(reverse("reports:bloc_consolidation_xlsx", args=[w["bloc"].pk, w["q1"]]))
    assert response.status_code == 200 and response.content.startswith(b"PK")


def test_tree_consolidation_page_for_a_visible_body_only(client, bloc_world):
    w = bloc_world
    client.force_login(w["member_editor"])
    assert client.get(reverse("reports:tree", args=[w["farmers"].pk, w["q1"]])).status_code == 200
    assert client.get(reverse("reports:tree", args=[w["front"].pk, w["q1"]])).status_code == 404


def test_index_offers_the_periods_members_reported_on_even_old_ones(client, bloc_world):
    w = bloc_world
    client.force_login(w["convening_reader"])
    page = client.get(reverse("reports:consolidation_index")).content.decode()
    assert reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["farmers_report"].period]) in page


def test_period_picker_opens_any_written_period_and_refuses_nonsense(client, bloc_world):
    w = bloc_world
    client.force_login(w["convening_reader"])
    url = reverse("reports:consolidation_index")
    response = client.get(url, {"khoi": w["bloc"].pk, "ky": "6 tháng đầu năm 2021"})
    assert response.status_code == 302 and "/tong-hop/khoi/" in response["Location"]
    response = client.get(url, {"khoi": w["bloc"].pk, "ky": "quý mười"}, follow=True)
    assert "Không hiểu kỳ báo cáo" in response.content.decode()


def test_period_picker_gives_404_for_a_bloc_the_user_does_not_convene(client, bloc_world):
    client.force_login(bloc_world["member_editor"])
    response = client.get(reverse("reports:consolidation_index"), {"khoi": bloc_world["bloc"].pk, "ky": "Quý I/2022"})
    assert response.status_code == 404
