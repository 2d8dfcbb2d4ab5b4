"""Throughput of giaoban.extract.extract() on the dev texts, in each directive-selector mode (the
GIAOBAN_EXTRACT_LEARNED values: unset — the default —, ``rules``, ``union``), with underthesea's
word_tokenize on the same texts as the reference, all in one run.

    PYTHONPATH=src python benchmarks/extract_bench.py [--mb 5] [--modes default rules union]
    PYTHONPATH=src python benchmarks/extract_bench.py --against DIR [--rounds 5]

``--cpu`` times every mode and ``word_tokenize`` in CPU seconds of this process instead of wall time (on a shared
machine the process waits for a core; CPU time leaves that out).

``--against DIR`` also times another extractor package (a copy of ``src/giaoban/extract`` from an earlier
commit: ``git archive <commit> src/giaoban/extract | tar -x -C /tmp/old``, then ``--against
/tmp/old/src/giaoban/extract``) in CPU time, the two and ``word_tokenize`` run in turn in this process, and prints
the best round of each and their ratios: on a shared machine those ratios are the figures to trust.

``--one-core CPU`` pins the process to one CPU (Linux ``sched_setaffinity``) before anything is timed.

``--rounds N`` without ``--against`` runs every mode and ``word_tokenize`` N times in turn and keeps the best time of
each: one pass of each, one after the other, moves with what else the machine does in between (runs of the same code
printed ratios 4.9x to 5.4x); rounds in turn see the same machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from giaoban.extract import extract  # noqa: E402

DEV = REPO.parent / "shared" / "extraction" / "dev"
OWN = REPO / "tests" / "extract" / "texts"
REAL = REPO / "tests" / "extract"


def corpus(min_bytes: int, texts_from: str = "dev") -> list[str]:
    """The texts repeated up to ``min_bytes``: the five dev news items (long, about 2,600 characters each), or
    every page of the real corpus (``real``: portal pages as offices paste them, about 1,350 characters on
    average; timing reads no gold, so the blind halves are as good as any)."""
    if texts_from == "real":
        texts = [p.read_text(encoding="utf-8") for p in sorted(REAL.glob("real*/*/*.txt"))]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
        texts = texts or [p.read_text(encoding="utf-8") for p in sorted(OWN.glob("*.txt"))]
    if not texts:
        raise SystemExit("no texts found")
    out: list[str] = []
    size = 0
    while size < min_bytes:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out


def run(fn, docs: list[str], clock=time.perf_counter) -> tuple[float, int]:
    chars = sum(map(len, docs))
    start = clock()
    for d in docs:
        fn(d)
    return clock() - start, chars


def load_package(directory: Path):
    """An extractor package from a directory, imported under a name of its own."""
    spec = importlib.util.spec_from_file_location(
        "extract_against", directory / "__init__.py", submodule_search_locations=[str(directory)]
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"no package in {directory}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_against"] = module
    spec.loader.exec_module(module)
    return module


def cpu_rate(fn, docs: list[str]) -> float:
    start = time.process_time()
    for d in docs:
        fn(d)
    return len(docs) / (time.process_time() - start)


def against(directory: Path, docs: list[str], rounds: int) -> None:
    """This extractor, the one in ``directory`` and underthesea's ``word_tokenize`` (when installed) in turn, in CPU
    time, on the same documents: the best round of each and the ratios between them."""
    other = load_package(directory).extract
    other(docs[0])
    runners = {"other": other, "this": extract}
    try:
        from underthesea import word_tokenize
    except ImportError:
        word_tokenize = None
    if word_tokenize is not None:
        word_tokenize(docs[0])
        runners["word_tokenize"] = word_tokenize
    best = dict.fromkeys(runners, 0.0)
    for _ in range(rounds):
        for name, fn in runners.items():
            best[name] = max(best[name], cpu_rate(fn, docs))
    mode = os.environ.get(SWITCH) or "default"
    print(f"mode {mode}, {len(docs)} docs; CPU time, best of {rounds} rounds in turn: this {best['this']:.1f} docs/s, "
          f"{directory} {best['other']:.1f} docs/s, ratio {best['this'] / best['other']:.3f}")
    if word_tokenize is not None:
        tokenize = best["word_tokenize"]
        print(f"word_tokenize {tokenize:.1f} docs/s; this / word_tokenize {best['this'] / tokenize:.2f}x, "
              f"{directory} / word_tokenize {best['other'] / tokenize:.2f}x")
    else:
        print("underthesea is not installed: word_tokenize skipped")


SWITCH = "GIAOBAN_EXTRACT_LEARNED"


def set_mode(mode: str) -> None:
    """Select the directive selector for the calls that follow ("default" leaves the switch unset)."""
    if mode == "default":
        os.environ.pop(SWITCH, None)
    else:
        os.environ[SWITCH] = mode


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--texts", choices=["dev", "real"], default="dev",
                    help="the dev news items (default) or every page of the real corpus")
    ap.add_argument("--modes", nargs="+", default=["default", "rules", "union"],
                    help="values of GIAOBAN_EXTRACT_LEARNED to time in turn ('default': unset)")
    ap.add_argument("--against", type=Path, help="another extractor package to time in CPU time, in turn")
    ap.add_argument("--rounds", type=int,
                    help="rounds of each, in turn, the best of each kept (default 5 with --against, else 1)")
    ap.add_argument("--cpu", action="store_true",
                    help="time in CPU seconds of this process (steadier on a shared machine) instead of wall time")
    ap.add_argument("--one-core", type=int, metavar="CPU",
                    help="run this process on that one CPU only (Linux), so every figure is one core's")
    args = ap.parse_args()
    if args.one_core is not None:
        os.sched_setaffinity(0, {args.one_core})
        print(f"pinned to CPU {args.one_core}")
    docs = corpus(int(args.mb * 1024 * 1024), args.texts)
    if args.against:
        extract(docs[0])
        print("load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        against(args.against, docs, args.rounds or 5)
        print("load average after: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        return 0
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1024 / 1024
    clock = time.process_time if args.cpu else time.perf_counter
    print(f"corpus: {len(docs)} docs, {sum(map(len, docs))} chars, {mb:.1f} MB; {'CPU' if args.cpu else 'wall'} time; "
          "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    try:
        from underthesea import word_tokenize
    except ImportError:
        word_tokenize = None
    rounds = args.rounds or 1
    if rounds > 1:
        print(f"best of {rounds} rounds, each mode and word_tokenize in turn")
    timings = dict.fromkeys(args.modes, float("inf"))
    ref_secs = float("inf")
    chars = sum(map(len, docs))
    for _ in range(rounds):
        for mode in args.modes:
            set_mode(mode)
            extract(docs[0])  # warm regex caches and load the weights
            timings[mode] = min(timings[mode], run(extract, docs, clock)[0])
        set_mode("default")
        if word_tokenize is not None:
            word_tokenize(docs[0])
            ref_secs = min(ref_secs, run(word_tokenize, docs, clock)[0])
    for mode, secs in timings.items():
        label = f"extract {mode}:"
        print(f"{label:22}{len(docs) / secs:9.1f} docs/s  {chars / secs:12.0f} chars/s  ({secs:.2f} s)")
    if word_tokenize is None:
        print("underthesea is not installed: reference skipped")
        return 0
    label = "word_tokenize:"
    print(f"{label:22}{len(docs) / ref_secs:9.1f} docs/s  {chars / ref_secs:12.0f} chars/s  ({ref_secs:.2f} s)")
    for mode, secs in timings.items():
        print(f"ratio extract {mode}/word_tokenize speed: {ref_secs / secs:.2f}x")
    print("load average after: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
