import io
import json
import subprocess
import sys

from conftest import SRC

from giaoban.extract.cli import main

TEXT = "Ngày 05/4/2022, Huyện ủy Hữu Lũng tổ chức Hội nghị giao ban công tác quý I năm 2022."


def test_out_dir_gets_one_json_per_input(tmp_path):
    src = tmp_path / "bai.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out)]) == 0
    record = json.loads((out / "bai.json").read_text(encoding="utf-8"))
    assert record["kind"] == "briefing"
    assert "Hữu Lũng" in (out / "bai.json").read_text(encoding="utf-8")  # ensure_ascii=False


def test_missing_file_reports_in_vietnamese_and_others_still_run(tmp_path, capsys):
    good = tmp_path / "tot.txt"
    good.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    status = main([str(tmp_path / "khong-co.txt"), str(good), "--out", str(out)])
    assert status == 1
    assert "Không đọc được tệp" in capsys.readouterr().err
    assert (out / "tot.json").exists()


def test_jsonl_prints_one_record_per_line(tmp_path, capsys):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text("", encoding="utf-8")
    assert main([str(a), str(b), "--jsonl"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 2 and all(json.loads(line)["kind"] for line in lines)


def test_stdin_dash_prints_json(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8"))))
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["meeting"]["date"] == "2022-04-05"


def test_module_entry_point_runs():
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "giaoban.extract", "-"], input=TEXT.encode("utf-8"), env=env, capture_output=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == "briefing"


def test_missing_file_reason_is_vietnamese(tmp_path, capsys):
    assert main([str(tmp_path / "khong-co.txt")]) == 1
    assert "không tìm thấy tệp" in capsys.readouterr().err


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes a tone as a combining mark after the (possibly circumflexed) letter."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append((base + "".join(c for c in parts if c in tones)).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_input_is_read_and_reported(tmp_path, capsys):
    src = tmp_path / "cu.txt"
    src.write_bytes(_cp1258(TEXT))
    assert main([str(src), "--jsonl"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["meeting"]["host"] == "Huyện ủy Hữu Lũng"
    assert "Windows-1258" in captured.err


def test_damaged_pdf_gives_one_clear_error_and_no_library_noise(tmp_path, capsys):
    src = tmp_path / "hong.pdf"
    src.write_bytes(b"%PDF-1.4 not really a pdf")
    assert main([str(src)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"Không đọc được tệp '{src}': tệp .pdf không hợp lệ (PdfReadError)"] or (
        len(err) == 1 and err[0].startswith(f"Không đọc được tệp '{src}': tệp .pdf không hợp lệ"))


def test_a_zip_bomb_docx_is_refused_in_vietnamese_and_the_other_files_still_run(tmp_path, capsys):
    from tests.archives import zip_bomb

    bomb, good = tmp_path / "bom.docx", tmp_path / "tot.txt"
    bomb.write_bytes(zip_bomb())
    good.write_text(TEXT, encoding="utf-8")
    status = main([str(bomb), str(good), "--out", str(tmp_path / "out")])
    assert status == 1
    error = capsys.readouterr().err
    assert "Không đọc được tệp" in error and "bom.docx" in error and "tệp nén độc hại" in error
    assert not (tmp_path / "out" / "bom.json").exists() and (tmp_path / "out" / "tot.json").exists()
