"""Texts written and annotated independently of the extractor's rules (other provinces,
years, post-2025 communes, a conclusion notice, two non-meeting items): the closest thing
to the unseen texts the extractor will meet.  Their score must not fall back."""

from pathlib import Path

from conftest import score_dir

HELDOUT = Path(__file__).resolve().parent / "heldout"


def test_independent_texts_score_above_threshold(tmp_path):
    report = score_dir(HELDOUT, tmp_path)
    assert report["overall"] >= 0.90, report
    assert report["directives"]["f1"] >= 0.85, report["directives"]
    assert report["kind"]["accuracy"] >= 0.9, report["kind"]
