"""The shadow text follows the records: written on save, gone on delete, rebuilt on demand."""

import pytest
from django.core.management import call_command

from giaoban.search import indexing
from giaoban.search.models import SearchEntry
from tests.directives.factories import DirectiveFactory, DirectiveUpdateFactory
from tests.factories import AdminUnitFactory


def test_it_folds_diacritics_case_and_d():
    assert indexing.folded_text("Đồng Tâm", "ĐƯỜNG") == "dong tam duong"


def test_it_writes_the_abbreviation_beside_the_long_form_and_the_long_form_beside_the_abbreviation():
    assert indexing.folded_text("Ủy ban Mặt trận Tổ quốc xã").endswith(" mttq")
    assert indexing.folded_text("MTTQ xã").endswith("mat tran to quoc")
    assert "mttq" not in indexing.folded_text("mặt trận")


@pytest.mark.django_db
def test_a_saved_directive_is_indexed_with_its_places_and_a_deleted_one_is_gone():
    directive = DirectiveFactory(text="Sửa đường liên thôn", places=[AdminUnitFactory(name="Xã Hồ Sơn")])
    entry = SearchEntry.objects.get(kind="directive", object_id=directive.pk)
    assert "ho son" in entry.folded and entry.title == "Sửa đường liên thôn"
    directive.text = "Làm cầu dân sinh"
    directive.save()
    assert SearchEntry.objects.get(kind="directive", object_id=directive.pk).title == "Làm cầu dân sinh"
    directive.updates.all().delete()
    directive.delete()
    assert not SearchEntry.objects.filter(kind="directive", object_id=directive.pk).exists()


@pytest.mark.django_db
def test_an_update_is_indexed_under_its_directive():
    update = DirectiveUpdateFactory(note="Đã hoàn thành 80%")
    entry = SearchEntry.objects.get(kind="update", object_id=update.pk)
    assert entry.directive_id == update.directive_id and "hoan thanh 80" in entry.folded


@pytest.mark.django_db
def test_rebuild_writes_one_entry_per_record_once(capsys):
    DirectiveUpdateFactory()
    SearchEntry.objects.all().delete()
    call_command("search-index")
    assert "3 mục" in capsys.readouterr().out  # the meeting, the directive, the update
    assert SearchEntry.objects.count() == 3
    indexing.rebuild()
    assert SearchEntry.objects.count() == 3
