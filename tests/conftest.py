"""Shared test set-up: personas, the headless Chromium, and no network."""

import os
import shutil

import pytest
from hypothesis import HealthCheck, settings

# Properties, not timings: on a busy machine a slow example is not a failure.
settings.register_profile("giaoban", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("giaoban")

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run "inside" it unless told that this is safe (it is: one thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, not a downloaded browser (downloads fail offline)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def personas(db):
    """Three people around one body A: an outsider, an editor of A, an admin above A."""
    from giaoban.accounts.models import Role
    from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

    province = OrganizationFactory(name="Tỉnh ủy Thử Nghiệm", level="province")
    body_a = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện A", type="front_committee", parent=province)
    other = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện B", type="front_committee")
    outsider, editor, admin = UserFactory(username="ngoai"), UserFactory(username="bientap_a"), UserFactory(
        username="quantri_tinh")
    MembershipFactory(user=outsider, organization=other, role=Role.EDITOR)
    MembershipFactory(user=editor, organization=body_a, role=Role.EDITOR)
    MembershipFactory(user=admin, organization=province, role=Role.ADMIN)
    return {"outsider": outsider, "editor": editor, "admin": admin, "a": body_a, "other": other,
            "province": province}


@pytest.fixture
def demo(settings):
    """The demo data (three personas, two districts' briefings), as `make run` loads it."""
    import importlib

    from django.apps import apps
    from django.core.management import call_command

    settings.DEMO = True
    # `make run` migrates first: the indicator catalogue a migration seeds is flushed after a browser test.
    importlib.import_module("giaoban.reports.migrations.0002_indicator_catalogue").seed(apps, None)
    call_command("demo", stdout=None)


# The browser cancelled the request itself: the page was left before its script or icon arrived, or a
# download took the navigation over. A failed request (refused, reset, empty, blocked) has another code.
CANCELLED_BY_THE_BROWSER = "net::ERR_ABORTED"


class BrowserProblems(list):
    """Console errors (CSP violations among them), uncaught page errors, failed requests and 5xx."""

    def watch(self, page) -> "BrowserProblems":
        page.on("console", lambda msg: msg.type == "error" and self.append(f"console: {msg.text}"))
        page.on("pageerror", lambda error: self.append(f"page error: {error}"))
        page.on("requestfailed", lambda req: req.failure != CANCELLED_BY_THE_BROWSER and self.append(
            f"failed: {req.url} {req.failure}"))
        page.on("response", lambda resp: resp.status >= 500 and self.append(f"{resp.status}: {resp.url}"))
        return self


@pytest.fixture
def browser_problems(request):
    """Every browser test fails on a console error, CSP violation, failed request or 5xx it met.

    The `page` fixture is watched automatically; pages a test opens in contexts of its own are
    watched with `browser_problems.watch(page)`.
    """
    problems = BrowserProblems()
    if "page" in request.fixturenames:
        problems.watch(request.getfixturevalue("page"))
    yield problems
    assert not problems, problems


@pytest.fixture(autouse=True)
def _watch_browser_tests(request):
    if request.node.get_closest_marker("browser"):
        request.getfixturevalue("browser_problems")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run writes as a committed transaction would: data versions are replaced after the commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
