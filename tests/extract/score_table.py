#!/usr/bin/env python3
"""Extract several gold sets and print their scores side by side (``make score``).

Usage: score_table.py --scorer SCORE_PY --out DIR NAME=GOLD_DIR…

Each set's records are written to DIR/NAME/<id>.json and scored with the shared scorer; the table
has one row per field (F1 for lists, accuracy for the rest) and one column per set.  A set whose
directory is missing or holds no gold file yet is named on stderr and left out of the table.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

ROWS = [
    ("overall", None),
    ("directives P", ("directives", "precision")),
    ("directives R", ("directives", "recall")),
    ("directives F1", ("directives", "f1")),
    ("directive_fields", ("directive_fields", "accuracy")),
    ("kind", ("kind", "accuracy")),
    ("period", ("period", "accuracy")),
    ("next_period", ("next_period", "accuracy")),
    ("host", ("host", "accuracy")),
    ("date", ("date", "accuracy")),
    ("chairs F1", ("chairs", "f1")),
    ("people F1", ("people", "f1")),
    ("figures F1", ("figures", "f1")),
    ("references F1", ("references", "f1")),
]


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("giaoban_extract_score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def score_set(scorer, gold: Path, out: Path) -> dict:
    from giaoban.extract import extract

    out.mkdir(parents=True, exist_ok=True)
    for txt in sorted(gold.glob("*.txt")):
        record = extract(txt.read_text(encoding="utf-8"))
        (out / f"{txt.stem}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    report, _ = scorer.score(gold, out)
    report["_docs"] = len(list(gold.glob("*.json")))
    return report


def table(reports: dict[str, dict]) -> str:
    names = list(reports)
    lines = [f"{'':18s}" + "".join(f"{n:>10s}" for n in names)]
    lines.append(f"{'texts':18s}" + "".join(f"{reports[n]['_docs']:>10d}" for n in names))
    for label, key in ROWS:
        cells = [reports[n]["overall"] if key is None else reports[n][key[0]][key[1]] for n in names]
        lines.append(f"{label:18s}" + "".join(f"{c:>10.4f}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scorer", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("sets", nargs="+", metavar="NAME=GOLD_DIR")
    args = ap.parse_args(argv)
    scorer = _scorer(args.scorer)
    reports = {}
    for item in args.sets:
        name, _, gold = item.partition("=")
        if not any(Path(gold).glob("*.json")):
            print(f"{name}: no gold files in {gold}, left out", file=sys.stderr)
            continue
        reports[name] = score_set(scorer, Path(gold), args.out / name)
    if not reports:
        print("no gold set to score", file=sys.stderr)
        return 1
    print(table(reports))
    print(selector_line(), file=sys.stderr)
    return 0


_SELECTORS = {"": "the rules alone", "model": "learned, stacked on the rules", "union": "the rules' and the learned's"}


def selector_line() -> str:
    """Which directive selector the records were extracted with (the environment switch decides)."""
    from giaoban.extract import learned

    value = os.environ.get(learned.SWITCH)
    setting = f"{learned.SWITCH}={value}" if value is not None else f"{learned.SWITCH} unset, the default"
    return f"directive selector: {_SELECTORS[learned.mode()]} ({setting})"


if __name__ == "__main__":
    sys.exit(main())
