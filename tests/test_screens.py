"""Every main page at a 360 px phone and a 1366×768 office PC: nothing wider than the screen.

`make screens` runs this with GIAOBAN_SCREENS=var/screens to keep a screenshot of each page for a
person to look at.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from giaoban.directives.models import Directive, ProgressRound
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Bloc
from giaoban.reports.models import PeriodReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
VIEWPORTS = {"phone": (360, 740), "pc": (1366, 768)}


def main_pages() -> dict[str, str]:
    meeting = Meeting.objects.filter(conclusion__isnull=False).order_by("pk").first()
    directive = Directive.objects.filter(meeting=meeting).order_by("pk").first()
    bloc = Bloc.objects.order_by("pk").first()
    report = PeriodReport.objects.filter(organization__in=bloc.members.all()).order_by("pk").first()
    indicator = bloc.report_templates.order_by("pk").first().indicators.order_by("position", "pk").first().pk
    return {
        "home": reverse("home"),
        "meetings": reverse("meetings:list"),
        "meeting": reverse("meetings:detail", args=[meeting.pk]),
        "meeting-new": reverse("meetings:create"),
        "conclusion": reverse("recording:conclusion", args=[meeting.pk]),
        "directives": reverse("directives:list"),
        "directive": reverse("directives:detail", args=[directive.pk]),
        "my-directives": reverse("directives:mine"),
        "progress-rounds": reverse("directives:rounds"),
        "progress-round": reverse("directives:round", args=[ProgressRound.objects.order_by("pk").first().pk]),
        "reports": reverse("reports:mine"),
        "consolidation": reverse("reports:consolidation_index"),
        "bloc-consolidation": reverse("reports:bloc_consolidation", args=[bloc.pk, report.period]),
        "indicator-trend": reverse("reports:indicator_trend", args=[bloc.pk, report.period, indicator]),
        "documents": reverse("documents:index"),
        "meeting-documents": reverse("documents:meeting", args=[meeting.pk]),
        "search": reverse("search:results") + "?q=chuyen+doi+so",
        "people": reverse("meetings:people"),
        "bodies": reverse("organisations:list"),
        "blocs": reverse("organisations:blocs"),
        "bloc": reverse("meetings:bloc", args=[bloc.pk]),
        "notifications": reverse("notifications:list"),
    }


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_main_page_is_wider_than_the_screen(live_server, browser, demo, viewport, browser_problems):
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    browser_problems.watch(page)
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "giaoban-demo")
    page.click("button[type=submit]")
    page.wait_for_selector("h1")
    folder = os.environ.get("GIAOBAN_SCREENS")
    too_wide = {}
    for name, url in main_pages().items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, (name, response.status)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            too_wide[name] = scroll
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"{name}-{width}.png"), full_page=True)
    context.close()
    assert not too_wide, too_wide
