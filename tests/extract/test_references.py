from conftest import random_stretches

from giaoban.extract import references
from giaoban.extract.normalize import match_form
from giaoban.extract.references import find_references


def _refs(text):
    return [(r.code, r.type, r.date) for r in find_references(text, match_form(text))]


def test_plan_with_number_and_date():
    assert _refs("Kế hoạch số 71-KH/TU ngày 11/11/2021 của Ban Chấp hành") == [("71-KH/TU", "Kế hoạch", "2021-11-11")]


def test_various_document_types_and_codes():
    text = (
        "Đề án 12-ĐA/TU ngày 23/10/2018; Nghị quyết số 01-NQ/TU; Chỉ thị 05-CT/TW; "
        "Quyết định số 123/QĐ-UBND; Thông báo số 15/TB-MTTQ-BTT; Hướng dẫn 36-HD/VPTW"
    )
    assert [r[0] for r in _refs(text)] == [
        "12-ĐA/TU",
        "01-NQ/TU",
        "05-CT/TW",
        "123/QĐ-UBND",
        "15/TB-MTTQ-BTT",
        "36-HD/VPTW",
    ]
    assert _refs(text)[0][2] == "2018-10-23"


def test_written_out_date_after_code():
    assert _refs("Thông báo số 15/TB-MTTQ-BTT ngày 5 tháng 3 năm 2024")[0][2] == "2024-03-05"


def test_dates_and_disease_names_are_not_references():
    assert _refs("ngày 11/11/2021 phòng chống COVID-19, tháng 6/2018") == []


def test_repeated_code_is_listed_once():
    assert len(_refs("Kế hoạch 71-KH/TU ... thực hiện Kế hoạch 71-KH/TU")) == 1


def test_notice_own_number_in_its_header_is_not_a_reference():
    text = "HUYỆN ỦY MỎ CÀY NAM\nSố 412-TB/HU    ĐẢNG CỘNG SẢN VIỆT NAM\nbám sát Kế hoạch số 156-KH/HU ngày 20/3/2023"
    assert _refs(text) == [("156-KH/HU", "Kế hoạch", "2023-03-20")]


def test_a_bare_number_after_a_document_type_counts_when_its_date_or_issuer_follows():
    from giaoban.extract.normalize import match_form
    from giaoban.extract.references import find_references

    text = "theo Nghị quyết 1656 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội; xây dựng Kế hoạch 2 năm tới."
    refs = find_references(text, match_form(text))
    assert [(r.code, r.type, r.date) for r in refs] == [("1656", "Nghị quyết", "2025-06-16")]


def test_a_number_before_a_word_is_no_code_but_mixed_case_abbreviations_are():
    text = "Tại Phòng họp số 2 - Quận ủy Long Biên, theo Chương trình số 12-CTr/TU và Quy định 05-QĐi/TW."
    assert [r.code for r in find_references(text, match_form(text))] == ["12-CTr/TU", "05-QĐi/TW"]


def test_a_list_of_bare_numbers_after_one_type_cites_each():
    text = "Tuyên truyền thực hiện chủ trương của thành phố, Chỉ thị 24, 25 của Thành ủy và Kế hoạch 2 năm tới."
    refs = find_references(text, match_form(text))
    assert [(r.code, r.type) for r in refs] == [("24", "Chỉ thị"), ("25", "Chỉ thị")]


def _bare_by_type(match_text):
    """The citations as found type by type (every occurrence of each type, then ordered by their numbers)."""
    found = []
    for doc_type in references.DOC_TYPES:
        pos = match_text.find(doc_type)
        while pos >= 0:
            end = pos + len(doc_type)
            m = references._BARE_AFTER_TYPE.match(match_text, end)
            if m and (pos == 0 or not match_text[pos - 1].isalpha()):
                found.append((pos, end, m.span()))
            pos = match_text.find(doc_type, end)
    return sorted(found, key=lambda f: f[2][0])


def test_bare_citations_found_by_one_scan_are_those_found_type_by_type():
    words = [*references.DOC_TYPES, "số", "12", "217", "ngày", "của", "năm 2024", ",", "và", "x", "Thông báo Kết luận"]
    for text, _, _ in random_stretches(words, 19, most=12, sep=" "):
        text += " "
        got = [(pos, end, m.span()) for pos, end, m in references._bare_references(text)]
        assert got == _bare_by_type(text), text
