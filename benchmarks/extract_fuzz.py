"""Fuzz run of giaoban.extract.extract(): arbitrary Unicode, genre-like word salad and mutated real
texts must never raise and must always validate against schema.json.

    PYTHONPATH=src python benchmarks/extract_fuzz.py [--examples 20000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from giaoban.extract import extract  # noqa: E402
from giaoban.extract.schema import validate  # noqa: E402

DEV = REPO.parent / "shared" / "extraction" / "dev"
OWN = REPO / "tests" / "extract" / "texts"
TEXTS = [p.read_text(encoding="utf-8") for d in (DEV, OWN) for p in sorted(d.glob("*.txt"))]
WORDS = sorted({w for t in TEXTS for w in t.split()}) or ["Hội", "nghị"]
COUNT = {"n": 0}


def check(text: str) -> None:
    COUNT["n"] += 1
    validate(extract(text))


@st.composite
def mutated(draw):
    base = draw(st.sampled_from(TEXTS)) if TEXTS else ""
    if not base:
        return draw(st.text())
    i = draw(st.integers(0, len(base)))
    j = draw(st.integers(i, min(len(base), i + 200)))
    insert = draw(st.text(max_size=50))
    return base[:i] + insert + base[j:]


STRATEGIES = {
    "unicode": st.text(max_size=2000),
    "salad": st.lists(st.sampled_from(WORDS + [";", ".", ":", "\n", "-", "–", "1."]), max_size=300).map(" ".join),
    "mutated": mutated(),
    "bytes-as-cp1258": st.binary(max_size=2000).map(lambda b: b.decode("cp1258", errors="replace")),
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=20000, help="examples per strategy")
    args = ap.parse_args()
    start = time.perf_counter()
    for name, strategy in STRATEGIES.items():
        before = COUNT["n"]

        @settings(max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(strategy)
        def run(text):
            check(text)

        run()
        print(f"{name:16s} {COUNT['n'] - before:7d} examples ok")
    print(f"total {COUNT['n']} examples, no exception, all schema-valid ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
