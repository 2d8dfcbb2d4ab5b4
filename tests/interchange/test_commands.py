"""`giaoban export` / `giaoban import`: round trips with files and history, idempotence, refusals."""

import io
import json
import zipfile
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document as DocxDocument

from giaoban.directives.models import Directive
from giaoban.documents.models import Document
from giaoban.interchange.fileformat import VERSION
from giaoban.interchange.keys import find_organization, organization_key
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Organization
from giaoban.reports.models import PeriodReport
from tests.interchange.world import rich_world


def _export(org: Organization, path, *options: str) -> dict:
    call_command("export", "--org", str(org.pk), "--out", str(path), *options, stdout=StringIO())
    return json.loads(path.read_text(encoding="utf-8"))


def _import(path) -> str:
    out = StringIO()
    call_command("import", str(path), stdout=out)
    return out.getvalue()


def _zip(path):
    return path.with_suffix(".files.zip")


def _stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("options", [[], ["--with-history"]], ids=["records", "with history"])
def test_export_then_import_into_an_empty_database_then_export_gives_identical_files(tmp_path, settings, options):
    w = rich_world()
    first = _export(w.party, tmp_path / "a.json", *options)
    key = organization_key(w.party)
    call_command("flush", "--noinput")
    settings.MEDIA_ROOT = tmp_path / "another-installation"  # the files must come from the zip

    _import(tmp_path / "a.json")

    again = _export(find_organization(key), tmp_path / "b.json", *options)
    assert again == first
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert _zip(tmp_path / "a.json").read_bytes() == _zip(tmp_path / "b.json").read_bytes()
    sections = {name: len(first[name]) for name in ("users", "memberships", "people", "series", "meetings",
                                                    "directives", "reports", "documents", "news")}
    assert sections == {"users": 3, "memberships": 3, "people": 3, "series": 1, "meetings": 2, "directives": 2,
                        "reports": 2, "documents": 1, "news": 1}
    assert ("history" in first["directives"][0]) == bool(options)


@pytest.mark.django_db(transaction=True)
def test_the_imported_notice_is_the_same_docx_and_the_records_keep_their_links(tmp_path, settings):
    w = rich_world()
    original = w.notice.docx.read()
    _export(w.party, tmp_path / "a.json", "--with-history")
    call_command("flush", "--noinput")
    settings.MEDIA_ROOT = tmp_path / "another-installation"

    _import(tmp_path / "a.json")

    notice = Document.objects.get()
    assert notice.docx.read() == original
    assert "THÔNG BÁO" in "\n".join(p.text for p in DocxDocument(io.BytesIO(original)).paragraphs).upper()
    assert notice.snapshot.data and notice.meeting.conclusion.is_issued
    directive = Directive.objects.get(text="Vận động xây 15 nhà Đại đoàn kết")
    assert directive.target_value == 20 and directive.amendments.get().reason == "Theo Kết luận số 12"
    assert directive.updates.get().evidence.read() == b"%PDF-1.4 bien ban nghiem thu"
    assert [h.history_type for h in directive.history.order_by("history_date")][:2] == ["+", "~"]
    report = PeriodReport.objects.get(organization__name=w.front.name)
    assert (report.status, report.reviewed_by.username) == ("accepted", "lanhdao_bdv")
    assert Meeting.objects.get(title="Giao ban quý II/2022").series.name == "Giao ban quý khối Thử Nghiệm"


@pytest.mark.django_db
def test_importing_the_same_file_again_changes_nothing(tmp_path, settings):
    w = rich_world()
    _export(w.party, tmp_path / "a.json", "--with-history")
    versions = sorted(Directive.objects.values_list("pk", "version"))
    history = Directive.history.count() + Meeting.history.count() + PeriodReport.history.count()
    files = _stored_files(settings)

    message = _import(tmp_path / "a.json")

    assert "0 bản ghi mới, 0 cập nhật" in message
    assert sorted(Directive.objects.values_list("pk", "version")) == versions
    assert Directive.history.count() + Meeting.history.count() + PeriodReport.history.count() == history
    assert _stored_files(settings) == files


@pytest.mark.django_db
def test_no_password_hash_leaves_and_imported_accounts_cannot_log_in_until_a_password_is_set(tmp_path):
    w = rich_world()
    data = _export(w.party, tmp_path / "a.json")
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    assert "password" not in text and w.leader.password not in text
    assert {u["username"] for u in data["users"]} == {"bientap_mttq", "lanhdao_bdv", "xem_nongdan"}
    # The same file naming an account this installation does not have yet.
    renamed = text.replace('"xem_nongdan"', '"xem_moi"')
    (tmp_path / "a.json").write_text(renamed, encoding="utf-8")

    message = _import(tmp_path / "a.json")

    imported = get_user_model().objects.get(username="xem_moi")
    assert not imported.has_usable_password()
    assert imported.memberships.get().title == "Chánh Văn phòng"
    assert "1 tài khoản mới chưa có mật khẩu" in message


@pytest.mark.django_db
def test_a_file_of_a_newer_format_is_refused_in_vietnamese_and_nothing_is_imported(tmp_path):
    w = rich_world()
    data = _export(w.party, tmp_path / "a.json")
    data["version"] = VERSION + 1
    data["organisations"][0]["name"] = "Tên đã đổi"
    (tmp_path / "new.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="phiên bản giaoban mới hơn"):
        _import(tmp_path / "new.json")
    assert not Organization.objects.filter(name="Tên đã đổi").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("version", [0, "2", None, True])
def test_a_file_without_a_valid_version_is_refused(tmp_path, version):
    (tmp_path / "v.json").write_text(json.dumps({"format": "giaoban-interchange", "version": version}))
    with pytest.raises(CommandError, match="không ghi phiên bản định dạng hợp lệ"):
        _import(tmp_path / "v.json")


@pytest.mark.django_db
def test_a_file_that_is_not_an_interchange_file_is_refused(tmp_path):
    (tmp_path / "other.json").write_text(json.dumps({"format": "khac", "version": 1}), encoding="utf-8")
    with pytest.raises(CommandError, match="không phải là tệp trao đổi"):
        _import(tmp_path / "other.json")


@pytest.mark.django_db
def test_a_version_1_file_is_still_read(tmp_path):
    data = {"format": "giaoban-interchange", "version": 1, "root": "other:huyen thu",
            "admin_units": [], "blocs": [], "directives": [],
            "organisations": [{"key": "other:huyen thu", "name": "Huyện Thử", "short_name": "", "type": "other",
                               "level": "district", "parent": None, "locality": None, "email": "",
                               "valid_from": None, "valid_to": None}],
            "meetings": [{"key": "other:huyen thu|2022-04-05|Giao ban", "kind": "conference", "title": "Giao ban",
                          "host": "other:huyen thu", "bloc": None, "period": None, "next_period": None,
                          "date": "2022-04-05", "start_time": None, "place": "", "minutes": "", "is_public": False,
                          "agenda": [], "attendance": [],
                          "conclusion": {"text": "Kết luận", "concluded_by": "Lê Văn Kết",
                                         "concluded_by_title": "Bí thư"}}]}
    (tmp_path / "v1.json").write_text(json.dumps(data), encoding="utf-8")
    _import(tmp_path / "v1.json")
    assert Meeting.objects.get(title="Giao ban").conclusion.concluded_by.name == "Lê Văn Kết"


@pytest.mark.django_db
def test_a_broken_file_imports_nothing_at_all(tmp_path):
    w = rich_world()
    data = _export(w.party, tmp_path / "a.json")
    data["organisations"].append({**data["organisations"][0], "key": "other:don vi moi", "name": "Đơn vị mới"})
    data["directives"][0]["lead"] = "other:khong co"
    (tmp_path / "broken.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="không nhập gì"):
        _import(tmp_path / "broken.json")
    assert not Organization.objects.filter(name="Đơn vị mới").exists()


@pytest.mark.django_db(transaction=True)
def test_a_damaged_attachment_imports_nothing_and_leaves_no_file_behind(tmp_path, settings):
    w = rich_world()
    _export(w.party, tmp_path / "a.json")
    call_command("flush", "--noinput")
    settings.MEDIA_ROOT = tmp_path / "another-installation"
    archive = _zip(tmp_path / "a.json")
    with zipfile.ZipFile(archive) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(archive, "w") as damaged:
        for i, (name, content) in enumerate(sorted(entries.items())):
            damaged.writestr(name, content + b"x" if i == len(entries) - 1 else content)

    with pytest.raises(CommandError, match="bị hỏng"):
        _import(tmp_path / "a.json")

    assert not Organization.objects.exists()
    assert not list((tmp_path / "another-installation").rglob("*.*"))


@pytest.mark.django_db
def test_a_missing_files_zip_is_named_in_the_refusal(tmp_path):
    w = rich_world()
    _export(w.party, tmp_path / "a.json")
    _zip(tmp_path / "a.json").unlink()
    Document.objects.all().delete()
    with pytest.raises(CommandError, match="a.files.zip"):
        _import(tmp_path / "a.json")


@pytest.mark.django_db
def test_organisations_are_matched_by_unit_code_and_type_not_by_id(tmp_path):
    w = rich_world()
    data = _export(w.party, tmp_path / "a.json")
    front = next(row for row in data["organisations"] if row["key"] == "front_committee@test:26734")
    front["name"] = "Ủy ban MTTQ Việt Nam xã Hồ Sơn"
    (tmp_path / "renamed.json").write_text(json.dumps(data), encoding="utf-8")
    _zip(tmp_path / "a.json").rename(_zip(tmp_path / "renamed.json"))
    _import(tmp_path / "renamed.json")
    w.front.refresh_from_db()
    assert w.front.name == "Ủy ban MTTQ Việt Nam xã Hồ Sơn"
    assert Organization.objects.filter(type="front_committee", locality__code="test:26734").count() == 1


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_then_export_gives_the_same_files(tmp_path):
    w = rich_world()
    before = _export(w.party, tmp_path / "before.json", "--with-history")
    call_command("backup", "--out", str(tmp_path / "backups"), stdout=StringIO())
    [folder] = (tmp_path / "backups").iterdir()
    call_command("flush", "--noinput")
    call_command("restore", str(folder), "--force", stdout=StringIO())  # the media folder still has the files
    assert _export(Organization.objects.get(pk=w.party.pk), tmp_path / "after.json", "--with-history") == before
    assert _zip(tmp_path / "before.json").read_bytes() == _zip(tmp_path / "after.json").read_bytes()


def test_an_unknown_organisation_id_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("export", "--org", "999999", "--out", str(tmp_path / "x.json"))


@pytest.mark.django_db
def test_an_import_queues_no_webhook_event(tmp_path):
    from giaoban.webhooks.models import Delivery, Webhook

    w = rich_world()
    data = _export(w.party, tmp_path / "a.json")
    Webhook.objects.create(organization=w.party, url="http://127.0.0.1:9/cong")
    data["directives"][0].update(status="done", closed_reason="Đã xây xong 20 căn")
    (tmp_path / "done.json").write_text(json.dumps(data), encoding="utf-8")
    _zip(tmp_path / "a.json").rename(_zip(tmp_path / "done.json"))

    _import(tmp_path / "done.json")

    assert Directive.objects.get(closed_reason="Đã xây xong 20 căn").status == "done"
    assert not Delivery.objects.exists()
