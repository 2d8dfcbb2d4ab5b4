"""How values are written in an interchange file, and read back.

Dates ISO (`2022-06-30`), times of day `HH:MM:SS`, instants ISO 8601 in UTC with
microseconds (`2022-04-05T02:10:00.123456+00:00`, whatever the database's or the
server's time zone, so both databases write the same text), decimals as strings
without trailing zeros.
"""

import datetime
from decimal import Decimal

from django.utils.dateparse import parse_datetime, parse_time


def day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def read_day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def clock(value: datetime.time | None) -> str | None:
    return value.isoformat() if value else None


def read_clock(value: str | None) -> datetime.time | None:
    return parse_time(value) if value else None


def instant(value: datetime.datetime | None) -> str | None:
    return value.astimezone(datetime.UTC).isoformat(timespec="microseconds") if value else None


def read_instant(value: str | None) -> datetime.datetime | None:
    return parse_datetime(value) if value else None


def number(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def read_number(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)
