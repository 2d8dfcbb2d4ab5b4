from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from giaoban.organisations.models import Organization
from tests.directives.factories import DirectiveFactory
from tests.factories import OrganizationFactory

RECORDS = ["organisations", "accounts", "meetings", "directives"]


def _dump() -> str:
    out = StringIO()
    call_command("dumpdata", *RECORDS, "--indent=1", "--natural-foreign", stdout=out)
    return out.getvalue()


def _backup(tmp_path) -> Path:
    call_command("backup", "--out", str(tmp_path / "backups"), stdout=StringIO())
    [folder] = (tmp_path / "backups").iterdir()
    return folder


def _write_media(settings, name: str, text: str) -> Path:
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / name).write_text(text, encoding="utf-8")
    return media / name


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_gives_back_the_same_records_and_files(tmp_path, settings):
    DirectiveFactory(text="Rà soát hộ nghèo trước ngày 30/6")
    attachment = _write_media(settings, "bien-ban.txt", "Biên bản giao ban")
    before = _dump()
    folder = _backup(tmp_path)
    call_command("flush", "--noinput")
    attachment.unlink()
    assert not Organization.objects.exists()

    call_command("restore", str(folder), stdout=StringIO())

    assert _dump() == before
    assert attachment.read_text(encoding="utf-8") == "Biên bản giao ban"


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_overwrite_a_database_that_holds_records(tmp_path):
    OrganizationFactory(name="Hội Cựu chiến binh huyện Cũ")
    folder = _backup(tmp_path)
    OrganizationFactory(name="Hội Phụ nữ huyện Mới")
    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("restore", str(folder))
    assert Organization.objects.filter(name="Hội Phụ nữ huyện Mới").exists()


@pytest.mark.django_db(transaction=True)
def test_force_replaces_the_records_with_the_backup(tmp_path):
    OrganizationFactory(name="Hội Cựu chiến binh huyện Cũ")
    folder = _backup(tmp_path)
    OrganizationFactory(name="Hội Phụ nữ huyện Mới")
    call_command("restore", str(folder), "--force", stdout=StringIO())
    assert list(Organization.objects.values_list("name", flat=True)) == ["Hội Cựu chiến binh huyện Cũ"]


@pytest.mark.django_db(transaction=True)
def test_it_refuses_to_overwrite_attachments_unless_forced(tmp_path, settings):
    _write_media(settings, "cu.txt", "cũ")
    folder = _backup(tmp_path)
    call_command("flush", "--noinput")
    with pytest.raises(CommandError, match="đã có tệp"):
        call_command("restore", str(folder))


@pytest.mark.django_db
def test_it_refuses_a_folder_without_a_database_copy(tmp_path):
    (tmp_path / "rong").mkdir()
    with pytest.raises(CommandError, match="không có tệp"):
        call_command("restore", str(tmp_path / "rong"))


@pytest.mark.django_db
def test_it_refuses_a_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy thư mục"):
        call_command("restore", str(tmp_path / "khong-co"))
