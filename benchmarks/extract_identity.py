"""Identity check for speed work on the extractor: the records of every text, written to a directory, and
compared byte for byte with those an earlier commit wrote.

    python benchmarks/extract_identity.py --out REF                 # on the commit before the change
    python benchmarks/extract_identity.py --out NEW --compare REF   # after it: lists every record that differs

The texts are every .txt under tests/extract (the blind halves too: this only checks that two versions agree,
it scores nothing) and the shared dev set.  ``--modes`` picks the selector modes (values of
GIAOBAN_EXTRACT_LEARNED; default "1 0 union"), each written to its own subdirectory.  The exit status is 1
when a record differs or is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from giaoban.extract import extract  # noqa: E402

DEV = REPO.parent / "shared" / "extraction" / "dev"
OWN = REPO / "tests" / "extract"


def texts() -> list[tuple[str, Path]]:
    """(record name, path) of every text, in a fixed order."""
    found = [(f"tests/{p.relative_to(OWN)}", p) for p in sorted(OWN.rglob("*.txt"))]
    found += [(f"dev/{p.name}", p) for p in sorted(DEV.glob("*.txt"))]
    return found


def write(out: Path, mode: str) -> int:
    """Extract every text in ``mode`` into ``out``; the number of texts."""
    os.environ["GIAOBAN_EXTRACT_LEARNED"] = mode
    out.mkdir(parents=True, exist_ok=True)
    items = texts()
    for name, path in items:
        record = extract(path.read_text(encoding="utf-8"))
        target = out / (name.replace("/", "__")[: -len(".txt")] + ".json")
        target.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(items)


def compare(new: Path, ref: Path) -> list[str]:
    """Names of the records that differ between the two directories (or are in only one)."""
    names = {p.name for p in new.glob("*.json")} | {p.name for p in ref.glob("*.json")}
    differ = []
    for name in sorted(names):
        a, b = new / name, ref / name
        if not (a.exists() and b.exists()) or a.read_bytes() != b.read_bytes():
            differ.append(name)
    return differ


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, required=True, help="directory to write the records to")
    ap.add_argument("--compare", type=Path, help="directory an earlier run wrote, to compare with")
    ap.add_argument("--modes", nargs="+", default=["1", "0", "union"], help="values of GIAOBAN_EXTRACT_LEARNED")
    args = ap.parse_args()
    status = 0
    for mode in args.modes:
        count = write(args.out / f"mode-{mode}", mode)
        if args.compare is None:
            print(f"mode {mode}: {count} records written")
            continue
        differ = compare(args.out / f"mode-{mode}", args.compare / f"mode-{mode}")
        print(f"mode {mode}: {count} texts, {count - len(differ)} identical, {len(differ)} differ")
        for name in differ:
            print(f"  differs: {name}")
        status = status or (1 if differ else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
