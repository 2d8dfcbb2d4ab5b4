"""The seam between the lists' own filter boxes and the search index.

A list in a lower app (directives, meetings) asks here which of its records match what was
typed; the search app, above them, registers the answer from its folded index at start-up, so
"ho son" finds "Hồ Sơn" in every box. Without it, a plain case-insensitive match is used.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model, QuerySet

Provider = Callable[[type[Model], str], QuerySet]
_provider: Provider | None = None


def register(provider: Provider) -> None:
    global _provider
    _provider = provider


def matching(queryset: QuerySet, text: str, fallback_field: str) -> QuerySet:
    """`queryset` narrowed to the records whose text matches `text`, forgiving diacritics."""
    if _provider is None:
        for word in text.split()[:6]:
            queryset = queryset.filter(**{f"{fallback_field}__icontains": word})
        return queryset
    return queryset.filter(pk__in=_provider(queryset.model, text))
