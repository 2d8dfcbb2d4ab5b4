import re

from conftest import random_stretches

from giaoban.extract import organizations as orgs
from giaoban.extract.chars import LET, LO, by_first_letter
from giaoban.extract.normalize import match_form
from giaoban.extract.organizations import addressee_end, body_phrase_end, split_bodies


def test_bodies_joined_by_commas_or_va_are_one_each():
    assert split_bodies("các ngành, các tổ chức chính trị - xã hội") == ["các ngành", "các tổ chức chính trị - xã hội"]
    assert split_bodies("MTTQ và các đoàn thể") == ["MTTQ", "các đoàn thể"]


def test_parts_that_share_one_qualifier_written_once_stay_whole():
    assert split_bodies("các Ban, Văn phòng Huyện ủy") == ["các Ban, Văn phòng Huyện ủy"]
    assert split_bodies("các đơn vị, Đoàn trực thuộc") == ["các đơn vị, Đoàn trực thuộc"]


def test_a_modal_word_before_the_action_is_no_part_of_the_body():
    assert split_bodies("Hội LHPN huyện sẽ") == ["Hội LHPN huyện"]


def test_a_clause_is_no_body_phrase():
    text = "Ban Thường trực Ủy ban MTTQ phường đã ghi nhận ý kiến, triển khai các nội dung trọng tâm"
    assert body_phrase_end(match_form(text), 0, len(text)) is None
    task = "Ban Tuyên giáo Huyện ủy tham mưu đẩy mạnh tuyên truyền"
    assert task[body_phrase_end(match_form(task), 0, len(task)) :].startswith("tham mưu")


def test_a_noun_of_two_words_is_no_shared_qualifier():
    assert split_bodies("các cấp ủy, chính quyền các cấp") == ["các cấp ủy", "chính quyền các cấp"]


def test_a_clause_with_a_comma_is_no_list_of_bodies():
    clause = "Liên đoàn Lao động tỉnh chỉnh lý màu sắc, thiết kế kỹ thuật trong Khu thiết chế để đảm bảo tiêu chuẩn"
    assert body_phrase_end(clause, 0, len(clause)) is None
    listed = "Ban Dân vận các huyện, thị, thành ủy, đảng ủy trực thuộc tập trung một số nhiệm vụ"
    assert listed[body_phrase_end(listed, 0, len(listed)) :].startswith("tập trung")
    short = "các cơ quan, đơn vị và thôn, xóm tập trung thực hiện"
    assert short[body_phrase_end(short, 0, len(short)) :].startswith("tập trung")


def test_bodies_joined_by_va_are_one_each_and_a_comma_group_sharing_a_qualifier_is_one():
    assert split_bodies("MTTQ và các tổ chức chính trị - xã hội") == ["MTTQ", "các tổ chức chính trị - xã hội"]
    assert split_bodies("HĐND, UBND, Ủy ban MTTQ Việt Nam xã") == ["HĐND, UBND, Ủy ban MTTQ Việt Nam xã"]
    assert split_bodies("Ban Công an, Ban Chỉ huy quân sự xã") == ["Ban Công an, Ban Chỉ huy quân sự xã"]
    assert split_bodies("Ban Dân vận các Huyện ủy, Thị ủy, Thành ủy") == ["Ban Dân vận các Huyện ủy, Thị ủy, Thành ủy"]
    # A part with its own qualifier shares none: "các cấp" is the Front's own.
    assert split_bodies("MTTQ các cấp, các tổ chức thành viên") == ["MTTQ các cấp", "các tổ chức thành viên"]
    assert split_bodies("các ngành, các tổ chức chính trị") == ["các ngành", "các tổ chức chính trị"]


def test_people_or_units_a_direction_addresses_end_where_their_task_starts():
    for phrase, addressee in (
        ("đoàn đại biểu chấp hành nghiêm túc nội dung quy chế", "đoàn đại biểu"),
        ("các tiểu ban tiếp tục phát huy tinh thần trách nhiệm", "các tiểu ban"),
        ("toàn thể hội viên tiếp tục phát huy phẩm chất người lính", "toàn thể hội viên"),
    ):
        assert phrase[: addressee_end(phrase, 0, len(phrase))].strip() == addressee
    # A clause is no addressee, nor is the meeting.
    for phrase in ("các đại biểu đã thảo luận và tập trung vào", "Hội nghị tập trung thảo luận"):
        assert addressee_end(phrase, 0, len(phrase)) is None


def test_people_of_a_place_are_addressed_but_a_clause_with_cua_is_not():
    text = match_form("các đại biểu của tỉnh tham dự Đại hội phải chấp hành nghiêm nội quy của Đại hội")
    end = addressee_end(text, 0, len(text))
    assert text[:end].strip() == "các đại biểu của tỉnh tham dự Đại hội"
    clause = match_form("các ý kiến của đại biểu chấp hành nghiêm nội quy")
    assert addressee_end(clause, 0, len(clause)) is None


_HEAD_PIECES = ["Ban Thường vụ", "ban chấp hành", "BAN CHẤP HÀNH", "Hội Nông dân", "hội nông dân", "Mật trận",
                "Mặt trận", "Các đoàn thể", "CÁC CẤP", "các cấp ủy", "Công đoàn", "\u212aHỐI VẬN", "khối vận", "Đoàn",
                "đoàn thể", "Ủy ban", "xBan", "tổ chức chính trị - xã hội", " ", ", ", "\n", "x"]


def test_a_head_is_found_where_the_word_start_pattern_finds_it():
    reference = re.compile(rf"(?<!{LET})(?:{orgs._HEAD_ALT}|(?i:{orgs._PLURAL_ALT}))(?!{LO})")
    for text, start, _ in random_stretches(_HEAD_PIECES, 17):
        want = [m.span() for m in reference.finditer(text, start)]
        assert [m.span() for m in orgs.ORG_HEAD.finditer(text, start)] == want, (text, start)


_ACTION_PIECES = ["cần", "Cần", "CẦN", "tiếp tục", "Tiếp Tục", "rà soát", "đẩy mạnh", "nâng cao", "thực hiện", "xcần",
                  "\u212a", "ſ", "chủ động", " ", ", ", "\n", "x", "Ban", "các"]


def test_an_action_is_found_where_the_word_start_pattern_finds_it():
    reference = re.compile(rf"(?<!{LET})(?i:{by_first_letter(orgs._ACTION_ALTS)})(?!{LO})")
    for text, start, _ in random_stretches(_ACTION_PIECES, 31):
        want = [m.span() for m in reference.finditer(text, start)]
        assert [m.span() for m in orgs.ACTION_RE.finditer(text, start)] == want, (text, start)
        assert bool(orgs.ACTION_RE.match(text, start)) == bool(reference.match(text, start))
