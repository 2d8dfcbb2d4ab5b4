"""Train the directive selector (``learned.py``) on annotated texts; ``make train`` runs it.

    python -m giaoban.extract.train --out src/giaoban/extract/directive_model.json [--plain] DIR…
    python -m giaoban.extract.train --cv K DIR… --folded DIR… [--scorer score.py] [--pred OUT]

Each DIR holds ``<id>.txt`` texts with their ``<id>.json`` gold records (GUIDE.md).  A piece is a
positive example when it matches a gold directive the way the scorer matches them (syllable-bag
F1 at least 0.6, pairs taken best first).  Training is L2-regularised logistic regression by
AdaGrad over the examples in a fixed order, the piece before seen with its gold decision: the same
data always gives the same weights.  ``--plain`` leaves the rules' own decision out of the features.
Blind halves of the corpus must never be given here.

``--cv K`` deals the texts of the ``--folded`` sets into K folds (each set's texts in turn, so every
fold holds some of each batch) and reads each fold's texts four ways: by the rules, by a model trained
on the other folds and the DIRs without the rules' decision ("model") and with it ("stacked"), and by
the rules with the pieces the stacked model is sure of ("union"); with ``--scorer`` it prints each
folded set's figures and the figures over all of them, for the four.
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
from .learned import Trace
from .pipeline import _extract

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
    record = _extract(txt.read_text(encoding="utf-8"), trace, learned.RULES)
    golds = [str(d.get("text") or "") for d in gold.get("directives") or []]
    matched = {i for i, _ in match([c.directive.text for c in trace.candidates], golds)}
    labels = [i in matched for i in range(len(trace.candidates))]
    return Text(txt.stem, trace, record, labels)


def read_dirs(dirs: list[Path]) -> list[Text]:
    return [read_text(txt) for d in dirs for txt in sorted(d.glob("*.txt")) if txt.with_suffix(".json").exists()]


def examples(texts: list[Text], stacked: bool = True) -> list[tuple[list[str], bool]]:
    """Features with the gold label of each piece; the piece before is seen with its gold label.
    Without ``stacked`` the rules' own decision is left out."""
    out = []
    for t in texts:
        rows = learned.text_features(t.trace)
        prev = "none"
        for i, (c, row, label) in enumerate(zip(t.trace.candidates, rows, t.labels, strict=True)):
            same = i > 0 and t.trace.candidates[i - 1].para == c.para
            feats = row + learned.state_features(row, prev, same)
            if not stacked:
                feats = [f for f in feats if "rules" not in f]
            out.append((feats, label))
            prev = "in" if label else "out"
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
    if t.trace.candidates and record.get("kind") != "other":
        # A text read as no meeting keeps its empty record, as the extractor returns it.
        record["directives"] = [d.as_dict() for d in learned.select(t.trace, model, union)]
    return record


def save(model: learned.Model, path: Path) -> None:
    data = {"bias": model.bias, "threshold": model.threshold, "weights": model.weights}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--plain", action="store_true", help="train without the rules' decision as a feature")
    ap.add_argument("--cv", type=int, metavar="K", help="K-fold figures over the --folded sets instead of a model")
    ap.add_argument("--folded", nargs="*", type=Path, default=[], help="sets whose texts are held out fold by fold")
    ap.add_argument("--pred", type=Path, help="with --cv: write each held-out text's record here")
    ap.add_argument("--scorer", type=Path, help="with --cv: score.py, to print each held-out set's figures")
    args = ap.parse_args(argv)
    if args.cv:
        folded = [read_dirs([d]) for d in args.folded]
        always = read_dirs(args.dirs)
        pred = args.pred or Path(tempfile.mkdtemp(prefix="cv-"))
        _cross_validate(always, folded, args.cv, pred)
        if args.scorer:
            _print_scores(args.scorer, args.folded, pred)
        return 0
    if args.out is None:
        ap.error("--out or --cv")
    texts = read_dirs(args.dirs)
    model = fit(examples(texts, stacked=not args.plain))
    save(model, args.out)
    pieces = sum(len(t.labels) for t in texts)
    print(f"{len(texts)} texts, {pieces} pieces, {sum(sum(t.labels) for t in texts)} in the directive part; "
          f"{len(model.weights)} weights -> {args.out}")
    return 0


MODES = ("rules", "model", "stacked", "union")


def folds(sets: list[list[Text]], k: int) -> list[list[Text]]:
    """K folds balanced over the sets: each set's texts, in name order, dealt out in turn."""
    out: list[list[Text]] = [[] for _ in range(k)]
    for texts in sets:
        for i, t in enumerate(sorted(texts, key=lambda t: t.name)):
            out[i % k].append(t)
    return out


def _cross_validate(always: list[Text], folded: list[list[Text]], k: int, pred_dir: Path) -> None:
    """Each fold's texts read by the rules, by models trained on every other fold and the sets always
    trained on (without and with the rules' decision), and by the rules with what the stacked model
    is sure of."""
    parts = folds(folded, k)
    count = 0
    for i, held in enumerate(parts):
        rest = always + [t for j, part in enumerate(parts) if j != i for t in part]
        plain, stacked = fit(examples(rest, stacked=False)), fit(examples(rest))
        for t in held:
            records = {"rules": t.record, "model": predict(t, plain), "stacked": predict(t, stacked),
                       "union": predict(t, stacked, union=True)}
            for mode, record in records.items():
                (pred_dir / mode).mkdir(parents=True, exist_ok=True)
                (pred_dir / mode / f"{t.name}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                                encoding="utf-8")
            count += 1
    print(f"{count} texts held out in {k} folds; records under {pred_dir}")


def _print_scores(scorer_path: Path, sets: list[Path], pred_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("giaoban_extract_score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(scorer)
    pooled = Path(tempfile.mkdtemp(prefix="cv-gold-"))
    for gold in sets:
        for src in gold.glob("*.json"):
            (pooled / src.name).write_bytes(src.read_bytes())
    print(f"{'set':24s} {'mode':8s} {'overall':>8s} {'dir P':>7s} {'dir R':>7s} {'dir F1':>7s} {'fields':>7s}")
    for gold in [*sets, pooled]:
        label = "all" if gold == pooled else str(gold)[-24:]
        for mode in MODES:
            report, _ = scorer.score(gold, pred_dir / mode)
            d = report["directives"]
            print(f"{label:24s} {mode:8s} {report['overall']:8.4f} {d['precision']:7.3f} {d['recall']:7.3f} "
                  f"{d['f1']:7.3f} {report['directive_fields']['accuracy']:7.4f}")


if __name__ == "__main__":
    sys.exit(main())
