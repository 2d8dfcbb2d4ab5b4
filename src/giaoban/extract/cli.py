"""Command line: ``python -m giaoban.extract FILE… [--out DIR] [--jsonl]``; ``-`` reads stdin.

Imports nothing heavy and never touches a database, so it starts fast."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .files import ExtractFileError, decode_text, read_text
from .pipeline import extract

# How a text was read, when it is worth telling the user (plain UTF-8 is the norm).
_ENCODING_NOTES = {"cp1258": "bảng mã Windows-1258 (CP1258)", "utf-8-sig": "UTF-8 có BOM"}


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="giaoban extract",
        description="Trích xuất thông tin hội nghị giao ban từ tệp văn bản (.txt, .html, .docx, .pdf).",
    )
    ap.add_argument("files", nargs="+", metavar="TỆP", help="tệp đầu vào; '-' để đọc từ stdin")
    ap.add_argument("--out", metavar="THƯ_MỤC", help="ghi THƯ_MỤC/<tên>.json cho mỗi tệp")
    ap.add_argument("--jsonl", action="store_true", help="in mỗi bản ghi trên một dòng")
    return ap


def _dump(record: dict, one_line: bool) -> str:
    if one_line:
        return json.dumps(record, ensure_ascii=False)
    return json.dumps(record, ensure_ascii=False, indent=2)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"Không tạo được thư mục '{out_dir}': {exc.strerror or exc}", file=sys.stderr)
            return 2
    status = 0
    for name in args.files:
        try:
            if name == "-":
                text, encoding = decode_text(sys.stdin.buffer.read())
                stem = "stdin"
            else:
                text, encoding = read_text(name)
                stem = Path(name).stem
            record = extract(text)
        except ExtractFileError as exc:
            print(str(exc), file=sys.stderr)
            status = 1
            continue
        if encoding in _ENCODING_NOTES or encoding.startswith("utf-8 ("):
            note = _ENCODING_NOTES.get(encoding, "UTF-8, đã thay các ký tự lỗi")
            print(f"'{name}': đọc theo {note}", file=sys.stderr)
        if out_dir and name != "-":
            target = out_dir / f"{stem}.json"
            try:
                target.write_text(_dump(record, False) + "\n", encoding="utf-8")
            except OSError as exc:
                print(f"Không ghi được tệp '{target}': {exc.strerror or exc}", file=sys.stderr)
                status = 1
        else:
            sys.stdout.write(_dump(record, args.jsonl) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
