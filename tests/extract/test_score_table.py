"""``make score``'s table: one row per field, one column per gold set."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from conftest import OWN_TEXTS, SHARED, load_scorer

TOOL = Path(__file__).resolve().parent / "score_table.py"


def _tool():
    spec = importlib.util.spec_from_file_location("score_table", TOOL)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_table_puts_each_set_in_its_own_column(tmp_path, capsys):
    load_scorer()  # skips when the shared scorer is not beside the repository
    for name, stems in (("a", ["t01_thang_quang_nam"]), ("b", ["t02_thong_bao_ket_luan", "t04_lam_viec"])):
        (tmp_path / name).mkdir()
        for stem in stems:
            for ext in (".txt", ".json"):
                shutil.copy(OWN_TEXTS / f"{stem}{ext}", tmp_path / name / f"{stem}{ext}")
    args = ["--scorer", str(SHARED / "score.py"), "--out", str(tmp_path / "out")]
    assert _tool().main(args + [f"a={tmp_path / 'a'}", f"b={tmp_path / 'b'}"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["a", "b"]
    assert lines[1].split() == ["texts", "1", "2"]
    rows = {line.split()[0] for line in lines[2:]}
    assert {"overall", "directives", "kind", "period", "next_period", "host", "date", "chairs"} <= rows
    assert (tmp_path / "out" / "b" / "t04_lam_viec.json").exists()


def test_a_set_without_gold_files_is_left_out_of_the_table(tmp_path, capsys):
    load_scorer()
    (tmp_path / "a").mkdir()
    for ext in (".txt", ".json"):
        shutil.copy(OWN_TEXTS / f"t01_thang_quang_nam{ext}", tmp_path / "a" / f"t01_thang_quang_nam{ext}")
    args = ["--scorer", str(SHARED / "score.py"), "--out", str(tmp_path / "out")]
    assert _tool().main(args + [f"a={tmp_path / 'a'}", f"later={tmp_path / 'not-yet'}"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].split() == ["a"]
    assert "later" in captured.err


def test_no_set_to_score_is_an_error(tmp_path, capsys):
    load_scorer()
    args = ["--scorer", str(SHARED / "score.py"), "--out", str(tmp_path / "out")]
    assert _tool().main(args + [f"none={tmp_path / 'none'}"]) == 1
    assert capsys.readouterr().out == ""


def test_the_selector_the_records_were_extracted_with_is_named(monkeypatch):
    monkeypatch.delenv("GIAOBAN_EXTRACT_LEARNED", raising=False)
    assert "learned" in _tool().selector_line() and "unset" in _tool().selector_line()
    monkeypatch.setenv("GIAOBAN_EXTRACT_LEARNED", "rules")
    assert "rules alone" in _tool().selector_line()
