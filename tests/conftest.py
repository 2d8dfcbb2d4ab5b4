"""Shared test set-up: personas, the headless Chromium, and no network."""

import os
import shutil

import pytest

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
