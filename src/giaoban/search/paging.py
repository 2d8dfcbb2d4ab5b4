"""Pages of ranked hits with a bounded count.

A search ranks at most query.WINDOW hits (one more than a count shows), so its pages are cut from
that list of ids and its count is the list's length: "hơn 1.000 kết quả" when the window is full,
where an exact count of a common word would read every matching row the user may see.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from giaoban.core.keyset import COUNT_LIMIT


class BoundedPaginator(Paginator):
    """Pages over the ranked ids (a list of at most COUNT_LIMIT + 1)."""

    @property
    def more(self) -> bool:
        """Whether there are more hits than counted (the last page then holds the 1,001st)."""
        return self.count > COUNT_LIMIT

    @property
    def count_label(self) -> str:
        if self.more:
            return _("hơn %(limit)s") % {"limit": f"{COUNT_LIMIT:,}".replace(",", ".")}
        return f"{self.count:,}".replace(",", ".")
