import json
import logging
import sys

from giaoban.operations.jsonlog import JsonFormatter


def _record(**extra) -> logging.LogRecord:
    return logging.makeLogRecord({"name": "giaoban.x", "levelname": "WARNING", "msg": "đã gửi %d thư",
                                  "args": (3,), **extra})


def test_a_record_becomes_one_line_of_json_with_its_extras_and_vietnamese_kept_readable():
    text = JsonFormatter().format(_record(status=503, user="lan"))
    assert "\n" not in text and "đã gửi 3 thư" in text
    line = json.loads(text)
    assert line["message"] == "đã gửi 3 thư" and line["level"] == "WARNING" and line["logger"] == "giaoban.x"
    assert line["status"] == 503 and line["user"] == "lan" and line["time"].endswith("+00:00")


def test_an_exception_is_kept_in_the_same_line_and_django_request_objects_are_left_out():
    try:
        raise ValueError("hỏng")
    except ValueError:
        record = _record(exc_info=sys.exc_info(), request=object())
    line = json.loads(JsonFormatter().format(record))
    assert "ValueError: hỏng" in line["exception"] and "request" not in line
