import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from giaoban.accounts.models import AuditEvent, AuditKind, Membership, Role
from tests.factories import PASSWORD, MembershipFactory, OrganizationFactory, UserFactory


def _kinds(username: str) -> list[str]:
    return list(AuditEvent.objects.filter(username=username).order_by("pk").values_list("kind", flat=True))


def _login(client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR="10.1.2.3")


@pytest.mark.django_db
def test_a_login_is_logged_with_the_address(client):
    user = UserFactory(username="canbo")
    _login(client, "canbo", PASSWORD)
    event = AuditEvent.objects.get(kind=AuditKind.LOGIN)
    assert (event.user, event.username, event.ip_address) == (user, "canbo", "10.1.2.3")


@pytest.mark.django_db
def test_failed_logins_and_the_lockout_are_logged(client):
    UserFactory(username="canbo")
    for _ in range(5):
        _login(client, "canbo", "sai-mat-khau")
    # django-axes signals the lockout while it handles the fifth failure, before that failure is logged.
    assert sorted(_kinds("canbo")) == sorted([AuditKind.LOGIN_FAILED] * 5 + [AuditKind.LOCKOUT])


@pytest.mark.django_db
def test_a_failed_login_for_an_unknown_name_keeps_the_name_typed(client):
    _login(client, "khong-co-ai", "x")
    event = AuditEvent.objects.get()
    assert (event.kind, event.user, event.username) == (AuditKind.LOGIN_FAILED, None, "khong-co-ai")


@pytest.mark.django_db
def test_membership_added_role_changed_and_removed_are_logged():
    membership = MembershipFactory(user=UserFactory(username="canbo"), organization=OrganizationFactory(
        name="Hội Nông dân tỉnh"), role=Role.VIEWER)
    membership.role = Role.ADMIN
    membership.save()
    membership.title = "Chánh Văn phòng"
    membership.save()  # not a change of rights: not logged
    membership.delete()
    events = list(AuditEvent.objects.order_by("pk"))
    assert [e.kind for e in events] == [AuditKind.MEMBERSHIP_ADDED, AuditKind.ROLE_CHANGED,
                                        AuditKind.MEMBERSHIP_REMOVED]
    assert events[1].detail == "Hội Nông dân tỉnh: Xem → Quản trị"


@pytest.mark.django_db
def test_who_changed_a_role_in_the_admin_is_logged(client):
    admin = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    membership = MembershipFactory(user=UserFactory(username="canbo"), role=Role.VIEWER)
    client.force_login(admin)
    url = reverse("admin:accounts_membership_change", args=[membership.pk])
    response = client.post(url, {"user": membership.user.pk, "organization": membership.organization.pk,
                                 "role": Role.EDITOR, "title": ""})
    assert response.status_code == 302
    event = AuditEvent.objects.get(kind=AuditKind.ROLE_CHANGED)
    assert (event.actor, event.username) == (admin, "canbo")


@pytest.mark.django_db
def test_making_someone_a_superuser_or_adding_a_group_is_logged():
    user = UserFactory(username="canbo")
    user.is_superuser = True
    user.save()
    user.groups.add(Group.objects.create(name="Văn phòng"))
    details = list(AuditEvent.objects.filter(kind=AuditKind.ACCOUNT_CHANGED).order_by("pk")
                   .values_list("detail", flat=True))
    assert details[0] == "is_superuser: False → True"
    assert "Văn phòng" in details[1]


@pytest.mark.django_db
def test_the_audit_log_is_readable_but_not_editable_in_the_admin(client):
    admin = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    client.force_login(admin)
    event = AuditEvent.objects.get(kind=AuditKind.LOGIN)  # force_login is a login too
    listing = client.get(reverse("admin:accounts_auditevent_changelist"))
    assert listing.status_code == 200 and "quantri" in listing.content.decode()
    assert client.get(reverse("admin:accounts_auditevent_add")).status_code == 403
    assert client.post(reverse("admin:accounts_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert Membership.objects.count() == 0
