"""“Nhập từ văn bản”: the extractor's record becomes a prefilled, unsaved proposal."""

from pathlib import Path

import pytest

from giaoban.extract import extract
from giaoban.meetings.models import Meeting
from giaoban.recording.proposal import build_proposal
from tests.meetings.seeds import seed_world

TEXTS = Path(__file__).parents[1] / "meetings" / "texts"


@pytest.fixture
def seeds(db):
    return seed_world()


def test_huu_lung_text_resolves_host_bloc_periods_and_the_mttq_lead(seeds):
    orgs = seeds["orgs"]
    proposal = build_proposal(extract((TEXTS / "huu_lung_q1_2022.txt").read_text()), seeds["huu_lung"])
    assert proposal.host == orgs["Huyện ủy Hữu Lũng"] and proposal.bloc == orgs["bloc:Hữu Lũng"]
    assert proposal.meeting["period_label"] == "Quý I/2022" and proposal.meeting["next_period_label"] == "Quý II/2022"
    assert str(proposal.meeting["date"]) == "2022-04-05"
    assert proposal.chairs == [{"name": "Đinh Đức Chính", "title": "Phó Bí thư Thường trực huyện ủy"}]
    assert len(proposal.directives) == 8
    ntm = proposal.directives[3]
    assert ntm["lead"] == orgs["front:Hữu Lũng"].pk
    assert orgs["Hội Nông dân huyện Hữu Lũng"].pk in ntm["coordinating"]
    assert ntm["places_text"] == "Hồ Sơn, Vân Nham"
    assert Meeting.objects.count() == 0  # a proposal stores nothing


def test_bau_bang_text_leaves_the_communes_group_for_the_user_with_coordinating_fronts(seeds):
    orgs = seeds["orgs"]
    proposal = build_proposal(extract((TEXTS / "bau_bang_t6_2018.txt").read_text()), seeds["bau_bang"])
    assert proposal.host == orgs["front:Bàu Bàng"] and proposal.bloc == orgs["bloc:Mặt trận các xã Bàu Bàng"]
    assert len(proposal.directives) == 14
    assert all(d["lead"] == orgs["front:Bàu Bàng"].pk for d in proposal.directives[:5])
    communes = proposal.directives[5]
    assert communes["lead"] is None
    assert set(communes["coordinating"]) == {orgs["front:Lai Uyên"].pk, orgs["front:Lai Hưng"].pk}
    assert proposal.directives[10]["deadline_text"] == "trong tháng 8/2018"
    assert proposal.directives[3]["places_text"] == "Đồng Sổ, Lai Uyên"
    assert "Các xã" in proposal.hints[11]


def test_a_percent_range_becomes_the_target(seeds):
    record = {"kind": "briefing", "meeting": {}, "directives": [
        {"text": "thực hiện các mô hình dân vận khéo đạt tỷ lệ 90 – 95%", "assignees": [], "lead": None,
         "deadline": None, "places": []}]}
    [directive] = build_proposal(record, seeds["huu_lung"]).directives
    assert (directive["target_value"], directive["target_value_max"], directive["target_unit"]) == (90, 95, "%")


def test_unknown_host_and_places_stay_as_text_with_a_warning(seeds):
    record = {"kind": "briefing", "meeting": {"host": "Ban Chỉ đạo Không Có", "date": None}, "directives": [
        {"text": "Làm việc với xã Không Tồn Tại", "assignees": [], "lead": None, "deadline": None,
         "places": ["Không Tồn Tại"]}]}
    proposal = build_proposal(record, seeds["huu_lung"])
    assert proposal.host is None
    assert any("Ban Chỉ đạo Không Có" in w for w in proposal.warnings)
    assert any("ngày họp" in w for w in proposal.warnings)
    assert "Không Tồn Tại" in proposal.hints[0]


def test_a_deadline_without_a_year_in_the_text_is_read_after_the_meeting_day(seeds):
    record = {"kind": "briefing", "meeting": {"date": "2022-07-06"}, "directives": [
        {"text": "Tổ chức tập huấn cho cán bộ Mặt trận cơ sở trong quý III", "assignees": [], "lead": None,
         "deadline": None, "places": []},
        {"text": "Tổng kết phong trào trong tháng 3", "assignees": [], "lead": None, "deadline": None,
         "places": []}]}
    training, review = build_proposal(record, seeds["huu_lung"]).directives
    assert training["deadline_text"] == "trong quý III/2022"
    assert review["deadline_text"] == "trong tháng 3/2023"  # March 2022 was over by the meeting
