"""`giaoban export` / `giaoban import`: round trips, idempotence, refusals."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from giaoban.directives.models import Directive, DirectiveStatus
from giaoban.interchange.keys import find_organization, organization_key
from giaoban.meetings.models import AgendaItem, Attendance, Conclusion, Presence
from giaoban.organisations.models import Organization
from tests.directives.factories import DirectiveFactory, DirectiveUpdateFactory
from tests.factories import AdminUnitFactory
from tests.meetings.factories import MeetingFactory, PersonFactory, briefing_world


def rich_world():
    """A district tree with a located body, a bloc, two briefings, a conclusion and tracked directives."""
    w = briefing_world()
    commune = AdminUnitFactory(code="test:26734", name="Xã Hồ Sơn", short_name="Hồ Sơn")
    w.front.locality = commune
    w.front.save()
    AgendaItem.objects.create(meeting=w.meeting, order=1, title="Báo cáo kết quả quý I", organization=w.front)
    Attendance.objects.create(meeting=w.meeting, organization=w.farmers, presence=Presence.EXCUSED,
                              delegate_name="Nguyễn Văn An")
    Conclusion.objects.create(meeting=w.meeting, text="Đồng chí Trưởng ban kết luận…",
                              concluded_by=PersonFactory(name="Trần Thị Bình"), concluded_by_title="Trưởng ban")
    later = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 7, 5), title="Giao ban quý II/2022")
    first = DirectiveFactory(meeting=w.meeting, lead=w.front, coordinating=[w.farmers], places=[commune],
                             text="Vận động xây nhà Đại đoàn kết", deadline=datetime.date(2022, 6, 30),
                             deadline_precision="quarter", target_value="15", target_unit="căn")
    DirectiveUpdateFactory(directive=first, note="Đã khởi công 5 căn", percent=30, organization=w.front)
    first.carry_over(to=later)
    DirectiveFactory(meeting=w.meeting, lead=w.farmers, text="Tập huấn kỹ thuật", status=DirectiveStatus.DONE,
                     closed_reason="Đã tập huấn 3 lớp")
    return w


def _export(org: Organization, path) -> dict:
    call_command("export", "--org", str(org.pk), "--out", str(path), stdout=StringIO())
    return json.loads(path.read_text(encoding="utf-8"))


def _import(path) -> str:
    out = StringIO()
    call_command("import", str(path), stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_export_then_import_into_an_empty_database_then_export_gives_identical_json(tmp_path):
    w = rich_world()
    first = _export(w.party, tmp_path / "a.json")
    key = organization_key(w.party)
    call_command("flush", "--noinput")

    _import(tmp_path / "a.json")

    again = _export(find_organization(key), tmp_path / "b.json")
    assert again == first
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert len(first["directives"]) == 2 and first["directives"][0]["updates"][0]["note"] == "Đã khởi công 5 căn"


@pytest.mark.django_db
def test_importing_the_same_file_again_changes_nothing(tmp_path):
    w = rich_world()
    _export(w.party, tmp_path / "a.json")
    versions = sorted(Directive.objects.values_list("pk", "version"))
    history = Directive.history.count() + Organization.history.count()

    message = _import(tmp_path / "a.json")

    assert "0 bản ghi mới, 0 cập nhật" in message
    assert sorted(Directive.objects.values_list("pk", "version")) == versions
    assert Directive.history.count() + Organization.history.count() == history


@pytest.mark.django_db
def test_a_file_of_a_newer_format_is_refused_in_vietnamese_and_nothing_is_imported(tmp_path):
    w = rich_world()
    data = _export(w.party, tmp_path / "a.json")
    data["version"] = 2
    data["organisations"][0]["name"] = "Tên đã đổi"
    (tmp_path / "new.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match="phiên bản giaoban mới hơn"):
        _import(tmp_path / "new.json")
    assert not Organization.objects.filter(name="Tên đã đổi").exists()


@pytest.mark.django_db
def test_a_file_that_is_not_an_interchange_file_is_refused(tmp_path):
    (tmp_path / "other.json").write_text(json.dumps({"format": "khac", "version": 1}), encoding="utf-8")
    with pytest.raises(CommandError, match="không phải là tệp trao đổi"):
        _import(tmp_path / "other.json")


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


@pytest.mark.django_db
def test_organisations_are_matched_by_unit_code_and_type_not_by_id(tmp_path):
    w = rich_world()
    data = _export(w.party, tmp_path / "a.json")
    front = next(row for row in data["organisations"] if row["key"] == "front_committee@test:26734")
    front["name"] = "Ủy ban MTTQ Việt Nam xã Hồ Sơn"
    (tmp_path / "renamed.json").write_text(json.dumps(data), encoding="utf-8")
    _import(tmp_path / "renamed.json")
    w.front.refresh_from_db()
    assert w.front.name == "Ủy ban MTTQ Việt Nam xã Hồ Sơn"
    assert Organization.objects.filter(type="front_committee", locality__code="test:26734").count() == 1


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_then_export_gives_the_same_file(tmp_path):
    w = rich_world()
    before = _export(w.party, tmp_path / "before.json")
    call_command("backup", "--out", str(tmp_path / "backups"), stdout=StringIO())
    [folder] = (tmp_path / "backups").iterdir()
    call_command("flush", "--noinput")
    call_command("restore", str(folder), stdout=StringIO())
    assert _export(Organization.objects.get(pk=w.party.pk), tmp_path / "after.json") == before


def test_an_unknown_organisation_id_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("export", "--org", "999999", "--out", str(tmp_path / "x.json"))
