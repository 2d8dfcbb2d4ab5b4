import datetime

import pytest

from giaoban.documents.content import signature_lines
from giaoban.documents.models import IssuerProfile
from giaoban.documents.profiles import derive, place_date, profile_for
from giaoban.documents.wording import position_of
from giaoban.organisations.models import Level, OrganizationType
from tests.documents import factories as f

T = OrganizationType


def test_place_date_pads_days_under_ten_and_january_february():
    assert place_date("Hữu Lũng", datetime.date(2022, 4, 5)) == "Hữu Lũng, ngày 05 tháng 4 năm 2022"
    assert place_date("Bàu Bàng", datetime.date(2023, 2, 15)) == "Bàu Bàng, ngày 15 tháng 02 năm 2023"


def test_position_is_read_from_the_title():
    assert position_of("Phó Bí thư Thường trực huyện ủy", "BÍ THƯ") == "PHÓ BÍ THƯ"
    assert position_of("Chủ trì Hội nghị", "CHỦ TỊCH") == "CHỦ TỊCH"


@pytest.mark.django_db
def test_state_body_uses_decree_30_header_code_and_tm_kt_signature():
    province = f.unit("Tỉnh Bình Dương", "Bình Dương", "Tỉnh", Level.PROVINCE)
    district = f.unit("Huyện Bàu Bàng", "Bàu Bàng", "Huyện", Level.DISTRICT, province)
    ubnd = f.org("Ủy ban nhân dân huyện Bàu Bàng", T.GOVERNMENT, Level.DISTRICT, locality=district)
    profile = profile_for(ubnd)
    assert profile.right_lines == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert profile.number_line("notice", 5) == "Số: 05/TB-UBND"
    assert signature_lines(profile, "PHÓ CHỦ TỊCH", "CHỦ TỊCH") == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                                                                    "PHÓ CHỦ TỊCH"]


@pytest.mark.django_db
def test_party_committee_and_member_organisation_profiles():
    record = f.huu_lung()
    party = derive(record.host)
    assert (party.superior_lines, party.issuer_lines, party.number_line("notice", 12)) == (
        ["ĐẢNG BỘ TỈNH LẠNG SƠN"], ["HUYỆN ỦY HỮU LŨNG"], "Số 12-TB/HU")
    farmers = derive(record.orgs["farmers"])
    assert farmers.superior_lines == ["HỘI NÔNG DÂN TỈNH LẠNG SƠN"]
    assert farmers.number_line("invitation", 3) == "Số: 03/GM-HND"


@pytest.mark.django_db
def test_issuer_profile_overrides_header_code_place_and_term():
    record = f.bau_bang()
    IssuerProfile.objects.create(organization=record.host, superior_lines="ỦY BAN MTTQ VIỆT NAM|HUYỆN BÀU BÀNG",
                                 code="BTT-MTTQ", place="Lai Uyên")
    profile = profile_for(record.host)
    assert profile.superior_lines == ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN BÀU BÀNG"]
    assert profile.number_line("notice", 15) == "Số: 15/TB-BTT-MTTQ"
    assert profile.place_date(datetime.date(2018, 7, 5)).startswith("Lai Uyên,")


@pytest.mark.django_db
def test_default_party_term_is_the_2020_2025_term_then_2025_2030():
    record = f.huu_lung()
    profile = profile_for(record.host)
    assert profile.cycle(datetime.date(2022, 4, 5)) == "2020–2025"
    assert profile.cycle(datetime.date(2026, 1, 1)) == "2025–2030"
    assert profile.cycle(datetime.date(2018, 1, 1)) == "2015–2020"
