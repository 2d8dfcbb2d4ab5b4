import sqlite3
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import OrganizationFactory


@pytest.mark.django_db(transaction=True)
def test_backup_writes_a_readable_copy_of_the_database_and_the_media(tmp_path, settings):
    OrganizationFactory(name="Hội Nông dân huyện Sao Lưu")
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "bien-ban.txt").write_text("Biên bản", encoding="utf-8")
    call_command("backup", "--out", str(tmp_path / "backups"))
    [folder] = (tmp_path / "backups").iterdir()
    assert zipfile.ZipFile(folder / "media.zip").namelist() == ["bien-ban.txt"]
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(folder / "giaoban.sqlite3")
        names = [row[0] for row in copy.execute("select name from organisations_organization")]
        assert "Hội Nông dân huyện Sao Lưu" in names
    else:
        assert (folder / "giaoban.pgdump").stat().st_size > 0
