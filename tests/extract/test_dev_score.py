from conftest import SHARED, score_dir


def test_dev_set_scores_at_least_target(tmp_path):
    report = score_dir(SHARED / "dev", tmp_path)
    assert report["overall"] >= 0.90, report
    assert report["directives"]["f1"] >= 0.85, report["directives"]
