"""The directive forms: an empty progress or closing form's fields, as the directive page shows them."""

import pytest
from django.utils import translation

from giaoban.directives.forms import CloseForm, ProgressForm, blank_close_form, blank_progress_form
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_an_empty_progress_form_is_the_forms_own_rendering_for_those_bodies():
    front, farmers = OrganizationFactory(name="Ủy ban MTTQ xã A"), OrganizationFactory(name="Hội Nông dân xã A")
    html = blank_progress_form([front, farmers])
    assert html == ProgressForm(bodies=[front, farmers]).as_div()
    assert "Hội Nông dân xã A" in html and 'name="csrfmiddlewaretoken"' not in html
    assert 'type="hidden" name="organization"' in blank_progress_form([front])  # one body: nothing to choose
    front.name = "Ủy ban MTTQ xã A mới"
    assert "Ủy ban MTTQ xã A mới" in blank_progress_form([front, farmers])  # a renamed body is a new form


def test_an_empty_closing_form_carries_the_version_it_was_shown_at():
    assert blank_close_form(7) == CloseForm(initial={"version": 7}).as_div()
    assert 'value="7"' in blank_close_form(7) and 'value="8"' in blank_close_form(8)


def test_an_empty_form_follows_the_language():
    with translation.override("vi"):
        vietnamese = blank_close_form(3)
    with translation.override("en"):
        assert blank_close_form(3) == CloseForm(initial={"version": 3}).as_div()
    assert "Lý do, kết quả" in vietnamese
