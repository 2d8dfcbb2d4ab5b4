"""The real corpus: texts of the genre taken from public portal pages (see real/SOURCES.tsv),
annotated to GUIDE.md without the extractor's output, split once into a tuning half (odd ids) and
a blind half (even ids) before any tuning.  Its gold must quote its texts, and the extractor's
scores on both halves must not fall back."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

from conftest import score_dir

REAL = Path(__file__).resolve().parent / "real"
TUNE, BLIND = REAL / "tune", REAL / "blind"
# Just under the scores reached (see BENCHMARKS.md, "Extractor"): tuning half 0.9411 overall with
# directives F1 0.9643; blind half, measured once after the work, 0.8317 with directives F1 0.7273.
TUNE_OVERALL = 0.94
TUNE_DIRECTIVES_F1 = 0.96
BLIND_OVERALL = 0.83
BLIND_DIRECTIVES_F1 = 0.72


def _check_gold():
    spec = importlib.util.spec_from_file_location("check_gold", REAL / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _ids(directory: Path) -> list[str]:
    return sorted(p.stem.split("_", 1)[0] for p in directory.glob("*.txt"))


def test_every_gold_string_stands_verbatim_in_its_text():
    check = _check_gold()
    assert check.check_dir(TUNE) + check.check_dir(BLIND) == []


def test_the_check_finds_a_gold_string_that_is_not_in_its_text(tmp_path):
    (tmp_path / "r999_x.txt").write_text("Ngày 5/4, Huyện ủy tổ chức hội nghị.", encoding="utf-8")
    gold = '{"meeting": {"host": "Tỉnh ủy", "chairs": []}, "directives": [{"text": "rà  soát\\nhộ nghèo"}]}'
    (tmp_path / "r999_x.json").write_text(gold, encoding="utf-8")
    problems = _check_gold().check_dir(tmp_path)
    assert [p.split(": ")[1] for p in problems] == ["meeting.host", "directives.text"]


def test_the_split_is_odd_ids_to_tune_and_even_ids_to_blind_and_sources_list_every_text():
    tune, blind = _ids(TUNE), _ids(BLIND)
    assert len(tune) + len(blind) >= 60
    assert all(int(i[1:]) % 2 == 1 for i in tune) and all(int(i[1:]) % 2 == 0 for i in blind)
    with (REAL / "SOURCES.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [r["id"] for r in rows] == sorted(tune + blind)
    assert all(r["url"].startswith(("http://", "https://")) and r["what"] for r in rows)


def test_tuning_half_scores_at_least_what_was_reached(tmp_path):
    report = score_dir(TUNE, tmp_path)
    assert report["overall"] >= TUNE_OVERALL, report
    assert report["directives"]["f1"] >= TUNE_DIRECTIVES_F1, report["directives"]


def test_blind_half_scores_at_least_what_was_reached(tmp_path):
    report = score_dir(BLIND, tmp_path)
    assert report["overall"] >= BLIND_OVERALL, report
    assert report["directives"]["f1"] >= BLIND_DIRECTIVES_F1, report["directives"]
