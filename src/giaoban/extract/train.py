"""Train the directive selector (``learned.py``) on annotated texts; ``make train`` runs it.

    python -m giaoban.extract.train --out src/giaoban/extract/directive_model.json DIR…
    python -m giaoban.extract.train --cv DIR… [--cv-only DIR…] [--scorer score.py]

Each DIR holds ``<id>.txt`` texts with their ``<id>.json`` gold records (GUIDE.md).  A piece is a
positive example when it matches a gold directive the way the scorer matches them (syllable-bag
F1 at least 0.6, pairs taken best first).  Training is L2-regularised logistic regression by
AdaGrad over the examples in a fixed order: the same data always gives the same weights.  Blind
halves of the corpus must never be given here.

``--cv`` reads each text of the ``--cv-only`` sets (all sets when none is named) three ways: by the
rules, by a model trained on every other text, and by the rules with the pieces that model is sure of
("union"); with ``--scorer`` it prints each held-out set's figures for the three.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import learned
from .pipeline import Trace, _extract

EPOCHS = 40
RATE = 0.3
L2 = 0.002
MATCH = 0.6


def _syllables(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def _bag_f1(a: str, b: str) -> float:
    ca, cb = Counter(_syllables(a)), Counter(_syllables(b))
    common = sum((ca & cb).values())
    if not common:
        return 0.0
    p, r = common / sum(ca.values()), common / sum(cb.values())
    return 2 * p * r / (p + r)


def match(preds: list[str], golds: list[str]) -> list[tuple[int, int]]:
    """Pairs (prediction, gold) as the scorer pairs directives: best first, each used once."""
    pairs = sorted(((_bag_f1(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for s, i, j in pairs:
        if s < MATCH:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


@dataclass
class Text:
    """One annotated text, read by the rules, with the label of each of its pieces."""

    name: str
    trace: Trace
    record: dict
    labels: list[bool]


def read_text(txt: Path) -> Text:
    gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    trace = Trace()
    record = _extract(txt.read_text(encoding="utf-8"), trace)
    golds = [str(d.get("text") or "") for d in gold.get("directives") or []]
    matched = {i for i, _ in match([c.directive.text for c in trace.candidates], golds)}
    labels = [i in matched for i in range(len(trace.candidates))]
    return Text(txt.stem, trace, record, labels)


def read_dirs(dirs: list[Path]) -> list[Text]:
    return [read_text(txt) for d in dirs for txt in sorted(d.glob("*.txt")) if txt.with_suffix(".json").exists()]


def examples(texts: list[Text]) -> list[tuple[list[str], bool]]:
    """Features with the gold label of each piece; the piece before is seen with its gold label."""
    out = []
    for t in texts:
        state: dict = {"prev": "none", "para": None, "last_cue": None}
        for c, label in zip(t.trace.candidates, t.labels, strict=True):
            out.append((learned.features(c, t.trace.mtext, t.trace.paras, state, t.trace.kind), label))
            learned.advance(state, c, t.trace.mtext, t.trace.paras, label)
    return out


def fit(data: list[tuple[list[str], bool]], epochs: int = EPOCHS) -> learned.Model:
    """Logistic regression by AdaGrad, examples in their given order, no randomness."""
    weights: dict[str, float] = {}
    grads: dict[str, float] = {}
    bias, bias_grad = 0.0, 0.0
    for _ in range(epochs):
        for feats, label in data:
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - (1.0 if label else 0.0)
            bias_grad += g * g
            bias -= RATE * g / math.sqrt(bias_grad + 1e-9)
            for f in feats:
                w = weights.get(f, 0.0)
                gf = g + L2 * w
                grads[f] = grads.get(f, 0.0) + gf * gf
                weights[f] = w - RATE * gf / math.sqrt(grads[f] + 1e-9)
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}
    return learned.Model(kept, round(bias, 4), 0.5)


def predict(t: Text, model: learned.Model, union: bool = False) -> dict:
    """The text's record with the model's directives in place of the rules'."""
    record = dict(t.record)
    if t.trace.candidates:
        chosen = learned.select(t.trace.candidates, t.trace.mtext, t.trace.paras, t.trace.kind, model, union)
        record["directives"] = [d.as_dict() for d in chosen]
    return record


def save(model: learned.Model, path: Path) -> None:
    data = {"bias": model.bias, "threshold": model.threshold, "weights": model.weights}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--cv", action="store_true", help="leave-one-text-out figures instead of a model file")
    ap.add_argument("--cv-only", nargs="*", type=Path, default=[], help="sets whose texts are held out in turn")
    ap.add_argument("--pred", type=Path, help="with --cv: write each held-out text's record here")
    ap.add_argument("--scorer", type=Path, help="with --cv: score.py, to print each held-out set's figures")
    args = ap.parse_args(argv)
    texts = read_dirs(args.dirs + args.cv_only)
    if args.cv:
        held = {t.stem for d in args.cv_only for t in d.glob("*.txt")} or None
        pred = args.pred or Path(tempfile.mkdtemp(prefix="cv-"))
        _cross_validate(texts, held, pred)
        if args.scorer:
            _print_scores(args.scorer, args.cv_only or args.dirs, pred)
        return 0
    if args.out is None:
        ap.error("--out or --cv")
    model = fit(examples(texts))
    save(model, args.out)
    pieces = sum(len(t.labels) for t in texts)
    print(f"{len(texts)} texts, {pieces} pieces, {sum(sum(t.labels) for t in texts)} in the directive part; "
          f"{len(model.weights)} weights -> {args.out}")
    return 0


MODES = ("rules", "model", "union")


def _cross_validate(texts: list[Text], held: set[str] | None, pred_dir: Path) -> None:
    """Each held-out text read by the rules, by a model trained on every other text, and by both."""
    count = 0
    for i, t in enumerate(texts):
        if held is not None and t.name not in held:
            continue
        model = fit(examples(texts[:i] + texts[i + 1 :]))
        for mode in MODES:
            record = t.record if mode == "rules" else predict(t, model, union=mode == "union")
            (pred_dir / mode).mkdir(parents=True, exist_ok=True)
            (pred_dir / mode / f"{t.name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        count += 1
    print(f"{count} texts held out in turn; records under {pred_dir}")


def _print_scores(scorer_path: Path, sets: list[Path], pred_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("giaoban_extract_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(scorer)
    print(f"{'set':24s} {'mode':6s} {'overall':>8s} {'dir P':>7s} {'dir R':>7s} {'dir F1':>7s} {'fields':>7s}")
    for gold in sets:
        for mode in MODES:
            report, _ = scorer.score(gold, pred_dir / mode)
            d = report["directives"]
            print(f"{str(gold)[-24:]:24s} {mode:6s} {report['overall']:8.4f} {d['precision']:7.3f} {d['recall']:7.3f} "
                  f"{d['f1']:7.3f} {report['directive_fields']['accuracy']:7.4f}")


if __name__ == "__main__":
    sys.exit(main())
