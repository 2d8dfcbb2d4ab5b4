"""Which reminder occasion a day belongs to, for one deadline: pure date arithmetic.

Occasions are: N days before the deadline, the day itself, and every M days
after it (up to a limit, for reports).  On any day the current occasion is
the latest one not after it; it stays current until the next one, so a run
missed on the day itself still sends it on the following run, and only once.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Schedule:
    days_before: int = 7
    on_the_day: bool = True
    every_days_after: int = 7
    stop_after_days: int | None = None

    def occasion_for(self, deadline: datetime.date, today: datetime.date) -> datetime.date | None:
        """The latest occasion on or before `today` (None when none has come yet or all are past)."""
        candidates = []
        if self.days_before > 0:
            candidates.append(deadline - datetime.timedelta(days=self.days_before))
        if self.on_the_day:
            candidates.append(deadline)
        late = (today - deadline).days
        if self.every_days_after > 0 and late >= self.every_days_after:
            limit = late if self.stop_after_days is None else min(late, self.stop_after_days)
            steps = limit // self.every_days_after
            if steps:
                candidates.append(deadline + datetime.timedelta(days=steps * self.every_days_after))
        if self.stop_after_days is not None and late > self.stop_after_days:
            return None
        due = [day for day in candidates if day <= today]
        return max(due, default=None)

    def horizon(self) -> int:
        """How many days ahead of a deadline its first reminder can come."""
        return max(self.days_before, 0)
