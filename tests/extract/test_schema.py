import json
import time

import pytest
from conftest import OWN_TEXTS, SHARED

from giaoban.extract import extract
from giaoban.extract.schema import load_schema, validate

jsonschema = pytest.importorskip("jsonschema")
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

VOCAB = (
    "Hội nghị giao ban",
    "quý I",
    "năm 2022",
    "đồng chí",
    "Nguyễn Văn A",
    ",",
    ";",
    ".",
    ":",
    "- ",
    "1. Đối với",
    "Ủy ban MTTQ",
    "đề nghị",
    "yêu cầu",
    "trước ngày 30/9/2023",
    "xã Tân Phú",
    "9.365 suất quà",
    "71-KH/TU",
    "–",
    "\n",
    " ",
    "tháng 6/2018",
    "kết luận như sau:",
    "Giao",
    "chủ trì",
    "phối hợp với",
    "trên4 tỷ đồng",
    "90 – 95%",
    "Uỷ ban",
    "Sáng 5-4",
    # Letters a case-insensitive match reads as another ("İ", "ı", "ſ", the Kelvin sign) and a final sigma.
    "trong quý İ năm 2026",
    "QUÝ ıv",
    "ſố",
    "\u212a",
    "ΟΔΟΣ",
)


def test_gold_files_follow_the_schema():
    for path in list(OWN_TEXTS.glob("*.json")) + list((SHARED / "dev").glob("*.json")):
        validate(json.loads(path.read_text(encoding="utf-8")))


def test_schema_rejects_a_wrong_kind():
    record = extract("")
    record["kind"] = "party"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, load_schema())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_unicode_never_raises_and_validates(text):
    validate(extract(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(VOCAB), max_size=80).map("".join))
def test_genre_like_word_salad_never_raises_and_validates(text):
    validate(extract(text))


def test_large_input_finishes_quickly():
    chunk = (SHARED / "dev").glob("*.txt")
    base = "\n".join(p.read_text(encoding="utf-8") for p in chunk) or "Hội nghị giao ban quý I năm 2022; "
    big = (base * (10_000_000 // max(1, len(base)) + 1))[:10_000_000]
    start = time.perf_counter()
    validate(extract(big))
    assert time.perf_counter() - start < 20


def test_pathological_repetition_finishes_quickly():
    for text in ("a" * 200_000, "Đồng chí " * 50_000, "1." * 100_000, "xã Tân " * 40_000, ";" * 300_000):
        start = time.perf_counter()
        validate(extract(text))
        assert time.perf_counter() - start < 10, text[:20]
