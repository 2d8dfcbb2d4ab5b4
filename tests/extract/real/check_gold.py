#!/usr/bin/env python3
"""Check that every string of a gold record stands verbatim in its text.

Usage: check_gold.py DIR…  (each DIR holds <id>.txt and <id>.json pairs; exits 1 on a problem)

Directive texts are compared with runs of whitespace folded to one space (the GUIDE reads a
hard-wrapped text as one paragraph); every other string must appear exactly, after NFC.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def gold_strings(record: dict) -> Iterator[tuple[str, str, bool]]:
    """(field, string, fold whitespace) for every string the gold takes from its text."""
    meeting = record.get("meeting") or {}
    if meeting.get("host"):
        yield "meeting.host", meeting["host"], False
    for group, people in (("meeting.chairs", meeting.get("chairs") or []), ("people", record.get("people") or [])):
        for person in people:
            for key in ("name", "title"):
                if person.get(key):
                    yield f"{group}.{key}", person[key], False
    for d in record.get("directives") or []:
        yield "directives.text", d.get("text") or "", True
        for body in d.get("assignees") or []:
            yield "directives.assignees", body, False
        if d.get("lead"):
            yield "directives.lead", d["lead"], False
        for place in d.get("places") or []:
            yield "directives.places", place, False
    for f in record.get("figures") or []:
        for key in ("text", "unit"):
            if f.get(key):
                yield f"figures.{key}", f[key], False
    for r in record.get("references") or []:
        for key in ("code", "type"):
            if r.get(key):
                yield f"references.{key}", r[key], False


def check_pair(txt: Path) -> list[str]:
    """Problems of one text and its gold: strings of the gold that are not in the text."""
    gold = txt.with_suffix(".json")
    if not gold.exists():
        return [f"{txt.name}: no gold file"]
    text = _nfc(txt.read_text(encoding="utf-8"))
    folded = _fold(text)
    record = json.loads(gold.read_text(encoding="utf-8"))
    problems = []
    for field, value, fold in gold_strings(record):
        value = _nfc(str(value))
        found = _fold(value).strip() in folded if fold else value in text
        if not value.strip() or not found:
            problems.append(f"{txt.stem}: {field}: {value!r}")
    return problems


def check_dir(directory: Path) -> list[str]:
    return [p for txt in sorted(directory.glob("*.txt")) for p in check_pair(txt)]


def main(argv: list[str]) -> int:
    problems = [p for d in argv for p in check_dir(Path(d))]
    print("\n".join(problems) if problems else "every gold string stands in its text")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
