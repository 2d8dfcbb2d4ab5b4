"""Periods in URLs by what they are ("quarter-2022-1"), not by a row id.

A page about a period nobody has reported on yet must not have to store the
period first just to have an id to link to.
"""

from giaoban.periods.logic import TYPES, PeriodKey


class PeriodKeyConverter:
    regex = "(?:" + "|".join(TYPES) + r")-\d{4}-\d{1,4}"

    def to_python(self, value: str) -> PeriodKey:
        period_type, year, number = value.rsplit("-", 2)
        return PeriodKey(period_type, int(year), int(number))  # ValueError → no match → 404

    def to_url(self, value) -> str:
        key = value if isinstance(value, PeriodKey) else value.key
        return f"{key.type}-{key.year}-{key.number}"
