"""Texts written and annotated independently of the extractor's rules (other provinces,
years, post-2025 communes, a conclusion notice, two non-meeting items): the closest thing
to the unseen texts the extractor will meet.  Their score must not fall back."""

from pathlib import Path

from conftest import score_dir

HELDOUT = Path(__file__).resolve().parent / "heldout"


def test_independent_texts_score_above_threshold(tmp_path):
    report = score_dir(HELDOUT, tmp_path)
    # Just under the scores reached (overall 1.0): one wrong list item or field fails the test.
    assert report["overall"] >= 0.99, report
    assert report["directives"]["f1"] >= 0.98, report["directives"]
    assert report["kind"]["accuracy"] >= 0.95, report["kind"]


BLIND2 = Path(__file__).resolve().parent / "blind2"


def test_second_independent_set_scores_above_threshold(tmp_path):
    """A second set by another annotator (HTML source, post-2025 province Front with 45 communes,
    deadlines without a year, a launch ceremony that is not a meeting).  Blind, it scored 0.9041; after
    the fixes of its error classes 0.9981 (one place name that is also a body word stays missed)."""
    report = score_dir(BLIND2, tmp_path)
    # Just under the scores reached: one wrong list item or field fails the test.
    assert report["overall"] >= 0.995, report
    assert report["directives"]["f1"] >= 0.98, report["directives"]
    assert report["chairs"]["f1"] >= 0.95, report["chairs"]
    assert report["figures"]["f1"] >= 0.98, report["figures"]


BLIND3 = Path(__file__).resolve().parent / "blind3"


def test_third_independent_set_scores_above_threshold(tmp_path):
    """A third annotator's set, written after the second pass: blind it scored 0.9729 (the
    first two sets, blind, 0.9085 and 0.9041); after three general fixes 0.9977."""
    report = score_dir(BLIND3, tmp_path)
    assert report["overall"] >= 0.99, report
    assert report["directives"]["f1"] >= 0.98, report["directives"]
