from conftest import OWN_TEXTS, score_dir


def test_own_texts_cover_required_genres():
    stems = {p.stem for p in OWN_TEXTS.glob("*.txt")}
    assert len(stems) >= 15
    assert all((OWN_TEXTS / f"{s}.json").exists() for s in stems)


def test_own_texts_score_above_threshold(tmp_path):
    report = score_dir(OWN_TEXTS, tmp_path)
    assert report["overall"] >= 0.99, report
    assert report["directives"]["f1"] >= 0.98, report["directives"]
