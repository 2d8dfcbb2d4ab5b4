"""The net every browser test runs under (tests/conftest.py): what it catches and what it lets pass."""

import pytest
from django.urls import reverse

from tests.conftest import BrowserProblems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browser_problems_catch_csp_violations_errors_failed_requests_and_5xx(live_server, browser):
    problems = BrowserProblems()
    context = browser.new_context()
    page = context.new_page()
    problems.watch(page)
    page.route("**/tu-choi", lambda route: route.abort("connectionrefused"))
    page.route("**/loi-may-chu", lambda route: route.fulfill(status=500, body="loi"))
    page.route("**/bo-giua-chung", lambda route: route.abort("aborted"))
    page.goto(live_server.url + reverse("login"))
    assert problems == []
    page.evaluate("""async () => {
        const script = document.createElement("script");
        script.textContent = "window.ran = true";  // inline: the site's CSP refuses it
        document.body.append(script);
        for (const path of ["/tu-choi", "/loi-may-chu", "/bo-giua-chung"]) { await fetch(path).catch(() => 0); }
        setTimeout(() => { throw new Error("hỏng"); }, 0);
    }""")
    page.wait_for_timeout(200)
    context.close()
    assert any(p.startswith("console:") and "Content Security Policy" in p for p in problems), problems
    assert f"failed: {live_server.url}/tu-choi net::ERR_CONNECTION_REFUSED" in problems
    assert f"500: {live_server.url}/loi-may-chu" in problems
    assert "page error: hỏng" in problems
    assert not [p for p in problems if "bo-giua-chung" in p], "a request the browser cancelled is no failure"
