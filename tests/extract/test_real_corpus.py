"""The real corpus: texts of the genre taken from public portal pages (see real*/SOURCES.tsv),
annotated to GUIDE.md without the extractor's output.  Batch 1 (``real/``) was split once into a
tuning half (odd ids) and a blind half (even ids) before any tuning; batch 2 (``real2/``) is split
the same way; its blind half, like those of batches 3 and 4, stayed with the lead engineer until the work
was scored.  Batches 3 and 4 (``real3/``, ``real4/``) were split by id (a multiple of 3 to the blind half);
batches 5 and 6 (``real5/``, ``real6/``) are all for tuning, their arrivals logged in ``ARRIVALS.md`` beside
them.  The gold must quote its texts, and the extractor's scores must not fall back.

Tests that read a blind half carry the ``blind`` mark: whoever tunes the extractor runs
``pytest -m "not blind"`` and never sees those texts or their scores."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest
from conftest import score_dir

REAL = Path(__file__).resolve().parent / "real"
TUNE, BLIND = REAL / "tune", REAL / "blind"
REAL2 = Path(__file__).resolve().parent / "real2"
TUNE2, BLIND2 = REAL2 / "tune", REAL2 / "blind"
# Batches 3 and 4 were split by id (a multiple of 3 to the blind half, which stays with the lead engineer);
# batches 5 and 6 are all for tuning.
LATER = {n: Path(__file__).resolve().parent / f"real{n}" for n in (3, 4, 5, 6)}
# Just under the scores the default extractor (the learned directive selector stacked on the rules) reaches
# (BENCHMARKS.md, "Extractor", `make score`): batch 1's tuning half 0.9608 overall with directives F1 1.0,
# batch 2's 0.9669 with 0.9827; both are in-sample for the rules and the selector (trained on them).
TUNE_OVERALL = 0.96
TUNE_DIRECTIVES_F1 = 0.99
TUNE2_OVERALL = 0.96
TUNE2_DIRECTIVES_F1 = 0.98
# The blind halves, scored by the lead engineer only (never by whoever tunes): (overall, directives F1), just
# under what the default extractor reaches on them (blind 1 to 4: 0.8771 / 0.8293, 0.8611 / 0.7810,
# 0.9095 / 0.8654, 0.8404 / 0.8378).
BLIND_REACHED = {1: (0.87, 0.82), 2: (0.86, 0.78), 3: (0.90, 0.86), 4: (0.84, 0.83)}
# The later batches' tuning texts, in-sample since they were read (their honest readings are the arrival logs
# and, for batches 3 and 4, the blind halves the lead engineer scores): (overall, directives F1), just under
# what the default extractor reaches on them.
LATER_REACHED = {3: (0.89, 0.97), 4: (0.93, 0.96), 5: (0.85, 0.92), 6: (0.90, 0.96)}


def _check_gold():
    spec = importlib.util.spec_from_file_location("check_gold", REAL / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _ids(directory: Path) -> list[str]:
    return sorted(p.stem.split("_", 1)[0] for p in directory.glob("*.txt"))


def _source_ids(tsv: Path) -> list[str]:
    with tsv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert all(r["url"].startswith(("http://", "https://")) and r["what"] for r in rows)
    return [r["id"] for r in rows]


def test_every_gold_string_of_the_tuning_halves_stands_verbatim_in_its_text():
    check = _check_gold()
    assert check.check_dir(TUNE) + check.check_dir(TUNE2) == []


def test_every_gold_string_of_the_later_batches_stands_verbatim_in_its_text():
    check = _check_gold()
    assert [p for real in LATER.values() for p in check.check_dir(real / "tune")] == []


def test_the_later_batches_tuning_texts_are_listed_in_their_sources_and_hold_no_blind_id():
    for n, real in LATER.items():
        tune = _ids(real / "tune")
        assert tune and set(tune) <= set(_source_ids(real / "SOURCES.tsv"))
        if n in (3, 4):
            assert all(int(i[1:]) % 3 != 0 for i in tune)


def _blind(batch: int) -> Path:
    return BLIND if batch == 1 else (REAL2 if batch == 2 else LATER[batch]) / "blind"


@pytest.mark.blind
def test_every_gold_string_of_the_blind_halves_stands_verbatim_in_its_text():
    check = _check_gold()
    assert [p for batch in BLIND_REACHED for p in check.check_dir(_blind(batch))] == []


def test_the_check_finds_a_gold_string_that_is_not_in_its_text(tmp_path):
    (tmp_path / "r999_x.txt").write_text("Ngày 5/4, Huyện ủy tổ chức hội nghị.", encoding="utf-8")
    gold = '{"meeting": {"host": "Tỉnh ủy", "chairs": []}, "directives": [{"text": "rà  soát\\nhộ nghèo"}]}'
    (tmp_path / "r999_x.json").write_text(gold, encoding="utf-8")
    problems = _check_gold().check_dir(tmp_path)
    assert [p.split(": ")[1] for p in problems] == ["meeting.host", "directives.text"]


def test_the_tuning_halves_hold_odd_ids_listed_in_their_sources():
    tune, tune2 = _ids(TUNE), _ids(TUNE2)
    assert all(int(i[1:]) % 2 == 1 for i in tune + tune2)
    assert set(tune) <= set(_source_ids(REAL / "SOURCES.tsv"))
    assert set(tune2) <= set(_source_ids(REAL2 / "SOURCES.tsv"))


@pytest.mark.blind
@pytest.mark.parametrize("batch", sorted(BLIND_REACHED))
def test_each_split_follows_its_id_rule_and_the_sources_list_every_text(batch):
    blind = _ids(_blind(batch))
    tune = _ids(_blind(batch).parent / "tune")
    modulus = 2 if batch <= 2 else 3
    assert len(tune) + len(blind) >= 60
    assert all(int(i[1:]) % modulus == 0 for i in blind)
    assert _source_ids(_blind(batch).parent / "SOURCES.tsv") == sorted(tune + blind)


def test_tuning_half_scores_at_least_what_was_reached(tmp_path):
    report = score_dir(TUNE, tmp_path)
    assert report["overall"] >= TUNE_OVERALL, report
    assert report["directives"]["f1"] >= TUNE_DIRECTIVES_F1, report["directives"]


def test_batch_2_tuning_half_scores_at_least_what_was_reached(tmp_path):
    report = score_dir(TUNE2, tmp_path)
    assert report["overall"] >= TUNE2_OVERALL, report
    assert report["directives"]["f1"] >= TUNE2_DIRECTIVES_F1, report["directives"]


@pytest.mark.parametrize("batch", sorted(LATER_REACHED))
def test_later_batches_tuning_texts_score_at_least_what_was_reached(tmp_path, batch):
    overall, directives_f1 = LATER_REACHED[batch]
    report = score_dir(LATER[batch] / "tune", tmp_path)
    assert report["overall"] >= overall, report
    assert report["directives"]["f1"] >= directives_f1, report["directives"]


@pytest.mark.blind
@pytest.mark.parametrize("batch", sorted(BLIND_REACHED))
def test_blind_half_scores_at_least_what_was_reached(tmp_path, batch):
    overall, directives_f1 = BLIND_REACHED[batch]
    report = score_dir(_blind(batch), tmp_path)
    assert report["overall"] >= overall, report
    assert report["directives"]["f1"] >= directives_f1, report["directives"]
