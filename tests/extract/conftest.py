"""Shared helpers for the extractor tests (no Django, no database)."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

SHARED = REPO.parent / "shared" / "extraction"
OWN_TEXTS = Path(__file__).resolve().parent / "texts"


def load_scorer():
    """The shared scorer module, or skip when shared/ is not beside the repo."""
    path = SHARED / "score.py"
    if not path.exists():
        pytest.skip("shared/extraction/score.py không có")
    spec = importlib.util.spec_from_file_location("giaoban_extract_score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def score_dir(gold_dir: Path, tmp_path: Path) -> dict:
    """Extract every ``*.txt`` of ``gold_dir`` into ``tmp_path`` and score against its gold."""
    import json

    from giaoban.extract import extract

    scorer = load_scorer()
    for txt in sorted(gold_dir.glob("*.txt")):
        record = extract(txt.read_text(encoding="utf-8"))
        (tmp_path / f"{txt.stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    report, _ = scorer.score(gold_dir, tmp_path)
    return report


@pytest.fixture(autouse=True)
def _media_root():
    """The project's root conftest points MEDIA_ROOT at a temp dir through pytest-django's
    ``settings``; the extractor never touches Django, so its tests override that fixture and
    run with or without pytest-django."""
    yield


def random_stretches(
    pieces: list[str], seed: int, count: int = 3000, most: int = 10, sep: str = ""
) -> Iterator[tuple[str, int, int]]:
    """``count`` texts of 1 to ``most`` of ``pieces`` (joined by ``sep``), each with a stretch ``(start, end)`` of it,
    drawn by a seeded generator: what the tests that hold a faster form of a pattern to the form it replaces run on."""
    rnd = random.Random(seed)
    for _ in range(count):
        text = sep.join(rnd.choice(pieces) for _ in range(rnd.randint(1, most)))
        start = rnd.randint(0, len(text))
        yield text, start, rnd.randint(start, len(text))
