from conftest import SHARED, score_dir


def test_dev_set_scores_at_least_target(tmp_path):
    # The target is 0.95; the dev set scores 1.0, so one wrong list item or field fails the test.
    report = score_dir(SHARED / "dev", tmp_path)
    assert report["overall"] >= 0.99, report
    assert report["directives"]["f1"] >= 0.98, report["directives"]
