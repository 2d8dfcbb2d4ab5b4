"""Pages of ranked hits with a bounded count.

Hits are ordered by rank, an expression no index holds, so they are cut by page number; but the
count stops at COUNT_LIMIT: "hơn 1.000 kết quả" costs a COUNT over 1,001 rows, where an exact
count of a common word would read every matching row the user may see.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from giaoban.core.keyset import COUNT_LIMIT, bounded_count


class BoundedPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        found = bounded_count(self.object_list, COUNT_LIMIT)
        return COUNT_LIMIT + 1 if found is None else found

    @property
    def more(self) -> bool:
        """Whether there are more hits than counted (the last page then holds the 1,001st)."""
        return self.count > COUNT_LIMIT

    @property
    def count_label(self) -> str:
        if self.more:
            return _("hơn %(limit)s") % {"limit": f"{COUNT_LIMIT:,}".replace(",", ".")}
        return f"{self.count:,}".replace(",", ".")
