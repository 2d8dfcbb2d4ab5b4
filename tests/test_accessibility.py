"""axe-core (installed from the npm registry by `make test`) on every main page: no serious or
critical violation, at an office PC's size and a phone's."""

from pathlib import Path

import pytest
from django.urls import reverse

from tests.test_screens import main_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parents[1] / "var" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", ")}`);
}"""


@pytest.mark.parametrize("width", [1366, 360])
def test_main_pages_have_no_serious_accessibility_violation(live_server, browser, demo, width, browser_problems):
    if not AXE.exists():
        pytest.fail("Thiếu axe-core: hãy chạy `make test` (nó cài axe-core vào var/npm).")
    source = AXE.read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 768})
    page = context.new_page()
    browser_problems.watch(page)
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "giaoban-demo")
    page.click("button[type=submit]")
    page.wait_for_selector("h1")
    found = {}
    for name, url in {"login": reverse("login"), **main_pages()}.items():
        page.goto(live_server.url + url)
        page.evaluate(source + ";0")  # evaluated by the browser's devtools channel, so the CSP stays as it is
        violations = page.evaluate(SERIOUS)
        if violations:
            found[name] = violations
    context.close()
    assert not found, found
