import pytest

from giaoban.core.versioning import ConcurrentEditError
from giaoban.organisations.models import Organization
from tests.factories import OrganizationFactory


@pytest.mark.django_db
def test_second_editor_with_stale_version_is_refused_and_first_change_kept():
    org = OrganizationFactory(name="Hội Nông dân huyện X")
    first, second = Organization.objects.get(pk=org.pk), Organization.objects.get(pk=org.pk)
    first.short_name = "HND X"
    first.save_versioned(first.version)
    second.short_name = "Hội ND X"
    with pytest.raises(ConcurrentEditError) as error:
        second.save_versioned(second.version)
    assert "người khác sửa" in str(error.value)
    assert any(theirs == "HND X" for theirs, _ours in error.value.changes.values())
    assert Organization.objects.get(pk=org.pk).short_name == "HND X"


@pytest.mark.django_db
def test_versioned_save_bumps_the_version():
    org = OrganizationFactory()
    org.short_name = "A"
    org.save_versioned(1)
    assert Organization.objects.get(pk=org.pk).version == 2
