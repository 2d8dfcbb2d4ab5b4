"""Control characters are refused in every text field of every form, found by walking the project."""

import importlib
import json
import pkgutil

import pytest
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

import giaoban
from giaoban.accounts.models import Role
from giaoban.core.validators import no_control_characters
from giaoban.organisations.models import Organization
from tests.factories import MembershipFactory, UserFactory
from tests.reports.factories import (
    BlocFactory,
    IndicatorFactory,
    OrganizationFactory,
    PeriodReportFactory,
    ReportTemplateFactory,
)

FORBIDDEN = ["\x00", "\x08", "\x0b", "\x1b", "\x7f", "\x85", "\x9b", "\ud800"]
ALLOWED = "Dòng một\tcột\r\nDòng hai — “Hội LHPN” 100%"


def _project_form_classes() -> list[type[forms.BaseForm]]:
    """Every form class defined in the project's modules (a new form is picked up by itself)."""
    for module in pkgutil.walk_packages(giaoban.__path__, "giaoban."):
        if not any(part in module.name for part in (".migrations", ".management", "__main__")):
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("giaoban."):
                found.append(subclass)
    return found


def _refuses(field: forms.CharField) -> bool:
    """Whether the field refuses a control character, with the Vietnamese message."""
    value = json.dumps({"tên": "Tên\x1bđơn vị"}) if isinstance(field, forms.JSONField) else "Tên\x1bđơn vị"
    try:
        field.clean(value)
    except ValidationError as error:
        return any("ký tự điều khiển" in message for message in error.messages)
    return False


def _text_fields(form_class: type[forms.BaseForm]) -> list[tuple[str, forms.CharField]]:
    return [(name, field) for name, field in form_class.base_fields.items() if isinstance(field, forms.CharField)]


def _admin_text_fields(db) -> list[tuple[str, forms.CharField]]:
    request = RequestFactory().get("/")
    request.user = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    fields = []
    for model, model_admin in admin.site._registry.items():
        form_class = model_admin.get_form(request)
        fields += [(f"{model._meta.label}.{name}", field) for name, field in _text_fields(form_class)]
    return fields


@pytest.mark.parametrize("char", FORBIDDEN, ids=[f"U+{ord(c):04X}" for c in FORBIDDEN])
def test_the_validator_refuses_each_kind_of_control_character_in_vietnamese(char):
    with pytest.raises(ValidationError) as refused:
        no_control_characters(f"Hội nghị{char}giao ban")
    assert refused.value.code == "control_characters"
    assert f"U+{ord(char):04X}" in refused.value.messages[0] and "ký tự điều khiển" in refused.value.messages[0]


def test_tabs_new_lines_and_vietnamese_text_are_accepted():
    no_control_characters(ALLOWED)


def test_the_walk_finds_the_projects_forms():
    names = {cls.__name__ for cls in _project_form_classes()}
    assert {"MeetingForm", "OrganizationForm", "PeriodReportForm", "ImportForm", "LoginForm"} <= names


def test_every_text_field_of_every_project_form_refuses_control_characters():
    fields = [(f"{cls.__name__}.{name}", field) for cls in _project_form_classes() for name, field in _text_fields(cls)]
    assert len(fields) >= 20
    assert [label for label, field in fields if not _refuses(field)] == []


@pytest.mark.django_db
def test_every_text_field_of_every_admin_form_refuses_control_characters(db):
    fields = _admin_text_fields(db)
    assert len(fields) >= 20
    assert [label for label, field in fields if not _refuses(field)] == []


@pytest.mark.django_db
def test_an_organisation_name_with_an_escape_is_refused_inline_and_the_input_is_kept(client, personas):
    client.force_login(personas["admin"])
    before = Organization.objects.count()
    response = client.post(reverse("organisations:create", args=[personas["a"].pk]), {
        "name": "Hội Nông dân\x1b[31m xã Hồ Sơn", "type": "farmers_union", "level": "commune",
        "locality_name": "Hồ Sơn"})
    page = response.content.decode()
    assert response.status_code == 200 and "U+001B" in page
    assert 'value="Hồ Sơn"' in page  # the other fields stay as typed
    assert Organization.objects.count() == before


def _draft_report_and_editor():
    farmers = OrganizationFactory(name="Hội Nông dân huyện Thử", type="farmers_union")
    bloc = BlocFactory(members=[farmers])
    gifts = IndicatorFactory(code="qua-tet", name="Suất quà Tết")
    ReportTemplateFactory(bloc=bloc, period_type="quarter", indicators=[gifts])
    editor = UserFactory(username="bientap_hnd")
    MembershipFactory(user=editor, organization=farmers, role=Role.EDITOR)
    return PeriodReportFactory(organization=farmers, status="draft", results=""), editor, gifts


@pytest.mark.django_db
def test_a_report_section_with_a_backspace_is_refused_and_the_report_is_unchanged(client):
    report, editor, _gifts = _draft_report_and_editor()
    client.force_login(editor)
    response = client.post(reverse("reports:edit", args=[report.pk]), {
        "results": "Trao 120 suất quà\x08", "version": report.version})
    assert response.status_code == 200 and "U+0008" in response.content.decode()
    assert "Trao 120 suất quà" in response.content.decode()
    report.refresh_from_db()
    assert report.results == ""


@pytest.mark.django_db
def test_a_field_added_when_the_form_is_built_is_covered_too():
    from giaoban.reports.forms import PeriodReportForm

    report, _editor, gifts = _draft_report_and_editor()
    form = PeriodReportForm({"version": report.version, "chitieu_qua-tet": "12\x1b"}, instance=report,
                            indicators=[gifts], sections=[])
    assert not form.is_valid() and "chitieu_qua-tet" in form.errors
