import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import UserFactory


@pytest.mark.django_db
@pytest.mark.parametrize("model", [m for m in admin.site._registry if m._meta.app_label.startswith(
    ("organisations", "accounts", "periods", "meetings", "directives", "reports", "documents"))],
    ids=lambda m: m._meta.label)
def test_every_registered_model_has_a_working_admin_list(client, model):
    client.force_login(UserFactory(username="sieu", is_superuser=True, is_staff=True))
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_the_admin_shows_an_issued_directive_wording_read_only(client):
    from giaoban.meetings.models import Conclusion
    from tests.directives.factories import DirectiveFactory

    directive = DirectiveFactory()
    url = reverse("admin:directives_directive_change", args=[directive.pk])
    client.force_login(UserFactory(username="sieu", is_superuser=True, is_staff=True))
    assert 'name="text"' in client.get(url).content.decode()
    Conclusion.mark_issued(directive.meeting)
    assert 'name="text"' not in client.get(url).content.decode()
