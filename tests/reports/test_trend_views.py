"""One indicator over time: the bloc's page (from its consolidation) and a body's page (from its report),
a server-drawn chart with the same figures in a table, for those who may read them only."""

import lxml.html
from django.urls import reverse

from tests.reports.factories import period, report_with


def _quarters(w):
    """The Front and the farmers' union report Suất quà Tết for Q2–Q4/2021."""
    for number, (front, farmers) in enumerate([(9365, 120), (100, 30), (200, 40)], start=2):
        report_with(w["front"], period("quarter", 2021, number), {w["gifts"]: front})
        report_with(w["farmers"], period("quarter", 2021, number), {w["gifts"]: farmers})


def _bloc_url(w):
    return reverse("reports:indicator_trend", args=[w["bloc"].pk, period("Quý IV/2021"), w["gifts"].pk])


def _body_url(w, body):
    return reverse("reports:body_indicator_trend", args=[w[body].pk, period("Quý IV/2021"), w["gifts"].pk])


def test_the_bloc_trend_shows_a_chart_and_the_same_figures_in_a_table(client, bloc_world):
    w = bloc_world
    _quarters(w)
    client.force_login(w["convening_reader"])
    response = client.get(_bloc_url(w))
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    chart = page.xpath("//main//svg[@role='img']")[0]
    assert "Suất quà Tết" in chart.get("aria-label")
    bars = [title.text for title in chart.xpath(".//*[local-name()='rect']/*[local-name()='title']")]
    assert bars[-3:] == ["QII/21: 9.485", "QIII/21: 130", "QIV/21: 240"]
    rows = {row.xpath("string(th)"): [" ".join(td.text_content().split()) for td in row.xpath("td")]
            for row in page.xpath("//table[@id='trend-table']/tbody/tr")}
    assert len(rows) == 8 and rows["Quý II/2021"][:3] == ["9.485", "9.365", "120"]
    assert rows["Quý I/2021"][0] == "— *"  # nobody reported: no total, marked incomplete
    assert page.xpath("//table[@id='trend-table']/caption")


def test_the_consolidation_and_a_report_link_to_their_indicators_over_time(client, bloc_world):
    w = bloc_world
    client.force_login(w["convening_reader"])
    consolidation = client.get(reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["q1"]])).content.decode()
    assert reverse("reports:indicator_trend", args=[w["bloc"].pk, w["q1"], w["gifts"].pk]) in consolidation
    report = client.get(reverse("reports:detail", args=[w["front_report"].pk])).content.decode()
    assert reverse("reports:body_indicator_trend", args=[w["front"].pk, w["q1"], w["gifts"].pk]) in report


def test_a_body_trend_is_for_its_members_and_the_bloc_that_convenes_it_only(client, bloc_world):
    w = bloc_world
    _quarters(w)
    client.force_login(w["member_editor"])  # the farmers' union
    response = client.get(_body_url(w, "farmers"))
    assert response.status_code == 200
    rows = lxml.html.fromstring(response.content).xpath("//table[@id='trend-table']/tbody/tr/td[1]")
    assert [" ".join(td.text_content().split()) for td in rows][-3:] == ["120", "30", "40"]
    assert client.get(_body_url(w, "front")).status_code == 404  # the body above is not theirs
    assert client.get(_bloc_url(w)).status_code == 404
    client.force_login(w["convening_reader"])
    assert client.get(_body_url(w, "farmers")).status_code == 200
    client.force_login(w["outsider"])
    assert client.get(_body_url(w, "farmers")).status_code == 404
    assert client.get(_bloc_url(w)).status_code == 404
    client.logout()
    assert client.get(_bloc_url(w)).status_code == 302
